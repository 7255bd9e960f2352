/**
 * The `LinkStore` seam: the store of record for captures and the built link tables.
 * Implementations: `DuckDBLinkStore` (duckdb/). Only `cli/main.ts` constructs one.
 */
import type { Capture } from '../core/types.js';

/** A capture as the ingest pipeline hands it to the store. */
export interface StoredCapture extends Capture {
  /** WARC-Payload-Digest of the response, so later revisits can find their payload. */
  payloadDigest?: string;
  /** Set for a WARC revisit: its links and page facts are those of the capture it refers to. */
  revisit?: { digest?: string; uri?: string; date?: string };
  /**
   * The links already serialised by `linksJson` (input workers do it off the main thread); when
   * set, `links` is ignored and `linkCount` says how many there are.
   */
  linksJson?: string;
  linkCount?: number;
}

/** One input (file or URL) being ingested, with what earlier runs already stored of it. */
export interface SourceState {
  sourceId: number;
  name: string;
  /** Records with an index below this were stored by an earlier run and can be skipped. */
  recordsDone: number;
  /** True when an earlier run finished this exact input (same fingerprint). */
  complete: boolean;
}

/** A record the pipeline could not use, kept for the report. */
export interface IngestErrorRecord {
  recordIndex: number;
  offset: number;
  message: string;
}

/** One atomic step of an input's ingest: these captures, these errors, progress up to here. */
export interface CaptureBatch {
  captures: StoredCapture[];
  errors: IngestErrorRecord[];
  /** All records with an index below this are now handled. */
  recordsDone: number;
  /** A crawl's frontier changes, committed with the captures (so a fetch is stored once). */
  frontier?: FrontierUpdate;
}

/** A URL to crawl: where it was found and how far from a seed. */
export interface FrontierSeed {
  url: string;
  host: string;
  depth: number;
}

/** What became of a taken frontier URL. */
export type FrontierState = 'queued' | 'done' | 'failed' | 'disallowed';

/** A frontier URL as the crawler takes it. */
export interface FrontierItem extends FrontierSeed {
  /** 'queued' (never fetched) or 'done' (due for a recrawl). */
  state: FrontierState;
  /** Validators of the last 2xx fetch (recrawl: conditional request), and its payload digest. */
  etag: string | null;
  lastModified: string | null;
  payloadDigest: string | null;
  /** ISO 8601 UTC of the last fetch, or null. */
  fetchedAt: string | null;
}

/** The outcome of one fetch (or refusal) of a frontier URL. */
export interface FrontierResult {
  url: string;
  state: Exclude<FrontierState, 'queued'>;
  status: number | null;
  fetchedAt: string | null;
  /** Kept from the previous fetch when null and the answer is a 304. */
  etag: string | null;
  lastModified: string | null;
  payloadDigest: string | null;
  /** Why it failed or was refused (robots, timeout, …). */
  error: string | null;
}

/** One batch of frontier changes of crawl `crawl`. */
export interface FrontierUpdate {
  crawl: string;
  results: FrontierResult[];
  /** Newly found URLs; ones the crawl already knows are ignored. */
  discovered: FrontierSeed[];
}

/** Frontier counts of one crawl. */
export interface FrontierStats {
  queued: number;
  done: number;
  failed: number;
  disallowed: number;
}

/** What appending a batch did. */
export interface AppendResult {
  added: number;
  /** Captures already stored with the same (url, fetched_at). */
  duplicates: number;
  links: number;
}

/** Counts describing the index. */
export interface StoreStats {
  sources: number;
  captures: number;
  captureLinks: number;
  ingestErrors: number;
  firstCapture: string | null;
  lastCapture: string | null;
  built: BuildStats | null;
}

/** Counts describing the last successful build. */
export interface BuildStats {
  builtAt: string;
  pages: number;
  links: number;
  indirectLinks: number;
  liveLinks: number;
  lostLinks: number;
  domains: number;
  hosts: number;
  referringDomains: number;
  crawlDates: string[];
  seconds: number;
}

/** Progress of a long store operation. */
export type StepProgress = (step: string, index: number, total: number) => void;

/** Rows written by an export: one string per line, without the newline. */
export type LineSink = (line: string) => void | Promise<void>;

/** Options for importing a links CSV export of another tool. */
export interface LinksCsvOptions {
  /** Used where a row has no first_seen / last_seen (ISO 8601 UTC). */
  seenAt: string;
}

/** The string dictionaries of the link index (DESIGN §5): each is numbered by the writer. */
export const INDEX_DICTIONARIES = [
  'domain',
  'page_url',
  'url',
  'host',
  'tld',
  'ip',
  'country',
  'platform',
  'title',
  'lang',
  'encoding',
  'item_type',
  'anchor',
  'alt',
  'text_pre',
  'text_post',
  'semantic_location',
  'redirect_target',
  'attributes',
  'path',
] as const;

/** A dictionary of the link index. */
export type IndexDictionary = (typeof INDEX_DICTIONARIES)[number];

/** Columns of one chunk of rows, all of the chunk's length. */
export type IndexChunk = Record<string, Int32Array | Float64Array>;

/**
 * Receives the built tables as the link index needs them (`LinkStore.readIndexColumns`):
 * dictionaries first, then pages, then links. Chunks are only valid during the call.
 */
