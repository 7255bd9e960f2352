/**
 * The crawl loop: take URLs from the store's frontier (shallowest first, round-robin over
 * hosts, one in flight per host, at most `concurrency` at once), ask robots.txt, fetch through
 * the host scheduler (per-host delay, robots Crawl-delay), record each response in the WARC
 * output and as a capture (`captureFromHttp`, as ingest does; a 304 becomes a revisit of the
 * previous payload), and commit captures, frontier results and discovered URLs together (group
 * commit: whatever finished while the previous commit ran), so a killed crawl resumes where it
 * stopped and never stores a fetch twice.
 */
import { createHash } from 'node:crypto';
import { normalizeUrl } from '../core/url/normalize-url.js';
import { captureFromHttp } from '../ingest/http/index.js';
import type {
  FrontierItem,
  FrontierResult,
  FrontierSeed,
  LinkStore,
  StoredCapture,
} from '../store/index.js';
import { sha1Digest } from '../warc/index.js';
import { type CrawlScopeKind, linksToFollow, scopeTest } from './crawl-scope.js';
import type { FetchedResponse, Fetcher, RobotsRules } from './types.js';

/** What to crawl. */
export interface CrawlOptions {
  seeds: readonly string[];
  scope: CrawlScopeKind;
  /** Distinct pages the crawl fetches in all (across resumed runs; recrawls not counted). */
  maxPages: number;
  /** Links followed from a seed at most this many times. */
  maxDepth: number;
  concurrency: number;
  /** Minimum ms between two requests to one host (robots Crawl-delay may ask for more). */
  perHostDelayMs: number;
  /** Re-fetch pages fetched longer ago than this (ms), with conditional requests; null = never. */
  recrawlAfterMs: number | null;
}

/** The robots.txt rules of a URL's origin. */
export interface RobotsSource {
  rulesFor(url: string): Promise<RobotsRules>;
}

/** Runs a task for a host once the host's delay since its last request has passed. */
export interface HostGate {
  run<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T>;
}

/** Where responses are archived (WARC: `CrawlWarcWriter`); a 304 is written as a revisit. */
export interface ResponseArchive {
  write(
    r: FetchedResponse,
    opts?: { revisitOf?: { url: string; date: string; payloadDigest?: string } },
  ): Promise<unknown>;
}

/** What the loop runs on. */
export interface CrawlDeps {
  store: LinkStore;
  fetcher: Fetcher;
  robots: RobotsSource;
  gate: HostGate;
  archive: ResponseArchive | null;
  now: () => number;
  /** Stop taking URLs; in-flight fetches finish and are committed. */
  signal?: AbortSignal;
  /** Each visit's outcome, as it happens (recheck reads the captures from it). */
  onVisit?: (v: CrawlVisit) => void;
  onProgress?: (p: CrawlProgress) => void;
}

/** Progress, after each commit. */
export interface CrawlProgress {
  fetched: number;
  queued: number;
  activeHosts: number;
  errors: Record<string, number>;
  elapsedMs: number;
}

/** What a run did. */
export interface CrawlSummary {
  crawl: string;
  /** Fetches this run (responses and failures). */
  fetched: number;
  captures: number;
  notModified: number;
  disallowed: number;
  /** Failures by class (timeout, network, dns, tls, too-large, protocol). */
  errors: Record<string, number>;
  /** Responses by status class (`2xx`, `3xx`, …). */
  statuses: Record<string, number>;
  discovered: number;
  interrupted: boolean;
  seconds: number;
  frontier: { queued: number; done: number; failed: number; disallowed: number };
}

/** The crawl's id: the same seeds and scope resume the same crawl. */
export function crawlId(seeds: readonly string[], scope: CrawlScopeKind): string {
  const h = createHash('sha256').update(JSON.stringify([scope, [...seeds].sort()]));
  return `crawl-${h.digest('hex').slice(0, 12)}`;
}

const TAKE = 512;

