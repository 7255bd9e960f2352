/**
 * The crawler's fetcher on undici: one keep-alive HTTP/1.1 connection per origin, GET with our
 * User-Agent and compression, conditional requests, no redirect following, bounded time and
 * size, retries with backoff for 5xx and network failures, the server IP from the socket.
 */
import { Agent, type buildConnector } from 'undici';
import { decodeBody } from '../../ingest/warc/index.js';
import type { FetchedResponse, Fetcher, FetchOutcome, Validators } from '../types.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import { isRetriableClass } from './classify-fetch-error.js';
import type { ConnectToRule } from './connect-to.js';
import { type AttemptResponse, fetchOnce, type OversizePolicy } from './fetch-once.js';
import { createRememberingConnector } from './remembering-connector.js';

/** Default `timeoutMs`: 30 s. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
/** Default `maxBodyBytes`: 5 MiB. */
export const DEFAULT_FETCH_MAX_BODY_BYTES = 5 * 1024 * 1024;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Options of {@link createFetcher}. */
export interface FetcherOptions {
  /** Sent as `User-Agent`. */
  userAgent: string;
  /** Connect, response-head and body-idle timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** Deadline of one attempt from dispatch to the last body byte, ms (default 4 × timeoutMs). */
  deadlineMs?: number;
  /** Most body bytes kept as transferred (default 5 MiB); the decoded body has the same cap. */
  maxBodyBytes?: number;
  /**
   * Over the limit: `truncate` (default) keeps what arrived and sets `truncated`; `fail` gives a
   * `too-large` outcome, without reading when Content-Length already says so.
   */
  oversize?: OversizePolicy;
  /** Retries after the first attempt for 5xx, `timeout` and `network` (default 2). */
  retries?: number;
  /** Backoff base in ms (default 500): retry n waits 0.5–1 × base·2^(n−1), or Retry-After. */
  backoffMs?: number;
  /** Sent as `Accept` (default HTML first, anything else accepted). */
  accept?: string;
  /** undici connector options: `lookup` (tests point every name at loopback), TLS options. */
  connect?: buildConnector.BuildOptions;
  /**
   * Dial elsewhere, as curl's `--connect-to` (see {@link parseConnectTo}); the Host header and
   * TLS server name stay the URL's. For a loopback test web served to the built CLI.
   */
  connectTo?: ConnectToRule[];
  /** Tests: the TCP port to dial for an origin no `connectTo` rule matched. */
  dialPort?: (origin: URL) => number;
  /** Idle keep-alive connections are closed after this many ms unless the server says (4 s). */
  keepAliveTimeoutMs?: number;
  /** Clock in ms since the epoch (default Date.now). */
  now?: () => number;
  /** Waits between retries (default a timer; rejects with the signal's reason when aborted). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `2026-12-04T10:11:12Z` of epoch ms. */
function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function requestHeaders(url: URL, o: FetcherOptions, v: Validators = {}): Array<[string, string]> {
  const h: Array<[string, string]> = [
    ['host', url.host],
    ['connection', 'keep-alive'],
    ['User-Agent', o.userAgent],
    ['Accept', o.accept ?? DEFAULT_ACCEPT],
    ['Accept-Encoding', 'gzip, deflate, br'],
  ];
  if (v.etag !== undefined) h.push(['If-None-Match', v.etag]);
  if (v.lastModified !== undefined) h.push(['If-Modified-Since', v.lastModified]);
  return h;
}

async function toResponse(
  url: string,
  r: AttemptResponse,
  sent: Array<[string, string]>,
  maxBodyBytes: number,
): Promise<FetchedResponse> {
  const encodings = r.headers.filter(([k]) => k.toLowerCase() === 'content-encoding');
  const decoded = await decodeBody(r.rawBody, encodings, maxBodyBytes);
  return {
    url,
    fetchedAt: isoSeconds(r.startedAt),
    status: r.status,
    statusText: r.statusText,
    headers: r.headers,
    rawBody: r.rawBody,
    body: decoded.body,
    ip: r.ip,
    // undici writes `host` and `connection` itself, lower-case, before our headers.
    request: { method: 'GET', headers: sent },
    truncated: r.truncated || (encodings.length > 0 && decoded.body.length >= maxBodyBytes),
  };
}

/**
 * A {@link Fetcher} on an undici Agent with `connections: 1` per origin (politeness: one
 * connection per host; it is also how the server IP is known, see remembering-connector.ts).
 * A 3xx is returned as is. A 5xx still failing after the last retry is returned as a response.
 * An invalid URL or a scheme other than http(s) is a `protocol` failure with `attempts: 0`.
 * `close()` destroys the Agent, failing requests still in flight.
 * @example const f = createFetcher({ userAgent: 'linkgap/0.1' }); const o = await f.fetch(url);
 */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? sleepFor;
  const random = opts.random ?? Math.random;
  const retries = opts.retries ?? 2;
  const connector = createRememberingConnector(
    { timeout: timeoutMs, ...opts.connect },
    {
      ...(opts.connectTo === undefined ? {} : { connectTo: opts.connectTo }),
      ...(opts.dialPort === undefined ? {} : { dialPort: opts.dialPort }),
    },
  );
  const agent = new Agent({
    connect: connector.connect,
    connections: 1,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: opts.keepAliveTimeoutMs ?? 4000,
  });

  async function fetch(
    url: string,
    call: Parameters<Fetcher['fetch']>[1] = {},
  ): Promise<FetchOutcome> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { ok: false, errorClass: 'protocol', message: `invalid URL ${url}`, attempts: 0 };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      const message = `unsupported scheme ${target.protocol}`;
      return { ok: false, errorClass: 'protocol', message, attempts: 0 };
    }
    const maxBodyBytes = call.maxBodyBytes ?? opts.maxBodyBytes ?? DEFAULT_FETCH_MAX_BODY_BYTES;
    const headers = requestHeaders(target, opts, call.validators);
    for (let attempt = 1; ; attempt++) {
      const r = await fetchOnce({
        dispatcher: agent,
        url: target,
        headers,
        maxBodyBytes,
        oversize: opts.oversize ?? 'truncate',
        timeoutMs,
        deadlineMs: opts.deadlineMs ?? 4 * timeoutMs,
        signal: call.signal,
        now,
        ipOf: connector.ipOf,
      });
      const retriable = r.ok ? r.status >= 500 : isRetriableClass(r.errorClass);
      if (!retriable || attempt > retries) {
        if (!r.ok) return { ...r, attempts: attempt };
        return {
          ok: true,
          response: await toResponse(url, r, headers, maxBodyBytes),
          attempts: attempt,
        };
      }
      const retryAfter = r.ok
        ? parseRetryAfter(r.headers.find(([k]) => k.toLowerCase() === 'retry-after')?.[1], now())
        : undefined;
      await sleep(backoffDelay(attempt, opts.backoffMs ?? 500, random, retryAfter), call.signal);
    }
  }

  return { fetch, close: () => agent.destroy() };
}