export interface IndexColumnSink {
  /**
   * Order the distinct non-null values of a dictionary (`platform`, `attributes`: JSON arrays;
   * `path`: JSON array of hops); a value's id is its position in the returned array.
   */
  orderDictionary(name: IndexDictionary, values: string[]): string[];
  /** How many pages and links will follow (so columns can be allocated once). */
  expect(pages: number, links: number): void;
  /**
   * Source pages (every url_from), by `page` id = position in `page_url`. Columns: `page`;
   * dictionary ids (-1 = null) `domain tld ip country platform title lang encoding` (`ip` = the
   * host's most recent IP, else the page's); `is_ip is_technical` (0/1); `spam_signals` (bit
   * mask, 0 = none); `status page_rank page_pass domain_rank domain_pass spam_score
   * host_spam_score domain_spam_score` (-32768 = null); `size internal_links external_links`
   * (NaN = null).
   */
  pages(chunk: IndexChunk): void;
  /**
   * Links in link order (docs/intersection-semantics.md §Data). Columns: dictionary ids `page
   * url host domain_to item_type anchor alt text_pre text_post semantic_location
   * redirect_target attributes path` (-1 = null); `flags` (bits: dofollow, lost, new, indirect,
   * internal, original, broken, url_from_https, url_to_https); `rank page_from_rank
   * domain_from_rank backlink_spam_score url_to_spam_score url_to_status_code` (-32768 = null);
   * `first_seen prev_seen last_seen` (seconds, 0 = null); `links_count`.
   */
  links(chunk: IndexChunk): void;
}

/** What `LinkStore.describeTarget` describes: one page, or every page of a host or domain. */
export type FactsTarget =
  | { kind: 'page'; url: string }
  | { kind: 'host'; host: string }
  | { kind: 'domain'; domain: string };

/** The page facts of one page of the last build (nulls where a step had nothing to say). */
export interface PageFacts {
  kind: 'page';
  url: string;
  host: string;
  domain: string;
  status: number | null;
  /** 0–100; null when the page has no 2xx HTML capture. */
  spamScore: number | null;
  /** Bit mask over `SPAM_SIGNALS`. */
  spamSignals: number | null;
  hostSpamScore: number | null;
  domainSpamScore: number | null;
  /** 0–1000 (docs/ranks.md); null until the rank step fills it. */
  pageRank: number | null;
  domainRank: number | null;
  /** The domain's platform types, most frequent first. */
  platformTypes: string[] | null;
  hostIp: string | null;
  country: string | null;
  isTechnical: boolean;
}

/** The page facts of a host or registrable domain of the last build. */
export interface SiteFacts {
  kind: 'host' | 'domain';
  name: string;
  /** Its registrable domain (itself for a domain). */
  domain: string;
  pages: number;
  pagesScored: number;
  /** Mean spam score of the scored pages (the host's or domain's), null when none. */
  spamScore: number | null;
  /** Each signal bit that fired on at least one page, with on how many, by bit. */
  signalPages: Array<{ bit: number; pages: number }>;
  /** The highest-scoring pages, highest first (ties by URL). */
  topPages: Array<{ url: string; spamScore: number; spamSignals: number }>;
  domainRank: number | null;
  platformTypes: string[] | null;
  /** The host's IP and country (null for a domain, whose hosts may differ). */
  hostIp: string | null;
  country: string | null;
  isTechnical: boolean;
}

/** What `describeTarget` returns for a target the last build has pages of. */
export type TargetFacts = PageFacts | SiteFacts;

/** The store of record: append captures, build the link tables, export, describe. */
export interface LinkStore {
  /** Register an input (by name and fingerprint) and say what earlier runs stored of it. */
  openSource(name: string, fingerprint: string): Promise<SourceState>;
  /** Store one batch atomically: captures (deduplicated on url + fetched_at), errors, progress. */
  appendBatch(source: SourceState, batch: CaptureBatch): Promise<AppendResult>;
  /** Mark an input finished. */
  finishSource(source: SourceState): Promise<void>;
  /** Import a links CSV (url_from, url_to, anchor, rel, first_seen, last_seen) in one transaction. */
  importLinksCsv(source: SourceState, path: string, opts: LinksCsvOptions): Promise<AppendResult>;
  /** Full rebuild of pages and links from all captures; swaps in atomically. */
  build(onProgress?: StepProgress): Promise<BuildStats>;
  /** Captures NDJSON lines ordered by (url, fetched_at), revisits resolved. */
  exportCaptures(sink: LineSink): Promise<number>;
  /** The built links as rows of plain values, ordered by (url_from, url_to, item_type). */
  exportLinks(
    format: 'ndjson' | 'csv' | 'parquet',
    outPath: string | null,
    sink: LineSink,
  ): Promise<number>;
  /** Hand the built pages and links to the link index writer, columnar (see `IndexColumnSink`). */
  readIndexColumns(sink: IndexColumnSink, onProgress?: StepProgress): Promise<void>;
  /**
   * Page facts (spam score and signals, ranks, platform types, IP, country) of a page, host or
   * domain in the last build; null when the build has no page of it (or no build exists).
   * @param topPages how many of a site's highest-scoring pages to list
   */
  describeTarget(target: FactsTarget, topPages: number): Promise<TargetFacts | null>;
  stats(): Promise<StoreStats>;
  /** Add URLs to crawl `crawl`'s frontier (known ones are left as they are); returns how many were new. */
  frontierAdd(crawl: string, seeds: readonly FrontierSeed[]): Promise<number>;
  /**
   * Up to `limit` URLs of crawl `crawl` to fetch, shallowest and earliest found first: queued
   * ones (unless `queued` is false), then (with `recrawlBefore`, ISO UTC) done ones last fetched
   * before that time. URLs in `skip` (in flight) are left out.
   */
  frontierTake(
    crawl: string,
    limit: number,
    want: { queued: boolean; recrawlBefore: string | null },
    skip: ReadonlySet<string>,
  ): Promise<FrontierItem[]>;
  frontierStats(crawl: string): Promise<FrontierStats>;
  close(): Promise<void>;
}