/** A robots.txt Crawl-delay above this (a day, say) would stall a host: it is capped. */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** Crawl until the frontier is empty, the page budget is spent or `signal` aborts. */
export async function runCrawl(o: CrawlOptions, deps: CrawlDeps): Promise<CrawlSummary> {
  const { store } = deps;
  const started = deps.now();
  const seeds: FrontierSeed[] = [];
  for (const raw of o.seeds) {
    const n = normalizeUrl(raw);
    if (n.ok) seeds.push({ url: n.url, host: new URL(n.url).hostname, depth: 0 });
  }
  const crawl = crawlId(
    seeds.map((s) => s.url),
    o.scope,
  );
  const inScope = scopeTest(
    o.scope,
    seeds.map((s) => s.host),
  );
  const source = await store.openSource(`crawl:${crawl}`, 'crawl');
  await store.frontierAdd(crawl, seeds);
  const start = await store.frontierStats(crawl);
  let budget = o.maxPages - start.done - start.failed;
  // Fetch times are stored to the second: cut the bound to the second too, so nothing fetched
  // in this run (at or after its start's second) is ever due again in it.
  const recrawlBefore =
    o.recrawlAfterMs === null
      ? null
      : new Date(Math.floor((started - o.recrawlAfterMs) / 1000) * 1000).toISOString();

  const summary: CrawlSummary = {
    crawl,
    fetched: 0,
    captures: 0,
    notModified: 0,
    disallowed: 0,
    errors: {},
    statuses: {},
    discovered: 0,
    interrupted: false,
    seconds: 0,
    frontier: start,
  };
  const buffered = new Map<string, FrontierItem[]>();
  const known = new Set<string>();
  const active = new Set<string>();
  const tasks = new Set<Promise<void>>();
  let exhausted = false;
  const pending = {
    captures: [] as StoredCapture[],
    results: [] as FrontierResult[],
    found: [] as FrontierSeed[],
  };
  let commit: Promise<void> | null = null;
  let commitError: unknown = null;

  const flush = (): Promise<void> => {
    if (commit !== null) return commit;
    if (pending.results.length === 0) return Promise.resolve();
    const batch = pending.captures.splice(0);
    const results = pending.results.splice(0);
    const found = pending.found.splice(0);
    commit = store
      .appendBatch(source, {
        captures: batch,
        errors: [],
        recordsDone: 0,
        frontier: { crawl, results, discovered: found },
      })
      .then(
        (r) => {
          summary.captures += r.added;
          for (const x of results) known.delete(x.url);
          // The commit may have queued new URLs: look at the frontier again when idle.
          if (found.length > 0) exhausted = false;
          deps.onProgress?.({
            fetched: summary.fetched,
            queued: [...buffered.values()].reduce((n, q) => n + q.length, 0),
            activeHosts: active.size,
            errors: summary.errors,
            elapsedMs: deps.now() - started,
          });
        },
        (e) => {
          commitError = e;
        },
      )
      .finally(() => {
        commit = null;
        if (pending.results.length > 0 && commitError === null) void flush();
      });
    return commit;
  };

  const refill = async (): Promise<void> => {
    if (exhausted) return;
    const take = budget > 0 ? Math.min(TAKE, budget) : TAKE;
    const want = { queued: budget > 0, recrawlBefore };
    if (!want.queued && recrawlBefore === null) {
      exhausted = true;
      return;
    }
    const items = await store.frontierTake(crawl, take, want, known);
    if (items.length < take) exhausted = true;
    for (const it of items) {
      if (it.state === 'queued') {
        if (budget <= 0) continue;
        budget--;
      }
      known.add(it.url);
      const q = buffered.get(it.host);
      if (q === undefined) buffered.set(it.host, [it]);
      else q.push(it);
    }
  };

  const fetchOne = async (item: FrontierItem): Promise<void> => {
    const result = await visit(item, o, deps, inScope);
    deps.onVisit?.({ url: item.url, capture: result.capture, result: result.frontier });
    summary.fetched += result.fetched ? 1 : 0;
    if (result.capture !== null) pending.captures.push(result.capture);
    if (result.notModified) summary.notModified++;
    if (result.frontier.state === 'disallowed') summary.disallowed++;
    if (result.errorClass !== null) {
      summary.errors[result.errorClass] = (summary.errors[result.errorClass] ?? 0) + 1;
    }
    if (result.frontier.status !== null) {
      const k = `${Math.floor(result.frontier.status / 100)}xx`;
      summary.statuses[k] = (summary.statuses[k] ?? 0) + 1;
    }
    pending.results.push(result.frontier);
    for (const f of result.found) pending.found.push(f);
    summary.discovered += result.found.length;
    void flush();
  };

  for (;;) {
    if (commitError !== null) break;
    if (deps.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    if (buffered.size === 0 && !exhausted) await refill();
    // Backpressure: at most `concurrency` fetches wait for a commit, so a killed crawl loses
    // (and fetches again) at most that many besides those in flight.
    while (pending.results.length >= o.concurrency && commitError === null) {
      await flush();
    }
    // Start one fetch per idle host, up to the concurrency limit.
    for (const [host, q] of buffered) {
      if (tasks.size >= o.concurrency) break;
      if (active.has(host)) continue;
      const item = q.shift() as FrontierItem;
      if (q.length === 0) buffered.delete(host);
      active.add(host);
      const t: Promise<void> = fetchOne(item).finally(() => {
        active.delete(host);
        tasks.delete(t);
      });
      tasks.add(t);
    }
    if (tasks.size === 0) {
      // Nothing runs: commit, then look at the frontier again (the commit may have added URLs).
      await flush();
      await commit;
      if (buffered.size > 0) continue;
      exhausted = false;
      await refill();
      if (buffered.size === 0) break;
      continue;
    }
    await Promise.race(tasks);
  }
  await Promise.all(tasks);
  while (commitError === null && (commit !== null || pending.results.length > 0)) {
    await flush();
    await commit;
  }
  if (commitError !== null) throw commitError;
  summary.frontier = await store.frontierStats(crawl);
  summary.seconds = (deps.now() - started) / 1000;
  return summary;
}

/** What one visit of a URL gave: its capture (null when refused or failed) and frontier result. */
export interface CrawlVisit {
  url: string;
  capture: StoredCapture | null;
  result: FrontierResult;
}

/** One frontier URL's visit. */
interface Visit {
  fetched: boolean;
  capture: StoredCapture | null;
  notModified: boolean;
  errorClass: string | null;
  frontier: FrontierResult;
  found: FrontierSeed[];
}

async function visit(
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
  // robots.txt is a request to the host too: through the gate, so the page waits its delay.
  const rules = await deps.gate.run(item.host, 0, () => deps.robots.rulesFor(item.url));
  if (!rules.isAllowed(item.url)) {
    const why =
      rules.source === 'unreachable' ? 'robots.txt unreachable' : 'disallowed by robots.txt';
    return {
      fetched: false,
      capture: null,
      notModified: false,
      errorClass: null,
      frontier: { ...base, state: 'disallowed', error: why },
      found: [],
    };
  }
  const delay = Math.max(o.perHostDelayMs, Math.min(rules.crawlDelayMs ?? 0, MAX_CRAWL_DELAY_MS));
  const validators =
    item.state === 'done' && item.payloadDigest !== null
      ? {
          ...(item.etag === null ? {} : { etag: item.etag }),
          ...(item.lastModified === null ? {} : { lastModified: item.lastModified }),
        }
      : undefined;
  const outcome = await deps.gate.run(item.host, delay, () =>
    deps.fetcher.fetch(item.url, validators === undefined ? {} : { validators }),
  );
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
  const capture: StoredCapture = captureFromHttp({
    url: r.url,
    fetchedAt: r.fetchedAt,
    status: r.status,
    headers: r.headers,
    body: r.body,
    ...(r.ip === undefined ? {} : { ip: r.ip }),
  });
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
