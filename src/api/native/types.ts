/**
 * The native JSON API of the link-gap explorer (`/api/v1/…`): request and response shapes.
 * Pure types, imported by the server (src/api/native) and by the web UI (web/), so both sides
 * compile against one contract. docs/http-api.md §Native API describes every route.
 */

/**
 * How a competitor or my-site entry matches:
 * - `auto`: an http(s) URL is that exact page; a host or domain includes its subdomains;
 * - `subdomains`: the entry's host (or domain) and every subdomain of it;
 * - `host`: the entry's host only (and its `www.` twin);
 * - `page`: the exact URL (the entry must be an http(s) URL);
 * - `prefix`: every URL starting with the entry (my sites only; an http(s) URL).
 */
export type SiteScope = 'auto' | 'subdomains' | 'host' | 'page' | 'prefix';

/** A competitor or one of my sites: a domain, host or URL (≤ 1000 chars) and its scope. */
export interface SiteEntry {
  value: string;
  scope: SiteScope;
}

/** One row per referring page, or per referring registrable domain. */
export type ExploreMode = 'pages' | 'domains';

/** Which backlinks count: seen at the last visit (live, the default), gone (lost), or both. */
export type ExploreStatus = 'live' | 'lost' | 'all';

/**
 * The question the explorer asks. Every link option narrows which backlinks to a competitor
 * count; a prospect must link (with counted backlinks) to at least `minMatching` competitors and
 * have no page (pages mode: itself; domains mode: any page of the domain) linking to my sites.
 */
export interface ExploreQuery {
  /** 1–20. */
  competitors: SiteEntry[];
  /** 0–10. */
  mySites: SiteEntry[];
  mode: ExploreMode;
  /** 1..competitors.length; null = all of them. */
  minMatching: number | null;
  dofollowOnly: boolean;
  /** 0–100: backlinks from sources whose domain rank is at least this; null = any. */
  minDomainRank: number | null;
  /** 0–100: backlinks from pages whose spam score is at most this (unscored pages kept). */
  maxSpamScore: number | null;
  /** Source page language (ISO 639-1, e.g. `en`); null = any. */
  language: string | null;
  /** Source host's country (ISO 3166-1 alpha-2, e.g. `DE`); null = any. */
  country: string | null;
  /** Source domain platform type (`blogs`, `cms`, `ecommerce`, `message-boards`, …); null = any. */
  platform: string | null;
  /** `YYYY-MM-DD`: backlinks first seen on or after that day (UTC); null = any. */
  firstSeenAfter: string | null;
  excludeTechnicalHosts: boolean;
  status: ExploreStatus;
}

/** Sortable columns of the prospect table. */
export type ProspectSortField =
  | 'matches'
  | 'domain_rank'
  | 'page_rank'
  | 'spam_score'
  | 'backlinks'
  | 'first_seen'
  | 'prospect';

/** A sort: the column and its direction; ties fall back to matches, domain rank, prospect. */
export interface ProspectSort {
  field: ProspectSortField;
  dir: 'asc' | 'desc';
}

/** `POST /api/v1/prospects` body. */
export interface ProspectsRequest {
  query: ExploreQuery;
  /** Default: matches desc. */
  sort?: ProspectSort;
  /** 0..1,000,000; default 0. */
  offset?: number;
  /** 1..1000; default 50. */
  limit?: number;
}

/** One prospect: a referring page (pages mode) or registrable domain (domains mode). */
export interface ProspectRow {
  /** The page URL, or the registrable domain. */
  prospect: string;
  /** Pages mode: the page title; domains mode: null. */
  title: string | null;
  /** 0–100; null when unknown. */
  domainRank: number | null;
  /** 0–100: the page's rank (pages mode) or the best rank of its linking pages (domains mode). */
  pageRank: number | null;
  /** 0–100: the page's (pages) or the domain's (domains) spam score; null = never scored. */
  spamScore: number | null;
  /** How many competitors it links to. */
  matches: number;
  /** Per competitor, in the query's order: does it link to it. */
  linked: boolean[];
  /** Counted backlinks to the competitors. */
  backlinks: number;
  /** Earliest first-seen time of those backlinks (`YYYY-MM-DD hh:mm:ss +00:00`). */
  firstSeen: string | null;
  /** Latest last-seen time of those backlinks. */
  lastSeen: string | null;
}

/** The served index generation an answer came from. */
export interface GenerationRef {
  generation: string;
  /** ISO 8601 UTC. */
  builtAt: string;
}

