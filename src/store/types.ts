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

/** Which built rows the link index writer reads (see `LinkStore.readIndexRows`). */
export type IndexRowKind = 'pages' | 'links';

/** One chunk of rows as plain values (numbers, strings, booleans, arrays, objects, null). */
export type IndexRowSink = (rows: Record<string, unknown>[]) => void | Promise<void>;

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
  /**
   * Stream the built rows the link index is written from, in chunks:
   * - `pages`: the source pages (every `url_from` of `links`) ordered by url, with their facts;
   * - `links`: every link in link order (url_from, url_to, item_type, is_indirect_link, url of
   *   the first hop), times as whole seconds since the epoch.
   * Returns the number of rows.
   */
  readIndexRows(kind: IndexRowKind, onRows: IndexRowSink): Promise<number>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
