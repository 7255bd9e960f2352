/**
 * The crawler's frontier in the store (`crawl_frontier`): URLs by crawl with their depth,
 * discovery order, state and last fetch's validators. Discovered URLs are staged through an
 * appender and inserted with `ON CONFLICT DO NOTHING`, so a URL is known once per crawl; fetch
 * results update their rows inside the capture batch's transaction (capture-writer.ts).
 */

import { DuckDBTimestampValue } from '@duckdb/node-api';
import type {
  FrontierItem,
  FrontierResult,
  FrontierSeed,
  FrontierStats,
  FrontierUpdate,
} from '../types.js';
import type { DuckDBSession } from './session.js';

/** The next free `seq` per session and crawl (one writer process: kept here, not scanned for). */
const nextSeq = new WeakMap<DuckDBSession, Map<string, number>>();

async function seqBase(s: DuckDBSession, crawl: string): Promise<number> {
  let m = nextSeq.get(s);
  if (m === undefined) {
    m = new Map();
    nextSeq.set(s, m);
  }
  let base = m.get(crawl);
  if (base === undefined) {
    const r = await s.one('SELECT coalesce(max(seq), 0) AS m FROM crawl_frontier WHERE crawl = ?', [
      crawl,
    ]);
    base = Number(r?.m ?? 0);
    m.set(crawl, base);
  }
  return base;
}

/** Insert `seeds` into crawl `crawl` (inside the caller's transaction, if any); returns how many were new. */
export async function addFrontier(
  s: DuckDBSession,
  crawl: string,
  seeds: readonly FrontierSeed[],
): Promise<number> {
  if (seeds.length === 0) return 0;
  const app = await s.connection.createAppender('stage_frontier', null, 'temp');
  try {
    seeds.forEach((seed, i) => {
      app.appendVarchar(seed.url);
      app.appendVarchar(seed.host);
      app.appendInteger(seed.depth);
      app.appendInteger(i);
      app.endRow();
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
  try {
    const base = await seqBase(s, crawl);
    // The shallowest sighting of a URL in the batch wins; seq continues the crawl's order.
    const added = await s.exec(
      `INSERT INTO crawl_frontier (crawl, url, host, depth, seq, state)
       SELECT ?, url, host, depth, ? + row_number() OVER (ORDER BY depth, ord), 'queued'
       FROM (SELECT url, arg_min(host, depth * 1000000 + ord) AS host, min(depth) AS depth,
                    min(ord) AS ord
             FROM stage_frontier GROUP BY url)
       ON CONFLICT DO NOTHING`,
      [crawl, base],
    );
    nextSeq.get(s)?.set(crawl, base + seeds.length);
    return added;
  } finally {
    await s.exec('DELETE FROM stage_frontier');
  }
}

/** Record fetch results and discovered URLs (inside the batch's transaction). */
export async function applyFrontierUpdate(s: DuckDBSession, u: FrontierUpdate): Promise<void> {
  if (u.results.length > 0) await applyResults(s, u.crawl, u.results);
  await addFrontier(s, u.crawl, u.discovered);
}

/** One UPDATE for a batch of results, staged through an appender. */
async function applyResults(
  s: DuckDBSession,
  crawl: string,
  results: readonly FrontierResult[],
): Promise<void> {
  const app = await s.connection.createAppender('stage_frontier_results', null, 'temp');
  const str = (v: string | null) => (v === null ? app.appendNull() : app.appendVarchar(v));
  try {
    for (const r of results) {
      app.appendVarchar(r.url);
      app.appendVarchar(r.state);
      if (r.status === null) app.appendNull();
      else app.appendSmallInt(r.status);
      if (r.fetchedAt === null) app.appendNull();
      else app.appendTimestamp(new DuckDBTimestampValue(BigInt(Date.parse(r.fetchedAt)) * 1000n));
      str(r.etag);
      str(r.lastModified);
      str(r.payloadDigest);
      str(r.error);
      app.endRow();
    }
    app.flushSync();
  } finally {
    app.closeSync();
  }
  try {
    // A 304 keeps the validators and payload of the fetch it confirmed.
    await s.exec(
      `UPDATE crawl_frontier AS f SET state = r.state, status = r.status,
         fetched_at = coalesce(r.fetched_at, f.fetched_at),
         etag = CASE WHEN r.status = 304 THEN coalesce(r.etag, f.etag) ELSE r.etag END,
         last_modified = CASE WHEN r.status = 304 THEN coalesce(r.last_modified, f.last_modified)
                              ELSE r.last_modified END,
         payload_digest = CASE WHEN r.status = 304 THEN f.payload_digest ELSE r.payload_digest END,
         error = r.error
       FROM stage_frontier_results AS r
       WHERE f.crawl = ? AND f.url = r.url`,
      [crawl],
    );
  } finally {
    await s.exec('DELETE FROM stage_frontier_results');
  }
}

/** URLs to fetch next (see `LinkStore.frontierTake`). */
export async function takeFrontier(
  s: DuckDBSession,
  crawl: string,
  limit: number,
  want: { queued: boolean; recrawlBefore: string | null },
  skip: ReadonlySet<string>,
): Promise<FrontierItem[]> {
  const { queued, recrawlBefore } = want;
  const rows = await s.all(
    `SELECT url, host, depth, state, etag, last_modified, payload_digest,
            strftime(fetched_at, '%Y-%m-%dT%H:%M:%SZ') AS fetched_at
     FROM crawl_frontier
     WHERE crawl = ? AND ((? AND state = 'queued')
       OR (CAST(? AS TIMESTAMP) IS NOT NULL AND state = 'done' AND fetched_at < CAST(? AS TIMESTAMP)))
     ORDER BY state = 'done', depth, seq LIMIT ?`,
    [crawl, queued, recrawlBefore, recrawlBefore, limit + skip.size],
  );
  const out: FrontierItem[] = [];
  for (const r of rows) {
    const url = String(r.url);
    if (skip.has(url)) continue;
    out.push({
      url,
      host: String(r.host),
      depth: Number(r.depth),
      state: String(r.state) as FrontierItem['state'],
      etag: r.etag === null ? null : String(r.etag),
      lastModified: r.last_modified === null ? null : String(r.last_modified),
      payloadDigest: r.payload_digest === null ? null : String(r.payload_digest),
      fetchedAt: r.fetched_at === null ? null : String(r.fetched_at),
    });
    if (out.length === limit) break;
  }
  return out;
}

/** Counts by state of one crawl. */
export async function frontierStats(s: DuckDBSession, crawl: string): Promise<FrontierStats> {
  const rows = await s.all(
    'SELECT state, count(*) AS n FROM crawl_frontier WHERE crawl = ? GROUP BY state',
    [crawl],
  );
  const out: FrontierStats = { queued: 0, done: 0, failed: 0, disallowed: 0 };
  for (const r of rows) {
    const k = String(r.state) as keyof FrontierStats;
    if (k in out) out[k] = Number(r.n);
  }
  return out;
}
