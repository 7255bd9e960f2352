/**
 * The explorer's engine calls as ClickHouse SQL (src/engine/run-prospects.ts, run-overlap.ts):
 * prospects in a sort order (the window's units; their rows come from hydration), the overlap's
 * target masks, and a target's freshness. Same grouping and target sets as sql/intersect.ts.
 */
import type { IntersectQuery, TargetSpec } from '../../core/query/intersect-query.js';
import type { ProspectSort } from '../../engine/index.js';
import { LINK_FLAG } from '../../link-index/index.js';
import { sqlNumber } from '../../store/clickhouse/index.js';
import { allOf, anyOf } from './conditions.js';
import type { Dialect } from './dialect.js';
import { type CompiledIntersect, targetSets, targetsPredicate } from './intersect.js';
import { targetSql } from './targets.js';

const NULL_I16 = -32768;
const LOST = LINK_FLAG.lost;

/** The prospects of `q` in `sort` order (`limit` null = all of them, for export). */
export function compileProspects(
  q: IntersectQuery,
  sort: ProspectSort,
  limit: number | null,
  table: string,
  dialect: Dialect,
): CompiledIntersect {
  const s = targetSets(q, dialect);
  const domainMode = q.source === 'domain';
  const unit = domainMode ? 'domain_from' : 'url_from';
  const any = anyOf(s.a);
  // A link matching two targets counts twice, as in the engine.
  const backlinks = s.a.length === 0 ? '0' : `(${s.a.map((a) => `countIf(${a})`).join(' + ')})`;
  const nullable = (value: string, isNull: string) => ({ value, isNull });
  const column = (field: ProspectSort['field']) => {
    switch (field) {
      case 'matches':
        return nullable('lg_cnt', '0');
      case 'domain_rank':
        return nullable('any(domain_rank)', `(any(domain_rank) = ${NULL_I16})`);
      case 'page_rank': {
        if (!domainMode) return nullable('any(page_rank)', `(any(page_rank) = ${NULL_I16})`);
        const ranked = allOf([any, `(page_rank != ${NULL_I16})`]);
        return nullable(`maxIf(page_rank, ${ranked})`, `(countIf(${ranked}) = 0)`);
      }
      case 'spam_score': {
        const col = domainMode ? 'domain_spam_score' : 'spam_score';
        return nullable(`any(${col})`, `(any(${col}) = ${NULL_I16})`);
      }
      case 'backlinks':
        return nullable(backlinks, '0');
      case 'first_seen':
        return nullable(`minIf(first_seen, ${any})`, `(countIf(${any}) = 0)`);
      case 'prospect':
        return nullable(unit, '0');
    }
  };
  const keys: Array<{ field: ProspectSort['field']; desc: boolean }> = [
    { field: sort.field, desc: sort.dir === 'desc' },
  ];
  if (sort.field !== 'matches') keys.push({ field: 'matches', desc: true });
  if (sort.field !== 'domain_rank') keys.push({ field: 'domain_rank', desc: true });
  const select: string[] = [];
  const order: string[] = [];
  keys.forEach((k, i) => {
    const c = column(k.field);
    if (c.isNull !== '0') {
      select.push(`toUInt8(${c.isNull}) AS lg_n${i}`);
      order.push(`lg_n${i} ASC`);
    }
    select.push(`${c.value} AS lg_k${i}`);
    order.push(`lg_k${i} ${k.desc ? 'DESC' : 'ASC'}`);
  });
  const having = [`lg_cnt >= ${sqlNumber(Math.max(1, q.minMatching))}`];
  if (s.x !== '0') having.push(`countIf(${s.x}) = 0`);
  const group = `FROM ${table} WHERE ${anyOf([...s.a, s.x])} GROUP BY ${unit} HAVING ${allOf(having)}`;
  const inner = `SELECT ${unit} AS unit, ${s.cnt} AS lg_cnt, ${select.join(', ')} ${group} ORDER BY ${[...order, `${unit} ASC`].join(', ')}${limit === null ? '' : ` LIMIT ${sqlNumber(q.offset + limit)}`}`;
  const window = limit === null ? '' : ` LIMIT ${sqlNumber(q.offset)}, ${sqlNumber(limit)}`;
  return {
    unit,
    windowSql: `SELECT unit FROM (${inner}) ORDER BY ${[...order, 'unit ASC'].join(', ')}${window}`,
    countSql: `SELECT count() AS n FROM (SELECT ${unit}, ${s.cnt} AS lg_cnt ${group})`,
    targetsPredicate: targetsPredicate(q),
    settings: { distributed_group_by_no_merge: 1 },
  };
}

/** Prospects per exact set of linked targets (`mask`, bit t = target t), with `minMatching` 1. */
export function overlapSql(q: IntersectQuery, table: string, dialect: Dialect): string {
  const s = targetSets({ ...q, minMatching: 1 }, dialect);
  const unit = q.source === 'domain' ? 'domain_from' : 'url_from';
  const mask =
    s.a.length === 0
      ? '0'
      : s.a.map((a, t) => `toUInt32(countIf(${a}) > 0) * ${sqlNumber(2 ** t)}`).join(' + ');
  const having = ['lg_mask > 0'];
  if (s.x !== '0') having.push(`countIf(${s.x}) = 0`);
  const inner = `SELECT ${unit}, ${mask} AS lg_mask FROM ${table} WHERE ${anyOf([...s.a, s.x])} GROUP BY ${unit} HAVING ${allOf(having)}`;
  return `SELECT lg_mask AS mask, count() AS n FROM (${inner}) GROUP BY lg_mask`;
}

/** Every backlink of `t` (no link option): counts and dates (run-overlap's `targetFreshness`). */
export function freshnessSql(t: TargetSpec, table: string): string {
  return `SELECT count() AS backlinks, countIf(bitAnd(flags, ${LOST}) = 0) AS live,
 uniqExactIf(url_from, bitAnd(flags, ${LOST}) = 0) AS pages, min(first_seen) AS first, max(last_seen) AS last
 FROM ${table} WHERE ${targetSql(t)}`;
}
