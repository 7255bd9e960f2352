/**
 * Live checks of referring pages, not stored: fetch each page now (robots.txt, one request per
 * host at a time, a per-host delay, the crawler's fetcher) and say whether it still links to
 * each target (`pageCheck`). The explorer's "verify these prospects" uses it through
 * `linkgap serve`; `linkgap recheck` stores its fetches and rebuilds instead.
 */
import type { QueryTarget } from '../core/query/intersect-query.js';
import { captureFromHttp } from '../ingest/http/index.js';
import type { FrontierResult } from '../store/index.js';
import type { ConnectToRule } from './fetch/connect-to.js';
import { createFetcher } from './fetch/create-fetcher.js';
import { fetchPolitely } from './polite-fetch.js';
import { createHostScheduler } from './politeness/host-scheduler.js';
import { type PageCheck, pageCheck } from './recheck-verdict.js';
import { createRobotsCache } from './robots/robots-cache.js';
import type { Fetcher } from './types.js';

/** Checks pages now. */
export interface LiveChecker {
  /** One check per page, in order; `indexed` = the target keys the index links each page to. */
  check(
    pages: ReadonlyArray<{ url: string; indexed: ReadonlySet<string> }>,
    targets: readonly QueryTarget[],
  ): Promise<PageCheck[]>;
  close(): Promise<void>;
}

/** Options of `createLiveChecker`. */
export interface LiveCheckerOptions {
  userAgent: string;
  perHostDelayMs: number;
  concurrency: number;
  timeoutMs?: number;
  connectTo?: ConnectToRule[];
  insecure?: boolean;
  /** Tests: a fetcher of their own. */
  fetcher?: Fetcher;
}

/** A checker with its own fetcher, robots cache and host gate (shared by all requests). */
export function createLiveChecker(o: LiveCheckerOptions): LiveChecker {
  const fetcher =
    o.fetcher ??
    createFetcher({
      userAgent: o.userAgent,
      ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
      ...(o.insecure === true ? { connect: { rejectUnauthorized: false } } : {}),
      ...(o.connectTo === undefined ? {} : { connectTo: o.connectTo }),
    });
  const robots = createRobotsCache({ fetcher, userAgent: o.userAgent });
  const gate = createHostScheduler({ concurrency: o.concurrency });
  const checkOne = async (
    url: string,
    indexed: ReadonlySet<string>,
    targets: readonly QueryTarget[],
  ): Promise<PageCheck> => {
    const host = new URL(url).hostname;
    const base: FrontierResult = {
      url,
      state: 'done',
      status: null,
      fetchedAt: null,
      etag: null,
      lastModified: null,
      payloadDigest: null,
      error: null,
    };
    const polite = await fetchPolitely({ gate, robots, fetcher }, url, host, o.perHostDelayMs);
    if (polite.refused) {
      // An unreachable robots.txt (RFC 9309: disallow for now) means the site did not answer.
      const unreachable = polite.rules.source === 'unreachable';
      return pageCheck(url, targets, indexed, null, {
        ...base,
        state: unreachable ? 'failed' : 'disallowed',
        error: unreachable
          ? 'robots.txt unreachable: the site did not answer'
          : 'disallowed by robots.txt',
      });
    }
    const outcome = polite.outcome;
    if (!outcome.ok) {
      return pageCheck(url, targets, indexed, null, {
        ...base,
        state: 'failed',
        error: `${outcome.errorClass}: ${outcome.message}`,
      });
    }
    const r = outcome.response;
    const capture = captureFromHttp(r);
    return pageCheck(url, targets, indexed, capture, {
      ...base,
      status: r.status,
      fetchedAt: r.fetchedAt,
    });
  };
  return {
    check: (pages, targets) => Promise.all(pages.map((p) => checkOne(p.url, p.indexed, targets))),
    close: () => fetcher.close(),
  };
}
