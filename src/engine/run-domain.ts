/**
 * domain_intersection on the index: candidates (referring domains) from `collect`, stats per
 * (domain, target) where filters, order or the returned window need them.
 */
import type { FilterCondition, FilterExpr } from '../core/filter/types.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { NULL_I16 } from '../link-index/index.js';
import {
  type Collected,
  collect,
  releaseScratch,
  type TargetLinks,
  type UnitScratch,
} from './collect.js';
import { checkDeadline } from './deadline.js';
import { computeDomainStats, type ScalarStats, scalarStats, statsValue } from './domain-stats.js';
import type { IndexView } from './index-view.js';
import { filterCandidates, valueTest } from './item-filter.js';
import type { LinkFields } from './link-fields.js';
import {
  compareBy,
  defaultOrderScore,
  type SortKey,
  selectByScore,
  selectWindow,
} from './top-n.js';
import type { DomainIntersectionItem, DomainTargetStats, IntersectionResult } from './types.js';
import { scaleRankValue } from './values.js';

/** A target's links grouped by candidate position (CSR). */
interface Grouped {
  offsets: Uint32Array;
  links: Uint32Array;
}

function groupByCandidate(set: TargetLinks, pos: Int32Array, n: number): Grouped {
  const offsets = new Uint32Array(n + 1);
  for (let j = 0; j < set.units.length; j++) {
    checkDeadline();
    const p = pos[set.units[j] as number] as number;
    if (p >= 0) offsets[p + 1] = (offsets[p + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const links = new Uint32Array(offsets[n] as number);
  for (let j = 0; j < set.units.length; j++) {
    checkDeadline();
    const p = pos[set.units[j] as number] as number;
    if (p < 0) continue;
    links[fill[p] as number] = set.links[j] as number;
    fill[p] = (fill[p] as number) + 1;
  }
  return { offsets, links };
}

function usesTargetFields(expr: FilterExpr | null): boolean {
  if (expr === null) return false;
  if (expr.kind === 'cond') return expr.field.target !== null;
  return expr.items.some(usesTargetFields);
}

/** Run a domain-mode query; `firstPhase` may replace `collect` (null = fall back to it). */
export function runDomainQuery(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  firstPhase?: () => Collected | null,
): IntersectionResult<DomainIntersectionItem> {
  // Stats of every candidate are needed only when filters or order keys read them.
  const needAll = usesTargetFields(q.itemFilter) || q.order.some((o) => o.field.target !== null);
  const c = firstPhase?.() ?? collect(v, q, fields, scratch, true, needAll);
  try {
    const n = c.candidates.length;
    const groups: Array<Grouped | undefined> = needAll
      ? q.targets.map((_, t) => groupByCandidate(c.targetLinks(t), scratch.pos, n))
      : [];
    const linksOf = (p: number, t: number): Uint32Array => {
      const g = groups[t] as Grouped;
      return g.links.subarray(g.offsets[p] as number, g.offsets[p + 1] as number);
    };
    const cache = q.targets.map(() => new Map<number, ScalarStats>());
    const statsOf = (p: number, t: number): ScalarStats | undefined => {
      if (!(((c.linked[p] as number) >>> t) & 1)) return undefined;
      const m = cache[t] as Map<number, ScalarStats>;
      let s = m.get(p);
      if (s === undefined) {
        s = scalarStats(v, c.candidates[p] as number, linksOf(p, t), q);
        m.set(p, s);
      }
      return s;
    };
    const resolve = (cond: FilterCondition): Uint8Array => {
      const out = new Uint8Array(n);
      const test = valueTest(cond);
      const t = cond.field.target;
      for (let p = 0; p < n; p++) {
        let x: number | string | null | undefined;
        if (t === null)
          x = cond.field.name === 'intersections_count' ? (c.counts[p] as number) : undefined;
        else {
          const s = statsOf(p, t);
          x = s === undefined ? undefined : statsValue(s, cond.field.name);
        }
        out[p] = test(x) ? 1 : 0;
      }
      return out;
    };
    const results = filterCandidates(n, q.itemFilter, resolve);
    const keys: SortKey[] = [];
    if (q.order.length === 0) {
      const rank = new Float64Array(n);
      for (let p = 0; p < n; p++) {
        const r = v.domain.rank[c.candidates[p] as number] as number;
        rank[p] = r === NULL_I16 ? Number.NaN : (scaleRankValue(r, q.rankScale) as number);
      }
      keys.push({ values: Float64Array.from(c.counts), desc: true }, { values: rank, desc: true });
    } else {
      for (const o of q.order) {
        const values = new Float64Array(n).fill(Number.NaN);
        const t = o.field.target;
        const name = o.field.name;
        for (let p = 0; p < n; p++) {
          if (t === null) {
            if (name === 'intersections_count') values[p] = c.counts[p] as number;
            continue;
          }
          const s = statsOf(p, t);
          if (s === undefined) continue;
          if (name === 'target') values[p] = c.candidates[p] as number;
          else if (name === 'type') values[p] = 0;
          else {
            const x = statsValue(s, name);
            if (typeof x === 'number') values[p] = x;
          }
        }
        keys.push({ values, desc: o.direction === 'desc' });
      }
    }
    const score =
      q.order.length === 0
        ? defaultOrderScore(c.counts, c.candidates, (d) => {
            const r = v.domain.rank[d] as number;
            return r === NULL_I16 ? null : scaleRankValue(r, q.rankScale);
          })
        : null;
    const window =
      score !== null
        ? selectByScore(results, score, c.candidates, q.offset, q.limit)
        : selectWindow(results, compareBy(keys, c.candidates), q.offset, q.limit);
    if (!needAll) {
      // Group only the returned domains' links.
      const units = Uint32Array.from(window, (p) => c.candidates[p] as number);
      for (const [t] of q.targets.entries()) {
        groups[t] = groupByCandidate(c.linksOfUnits(t, units), scratch.pos, n);
      }
    }
    const items = window.map((p) => {
      const domain_intersection: Record<string, DomainTargetStats> = {};
      q.targets.forEach((tg, t) => {
        const s = statsOf(p, t);
        if (s !== undefined) {
          const d = c.candidates[p] as number;
          domain_intersection[tg.key] = computeDomainStats(v, d, linksOf(p, t), q, s);
        }
      });
      return { domain_intersection, summary: { intersections_count: c.counts[p] as number } };
    });
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
