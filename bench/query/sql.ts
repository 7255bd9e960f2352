/**
 * The peers' SQL: an `IntersectQuery` of the bench's shape (domain/host/page targets and
 * excludes, simple link filters, default or intersections_count order) written as one plain SQL
 * statement over a wide `links` table, for PostgreSQL and DuckDB alike. It returns the page of
 * keys, their intersections_count and the total count (a window over the candidates).
 */
import type { FilterExpr } from '../../src/core/filter/types.js';
import type { IntersectQuery, TargetSpec } from '../../src/core/query/intersect-query.js';

/** A statement with positional parameters (`$1`, `$2`, … in both dialects). */
export interface PeerSql {
  text: string;
  params: Array<string | number | boolean>;
}

/** Links columns a link filter may name (plain scalar columns of the wide table). */
const FILTER_COLUMNS = new Set([
  'dofollow',
  'is_broken',
  'is_new',
  'item_type',
  'rank',
  'page_from_rank',
  'domain_from_rank',
  'links_count',
]);

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Params {
  readonly values: Array<string | number | boolean> = [];
  add(v: string | number | boolean): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The match condition of a target or exclude on link alias `l`. */
function matchSql(s: TargetSpec, p: Params): string {
  switch (s.kind) {
    case 'page':
      return `l.url_to = ${p.add(s.value)}`;
    case 'prefix':
      return `starts_with(l.url_to, ${p.add(s.value)})`;
    case 'domain':
      // host_to = d or ends with '.d' is domain_to = d for a registrable domain d.
      if (s.includeSubdomains) return `l.domain_to = ${p.add(s.value)}`;
      return `l.host_to IN (${p.add(s.value)}, ${p.add(`www.${s.value}`)})`;
    case 'host':
      if (s.includeSubdomains) {
        return `(l.host_to = ${p.add(s.value)} OR l.host_to LIKE ${p.add(`%.${s.value}`)})`;
      }
      return `l.host_to IN (${p.add(s.value)}, ${p.add(`www.${s.value}`)})`;
  }
}

/** A link filter as SQL (comparisons on scalar columns, and/or). */
function filterSql(f: FilterExpr, p: Params): string {
  if (f.kind === 'and' || f.kind === 'or') {
    const sep = f.kind === 'and' ? ' AND ' : ' OR ';
    return `(${f.items.map((i) => filterSql(i, p)).join(sep)})`;
  }
  if (!FILTER_COLUMNS.has(f.field.name) || !COMPARISONS.has(f.op)) {
    throw new Error(`bench SQL: unsupported filter ${f.field.name} ${f.op}`);
  }
  const v = f.value;
  if (v === null) return `l.${f.field.name} IS ${f.op === '=' ? '' : 'NOT '}NULL`;
  if (Array.isArray(v)) throw new Error('bench SQL: list values are not supported');
  return `l.${f.field.name} ${f.op} ${p.add(v)}`;
}

function statusSql(q: IntersectQuery): string {
  return q.status === 'live' ? 'NOT l.is_lost' : q.status === 'lost' ? 'l.is_lost' : 'true';
}

/**
 * The peer statement for `q`. Columns of the result: `unit`, `n` (intersections_count) and
 * `total` (the same on every row). Rows are ordered as the engine orders them for
 * `order: [intersections_count desc]`, tie-break unit asc.
 */
export function intersectSql(q: IntersectQuery): PeerSql {
  if (q.itemFilter !== null) throw new Error('bench SQL: item filters are not supported');
  const key = q.order[0];
  if (q.order.length !== 1 || key?.field.name !== 'intersections_count') {
    throw new Error('bench SQL: only an explicit intersections_count order is supported');
  }
  const p = new Params();
  const unit = q.source === 'page' ? 'url_from' : 'domain_from';
  const scope = [statusSql(q)];
  if (!q.includeIndirect) scope.push('NOT l.is_indirect_link');
  const branches = q.targets.map((t, i) => {
    const conds = [matchSql(t, p), ...scope];
    if (q.excludeInternal) conds.push('NOT l.is_internal');
    const f = q.linkFilters[i];
    if (f !== null && f !== undefined) conds.push(filterSql(f, p));
    return `SELECT l.${unit} AS unit, ${i} AS t FROM links l WHERE ${conds.join(' AND ')}`;
  });
  const parts = [
    `WITH a AS (${branches.join('\n  UNION ALL\n  ')}),`,
    `c AS (SELECT unit, count(DISTINCT t) AS n FROM a GROUP BY unit HAVING count(DISTINCT t) >= ${p.add(q.minMatching)})`,
  ];
  let from = 'c';
  if (q.excludes.length > 0) {
    const xScope = [q.status === 'live' ? 'NOT l.is_lost' : 'true'];
    if (!q.includeIndirect) xScope.push('NOT l.is_indirect_link');
    const match = q.excludes.map((e) => matchSql(e, p)).join(' OR ');
    parts[parts.length - 1] += ',';
    parts.push(
      `r AS (SELECT unit, n FROM c WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.${unit} = c.unit AND (${match}) AND ${xScope.join(' AND ')}))`,
    );
    from = 'r';
  }
  const dir = key.direction === 'asc' ? 'ASC' : 'DESC';
  parts.push(
    `SELECT unit, n, count(*) OVER () AS total FROM ${from} ORDER BY n ${dir}, unit ASC LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
  );
  return { text: parts.join('\n'), params: p.values };
}
