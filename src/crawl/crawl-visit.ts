/**
 * One frontier URL's visit: robots.txt (through the host gate), the fetch after the host's
 * delay, the WARC record, the capture (`captureFromHttp` as ingest does; a 304 a revisit of the
 * previous payload) and the URLs to follow.
 */
import { captureFromHttp } from '../ingest/http/index.js';
import type { FrontierItem, FrontierResult, FrontierSeed, StoredCapture } from '../store/index.js';
import { sha1Digest } from '../warc/index.js';
import type { CrawlDeps, CrawlOptions } from './crawl-deps.js';
import { linksToFollow } from './crawl-scope.js';
import { fetchPolitely } from './polite-fetch.js';

/** What one visit of a URL gave: its capture (null when refused or failed) and frontier result. */
export interface CrawlVisit {
  url: string;
  capture: StoredCapture | null;
  result: FrontierResult;
}

/** One frontier URL's visit. */
export interface Visit {
  fetched: boolean;
  capture: StoredCapture | null;
  notModified: boolean;
  errorClass: string | null;
  frontier: FrontierResult;
  found: FrontierSeed[];
}

export async function visit(
  item: FrontierItem,
  o: CrawlOptions,
  deps: CrawlDeps,
  inScope: (host: string) => boolean,
): Promise<Visit> {
  const base: FrontierResult = {
    url: item.url,
    state: 'done',
    status: null,
    fetchedAt: null,
    etag: null,
    lastModified: null,
    payloadDigest: null,
    error: null,
  };
  const validators =
    item.state === 'done' && item.payloadDigest !== null
      ? {
          ...(item.etag === null ? {} : { etag: item.etag }),
          ...(item.lastModified === null ? {} : { lastModified: item.lastModified }),
        }
      : undefined;
  const polite = await fetchPolitely(deps, item.url, item.host, o.perHostDelayMs, validators);
  if (polite.refused) {
    const why =
      polite.rules.source === 'unreachable' ? 'robots.txt unreachable' : 'disallowed by robots.txt';
    return {
      fetched: false,
      capture: null,
      notModified: false,
      errorClass: null,
      frontier: { ...base, state: 'disallowed', error: why },
      found: [],
    };
  }
  const outcome = polite.outcome;
  if (!outcome.ok) {
    return {
      fetched: true,
      capture: null,
      notModified: false,
      errorClass: outcome.errorClass,
      frontier: { ...base, state: 'failed', error: `${outcome.errorClass}: ${outcome.message}` },
      found: [],
    };
  }
  const r = outcome.response;
  const previous =
    r.status === 304 && item.payloadDigest !== null && item.fetchedAt !== null
      ? { url: item.url, date: item.fetchedAt, payloadDigest: item.payloadDigest }
      : undefined;
  await deps.archive?.write(r, previous === undefined ? {} : { revisitOf: previous });
  const header = (name: string) => r.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
  const frontier: FrontierResult = {
    ...base,
    status: r.status,
    fetchedAt: r.fetchedAt,
    etag: header('etag'),
    lastModified: header('last-modified'),
  };
  if (r.status === 304 && item.payloadDigest !== null) {
    const capture: StoredCapture = {
      url: r.url,
      fetched_at: r.fetchedAt,
      status: 304,
      ...(r.ip === undefined ? {} : { ip: r.ip }),
      links: [],
      revisit: { digest: item.payloadDigest, uri: r.url },
    };
    return { fetched: true, capture, notModified: true, errorClass: null, frontier, found: [] };
  }
  const capture: StoredCapture = captureFromHttp(r);
  // The WARC writer's digest: the same payload read back from the archive resolves the same.
  capture.payloadDigest = sha1Digest(r.rawBody);
  frontier.payloadDigest = r.status >= 200 && r.status < 300 ? capture.payloadDigest : null;
  const found =
    item.depth >= o.maxDepth
      ? []
      : linksToFollow(capture, inScope).map((url) => ({
          url,
          host: new URL(url).hostname,
          depth: item.depth + 1,
        }));
  return { fetched: true, capture, notModified: false, errorClass: null, frontier, found };
}
