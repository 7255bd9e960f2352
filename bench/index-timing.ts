/**
 * Quick local timing of the link index engine (not the benchmark harness): opens the index of
 * a built store and times the three query classes of DESIGN §8 on its most linked domains.
 * Usage: npx tsx bench/index-timing.ts <db file> [runs]
 */
import type { FilterExpr } from '../src/core/filter/types.js';
import type { IntersectQuery, QueryTarget } from '../src/core/query/intersect-query.js';
import { openLinkIndexEngine } from '../src/engine/index.js';
import { indexRootFor, loadLinkIndex } from '../src/link-index/index.js';

const db = process.argv[2] ?? './linkgap.duckdb';
const runs = Number(process.argv[3] ?? 30);

const data = await loadLinkIndex(indexRootFor(db));
const domainTo = data.column('link_domain_to');
const names = data.heap('domain_name');
const counts = new Float64Array(names.count);
for (let l = 0; l < domainTo.length; l++) {
  const d = domainTo[l] as number;
  if (d < names.count) counts[d] = (counts[d] as number) + 1;
}
const top = Array.from(counts.keys())
  .sort((a, b) => (counts[b] as number) - (counts[a] as number))
  .slice(0, 25)
  .map((d) => names.get(d));

const engine = await openLinkIndexEngine(indexRootFor(db));
console.log(`load ${engine.loadMs.toFixed(0)} ms; ${JSON.stringify(engine.info())}`);
console.log(`top domains: ${top.slice(0, 5).join(', ')}`);

const target = (value: string, i: number): QueryTarget => ({
  kind: 'domain',
  value,
  includeSubdomains: true,
  raw: value,
  key: String(i + 1),
});
const base = (targets: string[], excludes: string[]): IntersectQuery => ({
  source: 'page',
  targets: targets.map(target),
  excludes: excludes.map((v) => ({ kind: 'domain', value: v, includeSubdomains: true, raw: v })),
  minMatching: targets.length,
  status: 'live',
  includeIndirect: true,
  excludeInternal: true,
  linkFilters: targets.map(() => null),
  itemFilter: null,
  order: [],
  offset: 0,
  limit: 100,
  rankScale: 'one_thousand',
  internalListLimit: 10,
});
const dofollow: FilterExpr = {
  kind: 'cond',
  field: { target: 0, name: 'dofollow' },
  type: 'bool',
  op: '=',
  value: true,
};
// LINKGAP_TARGETS=a.com,b.com,c.com overrides the first targets (third = the exclude).
const chosen = (process.env.LINKGAP_TARGETS ?? '').split(',').filter((x) => x !== '');
const t = [...chosen, ...(top as string[]).filter((d) => !chosen.includes(d))];
const classes: Array<[string, IntersectQuery]> = [
  [
    'page: 2 popular + exclude + 1.dofollow, top 100',
    { ...base([t[0], t[1]] as string[], [t[2] as string]), linkFilters: [dofollow, null] },
  ],
  ['page: 2 popular, no filter, top 100', base([t[0], t[1]] as string[], [])],
  ['page: 20 targets at least 2', { ...base(t.slice(0, 20), []), minMatching: 2 }],
  ['domain: 2 popular, top 100', { ...base([t[0], t[1]] as string[], []), source: 'domain' }],
  [
    'domain: 2 popular + exclude, order 1.backlinks',
    {
      ...base([t[0], t[1]] as string[], [t[2] as string]),
      source: 'domain',
      order: [{ field: { target: 0, name: 'backlinks' }, direction: 'desc' }],
    },
  ],
];
for (const [name, q] of classes) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r =
      q.source === 'page' ? await engine.pageIntersection(q) : await engine.domainIntersection(q);
    times.push(performance.now() - s);
    total = r.total_count;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)] as number;
  const p90 = times[Math.floor(times.length * 0.9)] as number;
  const min = times[0] as number;
  console.log(
    `${name}: p50 ${p50.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, min ${min.toFixed(2)} ms, total_count ${total}`,
  );
}
