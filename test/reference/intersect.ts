/**
 * The reference intersection: a plain, obviously-correct evaluation of an `IntersectQuery` over
 * in-memory rows, written from docs/intersection-semantics.md alone (not from the link index).
 * The differential test demands the index give identical answers.
 *
 * Readings where the doc leaves room (the index must match them):
 * - array fields in link and item filters see the backlink object's arrays, i.e. capped by
 *   internalListLimit (the doc defines field values over the backlink objects);
 * - has_not on a null or empty array holds (the array rule beats the general null rule);
 * - ranks are compared in the query's scale everywhere: filters, order keys, the per-target
 *   backlink list ("rank desc": scaled, ties by link order) and the default order's source rank;
 * - the default order's source rank of a unit is the max (scaled) page_from_rank (page mode) or
 *   domain_from_rank (domain mode) over the unit's links in the target link sets;
 * - LIKE `_` is one Unicode code point; a trailing lone `\` is a literal backslash; ilike
 *   lower-cases value and pattern with String#toLowerCase;
 * - match words are /[\p{L}\p{N}]+/u runs, lower-cased; a value without words matches every
 *   non-null field;
 * - an IPv6 subnet is the first four groups of the expanded address, each without leading
 *   zeros, lower-case (2001:db8::1 and 2001:0DB8:0:0::2 share 2001:db8:0:0);
 * - backlinks_spam_score is Math.round(sum / count); a target named twice counts twice.
 */
import type { FilterCondition } from '../../src/core/filter/types.js';
import type { IntersectQuery, TargetSpec } from '../../src/core/query/intersect-query.js';
import type {
  DomainIntersectionItem,
  IntersectionResult,
  PageIntersectionItem,
} from '../../src/engine/types.js';
import { backlinkObject, linkFieldValues, sourcePage } from './backlink-object.js';
import { domainStats, statsFieldValues } from './domain-stats.js';
import { conditionHolds, evalExpr, type FieldValue } from './filter-eval.js';
import { compareUnits, linkOrder, type SortValue } from './order.js';
import type { LinkRow, ReferenceData } from './reference-data.js';

/** Whether link `l` matches a target or exclude spec. */
export function specMatches(spec: TargetSpec, l: LinkRow): boolean {
  switch (spec.kind) {
    case 'page':
      return l.url_to === spec.value;
    case 'prefix':
      return l.url_to.startsWith(spec.value);
    default:
      if (l.host_to === spec.value) return true;
      return spec.includeSubdomains
        ? l.host_to.endsWith(`.${spec.value}`)
        : l.host_to === `www.${spec.value}`;
  }
}

const sortedLinks = new WeakMap<ReferenceData, LinkRow[]>();

/** The data's links in link order (sorted once per dataset). */
function linksInOrder(data: ReferenceData): LinkRow[] {
  let links = sortedLinks.get(data);
  if (links === undefined || links.length !== data.links.length) {
    links = [...data.links].sort(linkOrder);
    sortedLinks.set(data, links);
  }
  return links;
}

/** One unit (referring page or domain) with its links per target. */
interface Unit {
  key: string;
  /** perTarget[i] = the unit's links in A_i (in link order). */
  perTarget: LinkRow[][];
  count: number;
  /** filter/order view of each link (page mode) or of each linked target's stats (domain). */
  values: Array<Array<Record<string, FieldValue>>>;
}