/** `POST /api/v1/prospects` answer. */
export interface ProspectsResponse extends GenerationRef {
  mode: ExploreMode;
  /** Per competitor: the normalised target it became (`page https://a.com/x`, `domain a.com`). */
  competitors: string[];
  /** Every prospect matching (no cap). */
  total: number;
  offset: number;
  items: ProspectRow[];
  /** Server-side query time in milliseconds. */
  tookMs: number;
}

/** `POST /api/v1/overlap` body. */
export interface OverlapRequest {
  query: ExploreQuery;
  /** Largest combinations listed (1..100, default 10). */
  combinations?: number;
}

/** Prospects by how many competitors they link to; computed with `minMatching` = 1. */
export interface OverlapResponse extends GenerationRef {
  /** `byCount[i]` = prospects linking to exactly `i + 1` competitors (length = competitors). */
  byCount: number[];
  /** The largest sets of prospects sharing exactly the same competitors, biggest first. */
  combinations: Array<{ competitors: number[]; prospects: number }>;
  /** Per competitor: prospects linking to it (with the query's link options and my sites). */
  perCompetitor: number[];
  /** Per competitor: how fresh its backlinks are. */
  freshness: TargetFreshness[];
  tookMs: number;
}

/** How recent one competitor's backlinks in the index are. */
export interface TargetFreshness {
  /** The normalised target. */
  target: string;
  /** Backlinks in the index pointing to it (any status, any link option). */
  backlinks: number;
  /** Of those, live ones. */
  liveBacklinks: number;
  /** Distinct referring pages of its live backlinks. */
  referringPages: number;
  /** When a page linking to it was last crawled (`YYYY-MM-DD hh:mm:ss +00:00`), null = none. */
  lastSeen: string | null;
  /** The earliest first-seen of its backlinks. */
  firstSeen: string | null;
}

/** `POST /api/v1/evidence` body: every counted backlink from one prospect to each competitor. */
export interface EvidenceRequest {
  query: ExploreQuery;
  /** A `ProspectRow.prospect` of the same query (page URL or registrable domain). */
  prospect: string;
  /** Backlinks listed per competitor (1..1000, default 200); the count is always exact. */
  limit?: number;
}

/** One backlink shown as evidence. */
export interface EvidenceLink {
  urlFrom: string;
  urlTo: string;
  anchor: string | null;
  alt: string | null;
  textPre: string | null;
  textPost: string | null;
  /** `nofollow`, `ugc`, `sponsored`, … (empty = none). */
  rel: string[];
  dofollow: boolean;
  /** `anchor`, `image`, `link`, `meta`, `canonical`, `redirect`, … */
  itemType: string;
  semanticLocation: string | null;
  isIndirect: boolean;
  isLost: boolean;
  /** 0–100. */
  rank: number | null;
  firstSeen: string;
  lastSeen: string;
}

/** `POST /api/v1/evidence` answer. */
export interface EvidenceResponse extends GenerationRef {
  prospect: string;
  /** Per competitor, in the query's order. */
  competitors: Array<{ target: string; total: number; links: EvidenceLink[] }>;
  tookMs: number;
}

/** `GET /api/v1/index` answer: what is in the served index. */
export interface IndexSummary extends GenerationRef {
  links: number;
  pages: number;
  /** Registrable domains with at least one crawled page. */
  referringDomains: number;
  /** Every registrable domain seen (as source or target). */
  domains: number;
  hosts: number;
  /** Distinct target URLs. */
  targetUrls: number;
  /** From the store when the index was written; null for an index written by an older linkgap. */
  captures: number | null;
  sources: number | null;
  firstCapture: string | null;
  lastCapture: string | null;
  /** Distinct crawl days (`YYYY-MM-DD`), newest last; empty when unknown. */
  crawlDates: string[];
  /** Values seen in the index, for the form's choices (most frequent first). */
  languages: string[];
  countries: string[];
  platforms: string[];
  /** Example competitors: the most linked-to registrable domains. */
  topTargets: Array<{ domain: string; backlinks: number }>;
}

/** Every error of the native API (HTTP 4xx/5xx): a code, words, and the field at fault. */
export interface NativeError {
  error: {
    /** `invalid_request`, `unauthorized`, `not_found`, `method_not_allowed`, `too_large`, `rate_limited`, `internal`. */
    code: string;
    message: string;
    /** Path of the offending field (`query.competitors.2.value`), when one is at fault. */
    field?: string;
  };
}
