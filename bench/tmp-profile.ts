import type { IntersectQuery } from '../src/core/query/intersect-query.js';
import { collect, releaseScratch } from '../src/engine/collect.js';
import { createIndexView } from '../src/engine/index-view.js';
import { createLinkFields } from '../src/engine/link-fields.js';
import { linksOfPages, verifyPages } from '../src/engine/verify-pages.js';
import { indexRootFor, loadLinkIndex, PageSets } from '../src/link-index/index.js';

const data = await loadLinkIndex(indexRootFor(process.argv[2] as string));
const v = createIndexView(data);
const sets = new PageSets(v.hosts, v.urls, v.link.page, 1000);
const fields = createLinkFields(v, 'one_thousand');
const scratch = { mask: new Uint32Array(v.nPages), pos: new Int32Array(v.nPages).fill(-1) };
const marks = { hostBits: new Uint32Array(v.hosts.offsets.length - 1), urlBits: new Uint32Array(v.urls.name.count) };
const t = (value: string, i: number) => ({ kind: 'domain' as const, value, includeSubdomains: true, raw: value, key: String(i + 1) });
const q: IntersectQuery = {
  source: 'page', targets: [t('plulaipress.de', 0), t('vamigearnews.org', 1)],
  excludes: [{ kind: 'domain', value: 'youtube.com', includeSubdomains: true, raw: '' }],
  minMatching: 2, status: 'live', includeIndirect: true, excludeInternal: true,
  linkFilters: [{ kind: 'cond', field: { target: 0, name: 'dofollow' }, type: 'bool', op: '=', value: true }, null],
  itemFilter: null, order: [], offset: 0, limit: 100, rankScale: 'one_thousand', internalListLimit: 10,
};
const time = (name: string, f: () => unknown) => {
  const xs: number[] = [];
  for (let i = 0; i < 15; i++) { const s = performance.now(); f(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  console.log(name, (xs[7] as number).toFixed(2));
};
time('collect scan', () => { const c = collect(v, q, fields, scratch, false, false); releaseScratch(scratch, c); });
time('verify', () => { const c = verifyPages(v, q, fields, scratch, marks, sets, true); if (c) releaseScratch(scratch, c); });
const c = verifyPages(v, q, fields, scratch, marks, sets, true)!;
console.log('cands', c.candidates.length);
const pages = Array.from(c.candidates.subarray(0, 100));
releaseScratch(scratch, c);
time('linksOfPages 100', () => linksOfPages(v, q, fields, marks, pages));
const { openLinkIndexEngine } = await import('../src/engine/index.js');
const e = await openLinkIndexEngine(indexRootFor(process.argv[2] as string));
for (let i = 0; i < 3; i++) await e.pageIntersection(q);
const xs: number[] = [];
for (let i = 0; i < 30; i++) { const s = performance.now(); await e.pageIntersection(q); xs.push(performance.now() - s); }
xs.sort((a, b) => a - b);
console.log('engine p50', xs[15]?.toFixed(2), 'min', xs[0]?.toFixed(2));