/** The reference answer to `query`. */
export function referenceIntersect(
  data: ReferenceData,
  query: IntersectQuery,
): IntersectionResult<PageIntersectionItem> | IntersectionResult<DomainIntersectionItem> {
  const scale = query.rankScale;
  const pageMode = query.source === 'page';
  const unitOf = (l: LinkRow): string => (pageMode ? l.url_from : l.domain_from);
  const links = linksInOrder(data);
  const linkValues = new Map<LinkRow, Record<string, FieldValue>>();
  const valuesOf = (l: LinkRow): Record<string, FieldValue> => {
    let v = linkValues.get(l);
    if (v === undefined) {
      v = linkFieldValues(l, sourcePage(data.pages, l), scale, query.internalListLimit);
      linkValues.set(l, v);
    }
    return v;
  };

  const inScope = (l: LinkRow): boolean =>
    (query.status === 'all' || l.is_lost === (query.status === 'lost')) &&
    (query.includeIndirect || !l.is_indirect_link);

  // Target link sets A_i.
  const sets: LinkRow[][] = query.targets.map((t, i) => {
    const filter = query.linkFilters[i] ?? null;
    return links.filter(
      (l) =>
        inScope(l) &&
        specMatches(t, l) &&
        (!query.excludeInternal || !l.is_internal) &&
        (!query.excludeTechnicalHosts || sourcePage(data.pages, l).is_technical !== true) &&
        (filter === null ||
          evalExpr(filter, (c) => conditionHolds(c, valuesOf(l)[c.field.name] ?? null))),
    );
  });

  // Exclusion set X: no link filters, no internal-link exclusion.
  const excluded = new Set<string>();
  for (const l of links) {
    const statusOk = query.status !== 'live' || !l.is_lost;
    const indirectOk = query.includeIndirect || !l.is_indirect_link;
    if (statusOk && indirectOk && query.excludes.some((x) => specMatches(x, l))) {
      excluded.add(unitOf(l));
    }
  }

  // Units with their links per target.
  const units = new Map<string, Unit>();
  sets.forEach((set, i) => {
    for (const l of set) {
      const key = unitOf(l);
      let u = units.get(key);
      if (u === undefined) {
        u = { key, perTarget: query.targets.map(() => []), count: 0, values: [] };
        units.set(key, u);
      }
      u.perTarget[i]?.push(l);
    }
  });
  for (const u of units.values()) {
    u.count = u.perTarget.filter((s) => s.length > 0).length;
    u.values = u.perTarget.map((s) => {
      if (s.length === 0) return [];
      if (pageMode) return s.map(valuesOf);
      const st = domainStats(u.key, s, data.pages, query);
      return [statsFieldValues(st, s)];
    });
  }

  // Unit-level field values: the multiset of N.f (or the count).
  const unitValues = (u: Unit, c: { field: { target: number | null; name: string } }) => {
    if (c.field.target === null) {
      if (c.field.name === 'intersections_count') return [u.count];
      throw new Error(`reference: unknown item field ${c.field.name}`);
    }
    return (u.values[c.field.target] ?? []).map((v) => v[c.field.name] ?? null);
  };
  const itemHolds = (u: Unit): boolean =>
    query.itemFilter === null ||
    evalExpr(query.itemFilter, (c: FilterCondition) =>
      unitValues(u, c).some((v) => conditionHolds(c, v)),
    );

  const results = [...units.values()].filter(
    (u) => u.count >= query.minMatching && !excluded.has(u.key) && itemHolds(u),
  );

  // Sort keys per unit.
  const sortKeys = (u: Unit): SortValue[] => {
    if (query.order.length === 0) {
      const rankField = pageMode ? 'page_from_rank' : 'domain_from_rank';
      const ranks = u.perTarget
        .flat()
        .map((l) => valuesOf(l)[rankField])
        .filter((r): r is number => typeof r === 'number');
      return [u.count, ranks.length === 0 ? null : Math.max(...ranks)];
    }
    return query.order.map((k) => {
      const vs = unitValues(u, k).filter((v) => v !== null && !Array.isArray(v)) as Array<
        string | number | boolean
      >;
      if (vs.length === 0) return null;
      const nums = vs.map((v) => (typeof v === 'boolean' ? Number(v) : v));
      return nums.reduce((a, b) => ((k.direction === 'desc' ? b > a : b < a) ? b : a));
    });
  };
  const directions =
    query.order.length === 0 ? (['desc', 'desc'] as const) : query.order.map((k) => k.direction);
  const keyed = results.map((u) => ({ u, keys: sortKeys(u) }));
  keyed.sort((a, b) => compareUnits(a.keys, b.keys, directions, a.u.key, b.u.key));

  const total = keyed.length;
  const window = keyed.slice(query.offset, query.offset + query.limit).map((k) => k.u);
  const targets: Record<string, string> = {};
  for (const t of query.targets) targets[t.key] = t.raw;

  if (pageMode) {
    const items: PageIntersectionItem[] = window.map((u) => {
      const page_intersection: PageIntersectionItem['page_intersection'] = {};
      query.targets.forEach((t, i) => {
        const s = u.perTarget[i] ?? [];
        if (s.length === 0) return;
        page_intersection[t.key] = s
          .map((l) => backlinkObject(l, sourcePage(data.pages, l), query))
          .map((b, j) => ({ b, l: s[j] as LinkRow }))
          .sort((x, y) => {
            if (x.b.rank !== y.b.rank) {
              if (x.b.rank === null) return 1;
              if (y.b.rank === null) return -1;
              return y.b.rank - x.b.rank;
            }
            return linkOrder(x.l, y.l);
          })
          .slice(0, query.internalListLimit)
          .map((x) => x.b);
      });
      return { page_intersection, summary: { intersections_count: u.count } };
    });
    return { targets, total_count: total, items_count: items.length, items };
  }
  const items: DomainIntersectionItem[] = window.map((u) => {
    const domain_intersection: DomainIntersectionItem['domain_intersection'] = {};
    query.targets.forEach((t, i) => {
      const s = u.perTarget[i] ?? [];
      if (s.length === 0) return;
      domain_intersection[t.key] = domainStats(u.key, s, data.pages, query);
    });
    return { domain_intersection, summary: { intersections_count: u.count } };
  });
  return { targets, total_count: total, items_count: items.length, items };
}
