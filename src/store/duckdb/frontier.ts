/**
 * The crawler's frontier in the store (`crawl_frontier`): URLs by crawl with their depth,
 * discovery order, state and last fetch's validators. Discovered URLs are staged through an
 * appender and inserted with `ON CONFLICT DO NOTHING`, so a URL is known once per crawl; fetch
 * results update their rows inside the capture batch's transaction (capture-writer.ts).
 */
import type {
  FrontierItem,
  FrontierResult,
  FrontierSeed,
  FrontierStats,
  FrontierUpdate,
} from '../types.js';
import type { DuckDBSession } from './session.js';

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
    const before = await count(s, crawl);
    // The shallowest sighting of a URL in the batch wins; seq continues the crawl's order.
    await s.exec(
      `INSERT INTO crawl_frontier (crawl, url, host, depth, seq, state)
       SELECT ?, url, host, depth,
              (SELECT coalesce(max(seq), 0) FROM crawl_frontier WHERE crawl = ?) + row_number() OVER (ORDER BY depth, ord),
              'queued'
       FROM (SELECT url, arg_min(host, depth * 1000000 + ord) AS host, min(depth) AS depth,
                    min(ord) AS ord
             FROM stage_frontier GROUP BY url)
       ON CONFLICT DO NOTHING`,
      [crawl, crawl],
    );
    return (await count(s, crawl)) - before;
  } finally {
    await s.exec('DELETE FROM stage_frontier');
  }
}

async function count(s: DuckDBSession, crawl: string): Promise<number> {
  const r = await s.one('SELECT count(*) AS n FROM crawl_frontier WHERE crawl = ?', [crawl]);
  return Number(r?.n ?? 0);
}

/** Record fetch results and discovered URLs (inside the batch's transaction). */
export async function applyFrontierUpdate(s: DuckDBSession, u: FrontierUpdate): Promise<void> {
  for (const r of u.results) await applyResult(s, u.crawl, r);
  await addFrontier(s, u.crawl, u.discovered);
}

async function applyResult(s: DuckDBSession, crawl: string, r: FrontierResult): Promise<void> {
  await s.exec(
    `UPDATE crawl_frontier SET state = ?, status = ?,
       fetched_at = coalesce(CAST(? AS TIMESTAMP), fetched_at),
       etag = CASE WHEN ? = 304 THEN coalesce(?, etag) ELSE ? END,
       last_modified = CASE WHEN ? = 304 THEN coalesce(?, last_modified) ELSE ? END,
       payload_digest = CASE WHEN ? = 304 THEN payload_digest ELSE ? END,
       error = ?
     WHERE crawl = ? AND url = ?`,
    [
      r.state,
      r.status,
      r.fetchedAt,
      r.status,
      r.etag,
      r.etag,
      r.status,
      r.lastModified,
      r.lastModified,
      r.status,
      r.payloadDigest,
      r.error,
      crawl,
      r.url,
    ],
  );
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
