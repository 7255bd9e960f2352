/**
 * The crawler's seams (issue 7): fetching one URL politely and recording it. `run-crawl.ts`
 * drives them: frontier (in the store) → scheduler (robots, per-host delay, concurrency) →
 * fetcher (undici) → WARC writer + `captureFromHttp` → store.
 */

/** One HTTP fetch, as the crawler records it (a WARC request/response pair and a capture). */
export interface FetchedResponse {
  /** The URL fetched (normalised; redirects are not followed: a 3xx is its own response). */
  url: string;
  /** ISO 8601 UTC, second precision (`2026-12-04T10:11:12Z`): when the response began. */
  fetchedAt: string;
  status: number;
  /** The reason phrase as received (`OK`, `Not Found`; may be empty), for the WARC status line. */
  statusText?: string;
  /** Response headers in wire order, names as sent. */
  headers: Array<[string, string]>;
  /** The body as transferred (still content-encoded: gzip, br, deflate), for the WARC record. */
  rawBody: Uint8Array;
  /** The payload with the content encoding removed, for link extraction. */
  body: Uint8Array;
  /** The server's IP address (from the socket), when known. */
  ip: string | undefined;
  /** The request as sent (method, path, headers), for the WARC request record. */
  request: { method: string; headers: Array<[string, string]> };
  /** True when the body was cut at the size limit (the capture keeps what arrived). */
  truncated: boolean;
}

/** Why a fetch gave no response. `timeout` and `network` were retried; the others are final. */
export type FetchErrorClass = 'timeout' | 'network' | 'dns' | 'tls' | 'too-large' | 'protocol';

/** The outcome of one fetch, after retries. */
export type FetchOutcome =
  | { ok: true; response: FetchedResponse; attempts: number }
  | { ok: false; errorClass: FetchErrorClass; message: string; attempts: number };

/** Conditional-request validators of a page fetched before (recrawl). */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Per-call options of {@link Fetcher.fetch}. */
export interface FetchOptions {
  validators?: Validators;
  signal?: AbortSignal;
  maxBodyBytes?: number;
}

/** Fetches one URL at a time per call; keep-alive connections are pooled per origin. */
export interface Fetcher {
  /**
   * Fetch `url` (GET, no redirect following, retries as configured). An aborted `signal`
   * rejects with its reason. `maxBodyBytes` overrides the fetcher's limit for this call
   * (robots.txt: 500 KiB).
   */
  fetch(url: string, opts?: FetchOptions): Promise<FetchOutcome>;
  close(): Promise<void>;
}

/** The robots.txt rules of one origin for our user agent (RFC 9309). */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** `Crawl-delay` of our group in ms, or null. */
  crawlDelayMs: number | null;
  /** Why these rules: fetched (2xx), `unavailable` (4xx: allow all), `unreachable` (5xx or network: disallow all for now). */
  source: 'fetched' | 'unavailable' | 'unreachable';
}
