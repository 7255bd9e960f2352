/**
 * page_intersection on the index: candidates from `collect`, item filter, order, window, and
 * the backlink objects of the returned pages.
 */
import type { FilterCondition } from '../core/filter/types.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { NULL_I16 } from '../link-index/index.js';
import { buildBacklink } from './backlink.js';
import { type Collected, collect, releaseScratch, type UnitScratch } from './collect.js';
import { checkDeadline } from './deadline.js';
import type { IndexView } from './index-view.js';
import { filterCandidates } from './item-filter.js';
import type { LinkFields } from './link-fields.js';
import { compileLinkPredicate, numberTest } from './link-predicate.js';
import {
  compareBy,
  defaultOrderScore,
  type SortKey,
  selectByScore,
  selectWindow,
} from './top-n.js';
import type { Backlink, IntersectionResult, PageIntersectionItem } from './types.js';
import { scaleRankValue } from './values.js';

/** Per candidate: does some link of A_N from it satisfy `cond` (or the count test)? */
function resolveCondition(
  c: Collected,
  scratch: UnitScratch,
  fields: LinkFields,
  q: IntersectQuery,
  cond: FilterCondition,
): Uint8Array {
  const n = c.candidates.length;
  const out = new Uint8Array(n);
  const t = cond.field.target;
  if (t === null) {
    if (cond.field.name !== 'intersections_count') return out;
    const test = numberTest(cond);
    if (test !== null) for (let i = 0; i < n; i++) out[i] = test(c.counts[i] as number) ? 1 : 0;
    return out;
  }
  if (t >= q.targets.length) return out;
  const set = c.targetLinks(t);
  const pred = compileLinkPredicate(cond, fields, q.internalListLimit);
  const pos = scratch.pos;
  for (let j = 0; j < set.links.length; j++) {
    checkDeadline();
    const p = pos[set.units[j] as number] as number;
    if (p < 0 || out[p] === 1) continue;
    if (pred(set.links[j] as number)) out[p] = 1;
  }
  return out;
}

/** Order key values per candidate: max (desc) / min (asc) of N.f over A_N, NaN = none. */
function keyValues(
  c: Collected,
  scratch: UnitScratch,
  fields: LinkFields,
  target: number | null,
  name: string,
  desc: boolean,
  nTargets: number,
): Float64Array {
  const n = c.candidates.length;
  const out = new Float64Array(n).fill(Number.NaN);
  if (target === null) {
    if (name === 'intersections_count') for (let i = 0; i < n; i++) out[i] = c.counts[i] as number;
    return out;
  }
  const f = fields.get(name);
  if (target >= nTargets || f === undefined || f.kind === 'array') return out;
  const set = c.targetLinks(target);
  const get =
    f.kind === 'num'
      ? f.get
      : (l: number) => {
          const id = f.id(l);
          return id < 0 ? Number.NaN : id;
        };
  const pos = scratch.pos;
  for (let j = 0; j < set.links.length; j++) {
    checkDeadline();
    const p = pos[set.units[j] as number] as number;
    if (p < 0) continue;
    const x = get(set.links[j] as number);
    if (Number.isNaN(x)) continue;
    const cur = out[p] as number;
    if (Number.isNaN(cur) || (desc ? x > cur : x < cur)) out[p] = x;
  }
  return out;
}

/**
 * Run a page-mode query. `linksOfPages` lists, per page and target, the page's links in A_t;
 * `firstPhase` may replace `collect` (null = fall back to it).
 */
export function runPageQuery(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  linksOfPages: (pages: number[]) => number[][][],
  firstPhase?: () => Collected | null,
): IntersectionResult<PageIntersectionItem> {
  const c = firstPhase?.() ?? collect(v, q, fields, scratch, false, false);
  try {
    const results = filterCandidates(c.candidates.length, q.itemFilter, (cond) =>
      resolveCondition(c, scratch, fields, q, cond),
    );
    const keys: SortKey[] = [];
    if (q.order.length === 0) {
      // Used only when the fast path below cannot take the ranks.
      const counts = Float64Array.from(c.counts);
      const rank = new Float64Array(c.candidates.length);
      for (let i = 0; i < rank.length; i++) {
        const r = v.page.pageRank[c.candidates[i] as number] as number;
        rank[i] = r === NULL_I16 ? Number.NaN : (scaleRankValue(r, q.rankScale) as number);
      }
      keys.push({ values: counts, desc: true }, { values: rank, desc: true });
    } else {
      for (const o of q.order) {
        const desc = o.direction === 'desc';
        keys.push({
          values: keyValues(
            c,
            scratch,
            fields,
            o.field.target,
            o.field.name,
            desc,
            q.targets.length,
          ),
          desc,
        });
      }
    }
    const score =
      q.order.length === 0
        ? defaultOrderScore(c.counts, c.candidates, (p) => {
            const r = v.page.pageRank[p] as number;
            return r === NULL_I16 ? null : scaleRankValue(r, q.rankScale);
          })
        : null;
    const window =
      score !== null
        ? selectByScore(results, score, c.candidates, q.offset, q.limit)
        : selectWindow(results, compareBy(keys, c.candidates), q.offset, q.limit);
    const items = hydratePages(v, q, c, linksOfPages, window);
    return {
      targets: Object.fromEntries(q.targets.map((t) => [t.key, t.raw])),
      total_count: results.length,
      items_count: items.length,
      items,
    };
  } finally {
    releaseScratch(scratch, c);
  }
}

function hydratePages(
  v: IndexView,
  q: IntersectQuery,
  c: Collected,
  linksOfPages: (pages: number[]) => number[][][],
  window: number[],
): PageIntersectionItem[] {
  const perPage = linksOfPages(window.map((p) => c.candidates[p] as number));
  const rankOf = (l: number) => {
    const r = v.link.rank[l] as number;
    return r === NULL_I16 ? Number.NaN : (scaleRankValue(r, q.rankScale) as number);
  };
  return window.map((p, w) => {
    const page_intersection: Record<string, Backlink[]> = {};
    q.targets.forEach((t, i) => {
      const links = (perPage[w] as number[][])[i] as number[];
      if (links.length === 0) return;
      const ranked = links.map((l) => ({ l, r: rankOf(l) }));
      ranked.sort((a, b) => {
        const an = Number.isNaN(a.r);
        const bn = Number.isNaN(b.r);
        if (an !== bn) return an ? 1 : -1;
        if (!an && a.r !== b.r) return b.r - a.r;
        return a.l - b.l;
      });
      page_intersection[t.key] = ranked
        .slice(0, q.internalListLimit)
        .map((x) => buildBacklink(v, x.l, q));
    });
    return { page_intersection, summary: { intersections_count: c.counts[p] as number } };
  });
}
