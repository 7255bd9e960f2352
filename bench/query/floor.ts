/**
 * The memory-bandwidth floor of a query: the time to read, once and sequentially, as many 32-bit
 * link ids as the query's posting lists hold (every link whose target matches one of its targets
 * or excludes, any status). Any engine that looks at each touched link once needs at least this;
 * it is a scan of a typed array of that length, summed, warm (in cache when it fits).
 */
import type { IntersectQuery, TargetSpec } from '../../src/core/query/intersect-query.js';
import { median } from '../stats.js';

/** Rows of a count statement: `$1` … are bound parameters. */
export type CountLinks = (sql: string, params: Array<string | number | boolean>) => Promise<number>;

function specSql(s: TargetSpec): [string, string[]] {
  switch (s.kind) {
    case 'page':
      return ['url_to = $1', [s.value]];
    case 'prefix':
      return ['starts_with(url_to, $1)', [s.value]];
    default:
      return s.includeSubdomains
        ? s.kind === 'domain'
          ? ['domain_to = $1', [s.value]]
          : ["(host_to = $1 OR host_to LIKE '%.' || $1)", [s.value]]
        : ["host_to IN ($1, 'www.' || $1)", [s.value]];
  }
}

/** Links in the posting lists of `q`'s targets and excludes. */
export async function touchedLinks(q: IntersectQuery, count: CountLinks): Promise<number> {
  let n = 0;
  for (const s of [...q.targets, ...q.excludes]) {
    const [where, params] = specSql(s);
    n += await count(`SELECT count(*) AS n FROM links WHERE ${where}`, params);
  }
  return n;
}

let ids = new Uint32Array(0);
let warm = false;

function sumIds(a: Uint32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + (a[i] as number)) | 0;
  return s;
}

/** Median seconds of `runs` sequential sums of `n` link ids (the summing loop warmed first). */
export function scanFloorSeconds(n: number, runs: number): number {
  if (ids.length < Math.max(n, 1 << 20)) {
    ids = new Uint32Array(Math.max(n, 1 << 20));
    for (let i = 0; i < ids.length; i++) ids[i] = (i * 2654435761) >>> 0;
  }
  let sink = 0;
  if (!warm) {
    for (let i = 0; i < 50; i++) sink ^= sumIds(ids, 1 << 20);
    warm = true;
  }
  sink ^= sumIds(ids, n);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    sink ^= sumIds(ids, n);
    times.push((performance.now() - t) / 1000);
  }
  if (sink === 0.5) console.log(sink);
  return median(times);
}
