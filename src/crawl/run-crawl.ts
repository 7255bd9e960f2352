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
import type { FrontierItem, FrontierResult, FrontierSeed, StoredCapture } from '../store/index.js';
import type { CrawlDeps, CrawlOptions, CrawlSummary } from './crawl-deps.js';
import { type CrawlScopeKind, scopeTest } from './crawl-scope.js';
import { visit } from './crawl-visit.js';

export type {
  CrawlDeps,
  CrawlOptions,
  CrawlProgress,
  CrawlSummary,
  HostGate,
  ResponseArchive,
  RobotsSource,
} from './crawl-deps.js';
export type { CrawlVisit } from './crawl-visit.js';
export { MAX_CRAWL_DELAY_MS } from './polite-fetch.js';

/** The crawl's id: the same seeds and scope resume the same crawl. */
export function crawlId(seeds: readonly string[], scope: CrawlScopeKind): string {
  const h = createHash('sha256').update(JSON.stringify([scope, [...seeds].sort()]));
  return `crawl-${h.digest('hex').slice(0, 12)}`;
}

const TAKE = 512;

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
