/**
 * The query classes of the benchmark (DESIGN §8), built as `IntersectQuery`s from the most
 * linked target domains of the data (live, external links; ties by name), so every run and
 * every peer asks the same questions.
 */
import type { FilterExpr } from '../../src/core/filter/types.js';
import type {
  IntersectQuery,
  QueryTarget,
  SourceLevel,
  TargetSpec,
} from '../../src/core/query/intersect-query.js';

/** One benchmarked query. */
export interface QueryClass {
  /** Short id: a, b, c, d. */
  id: string;
  /** What it asks, for the report. */
  label: string;
  /** DESIGN §8's warm p50 target at 20M links, ms (undefined: none set). */
  targetMs?: number;
  query: IntersectQuery;
}

/** SQL (DuckDB) that lists target domains by live external links, most linked first. */
export const POPULAR_DOMAINS_SQL = `
SELECT domain_to AS domain, count(*) AS links FROM links
WHERE NOT is_lost AND NOT is_internal AND domain_to IS NOT NULL AND domain_to <> ''
GROUP BY domain_to ORDER BY links DESC, domain_to ASC LIMIT 25`;

function domainSpec(domain: string): TargetSpec {
  return { kind: 'domain', value: domain, includeSubdomains: true, raw: domain };
}

function targets(domains: string[]): QueryTarget[] {
  return domains.map((d, i) => ({ ...domainSpec(d), key: String(i + 1) }));
}

const DOFOLLOW: FilterExpr = {
  kind: 'cond',
  field: { target: 0, name: 'dofollow' },
  type: 'bool',
  op: '=',
  value: true,
};

function query(
  source: SourceLevel,
  domains: string[],
  excludes: string[],
  minMatching: number,
  firstFilter: FilterExpr | null,
): IntersectQuery {
  return {
    source,
    targets: targets(domains),
    excludes: excludes.map(domainSpec),
    minMatching,
    status: 'live',
    includeIndirect: true,
    excludeInternal: true,
    linkFilters: domains.map((_, i) => (i === 0 ? firstFilter : null)),
    itemFilter: null,
    order: [{ field: { target: null, name: 'intersections_count' }, direction: 'desc' }],
    offset: 0,
    limit: 100,
    rankScale: 'one_hundred',
    internalListLimit: 10,
    excludeTechnicalHosts: false,
    explainSpam: false,
  };
}

/**
 * The four classes from the popular domains (most linked first; at least 20 needed):
 * (a) page mode, targets #1 and #2, exclude #3, `1.dofollow = true`, top 100;
 * (b) page mode, targets #1–#20, at least 2 of them;
 * (c) domain mode, targets #1 and #2, exclude #3;
 * (d) page mode, targets #1 and #2, nothing else.
 */
export function queryClasses(popular: string[]): QueryClass[] {
  if (popular.length < 20) throw new Error(`need 20 popular domains, found ${popular.length}`);
  const [t1, t2, t3] = popular as [string, string, string];
  return [
    {
      id: 'a',
      label: 'page, 2 targets + 1 exclude + 1.dofollow=true',
      targetMs: 10,
      query: query('page', [t1, t2], [t3], 2, DOFOLLOW),
    },
    {
      id: 'b',
      label: 'page, 20 targets, at least 2',
      targetMs: 50,
      query: query('page', popular.slice(0, 20), [], 2, null),
    },
    {
      id: 'c',
      label: 'domain, 2 targets + 1 exclude',
      targetMs: 5,
      query: query('domain', [t1, t2], [t3], 2, null),
    },
    { id: 'd', label: 'page, 2 targets, unfiltered', query: query('page', [t1, t2], [], 2, null) },
  ];
}
