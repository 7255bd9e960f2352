/**
 * `IntersectQuery` as ClickHouse SQL: one pass over the link table per query. Rows are
 * prefiltered by the target and exclude keys (ranges of the sort key), grouped by the source
 * unit (`url_from` in page mode, `domain_from` in domain mode), and each target's set A_t is an
 * aggregate condition (`countIf(A_t)`): the k-of-n test, the exclusion (`countIf(X) = 0`), the
 * item filter and the order keys are all aggregates of one group. Units are shard-local (the
 * table is sharded by `domain_from`), so each shard answers its own top `offset + limit`
 * (`distributed_group_by_no_merge`) and the outer query merges them.
 *
 * The semantics are the engine's (src/engine/collect.ts, run-page.ts, run-domain.ts,
 * domain-stats.ts); the compiled SQL selects the window's units, and the engine's own code then
 * builds the returned objects from their hydrated rows.
 */
import type { FilterCondition, FilterExpr } from '../../core/filter/types.js';
import type { IntersectQuery } from '../../core/query/intersect-query.js';
import type { MozQuery } from '../../engine/index.js';
import { excludeScopeMask, scopeOf, splitFlagFilter } from '../../engine/index.js';
import { LINK_FLAG } from '../../link-index/index.js';
import { sqlNumber, sqlString } from '../../store/clickhouse/index.js';
import {
  allOf,
  anyOf,
  type ConditionContext,
  conditionSql,
  exprSql,
  NUMERIC_OPS,
  numberTestSql,
} from './conditions.js';
import type { Dialect } from './dialect.js';
import { backlinkFieldSql, scaledRankSql } from './fields.js';
import { targetSql } from './targets.js';

const NULL_I16 = -32768;

/** The SQL of one query and what it needs to run. */
export interface CompiledIntersect {
  /** The grouping column: the unit of a result. */
  unit: 'url_from' | 'domain_from';
  /** The units of the window, in result order (column `unit`). */
  windowSql: string;
  /** `SELECT count() AS n`: the number of results (`total_count`). */
  countSql: string;
  /** The rows a target names (no scope, no filter): what hydration reads of the window's units. */
  targetsPredicate: string;
  /** Settings both statements run with on a cluster. */
  settings: Readonly<Record<string, number>>;
}

/** A value to order by: `isNull` first (nulls last in both directions), then `value`. */
interface OrderValue {
  isNull: string | null;
  value: string;
}

/** A query's target sets A_t, its exclusion set X and its count of linked targets. */
export interface TargetSets {
  a: string[];
  x: string;
  cnt: string;
  ctx: ConditionContext;
}

/** A_t of every target and the exclusion set X as row predicates. */
export function targetSets(q: IntersectQuery, dialect: Dialect): TargetSets {
  const ctx: ConditionContext = {
    dialect,
    listLimit: q.internalListLimit,
    field: (cond) => backlinkFieldSql(cond.field.name, q.rankScale),
  };
  const { scopeMask, scopeWant } = scopeOf(q);
  const a = q.targets.map((t, i) => {
    const s = splitFlagFilter(q.linkFilters[i] ?? null);
    const clash = (scopeMask & s.mask & (scopeWant ^ s.want)) !== 0;
    if (s.never || clash) return '0';
    const mask = scopeMask | s.mask;
    const want = scopeWant | s.want;
    return allOf([
      mask === 0 ? '1' : `(bitAnd(flags, ${sqlNumber(mask)}) = ${sqlNumber(want)})`,
      targetSql(t),
      s.rest === null ? '1' : exprSql(s.rest, ctx),
    ]);
  });
  const xMask = excludeScopeMask(q);
  const x =
    q.excludes.length === 0
      ? '0'
      : allOf([
          anyOf(q.excludes.map(targetSql)),
          xMask === 0 ? '1' : `(bitAnd(flags, ${sqlNumber(xMask)}) = 0)`,
        ]);
  const cnt = a.length === 0 ? '0' : `(${a.map((p) => `toUInt8(countIf(${p}) > 0)`).join(' + ')})`;
  return { a, x, cnt, ctx };
}

const linked = (a: string) => `(countIf(${a}) > 0)`;

/** Page mode: does some link of A_t satisfy the condition (or the count its test)? */
function pageCondition(s: TargetSets, cond: FilterCondition): string {
  const t = cond.field.target;
  if (t === null)
    return cond.field.name === 'intersections_count' ? countTest(cond, 'lg_cnt') : '0';
  const a = s.a[t];
  if (a === undefined) return '0';
  const test = conditionSql(cond, s.ctx);
  return test === '0' || a === '0' ? '0' : `(countIf(${allOf([a, test])}) > 0)`;
}

/** The engine's `numberTest` of the (never null) count; an operator it lacks is false. */
function countTest(cond: FilterCondition, x: string): string {
  if (cond.value === null && (cond.op === '=' || cond.op === '<>')) return '0';
  return NUMERIC_OPS.has(cond.op) ? numberValueTest(x, null, cond) : '0';
}

/** The item filter's `valueTest` of a number that may be null. */
function numberValueTest(x: string, isNull: string | null, cond: FilterCondition): string {
  const onNull = cond.op === 'has_not' || (cond.op === '=' && cond.value === null);
  if (cond.value === null && (cond.op === '=' || cond.op === '<>')) {
    if (isNull === null) return cond.op === '<>' ? '1' : '0';
    return cond.op === '=' ? isNull : `(NOT ${isNull})`;
  }
  const test = NUMERIC_OPS.has(cond.op) ? numberTestSql(x, cond) : '0';
  if (isNull === null) return test;
  return onNull ? anyOf([isNull, test]) : allOf([`(NOT ${isNull})`, test]);
}

/** One scalar of a domain's stats for target A (domain-stats.ts `scalarStats`). */
interface StatSql {
  kind: 'num' | 'str';
  value: string;
  isNull: string | null;
}

const L = LINK_FLAG;

function domainStat(name: string, a: string, q: IntersectQuery): StatSql | undefined {
  const and = (...p: string[]) => allOf([a, ...p]);
  const num = (value: string, isNull: string | null = null): StatSql => ({
    kind: 'num',
    value,
    isNull,
  });
  const dofollow = `(bitAnd(flags, ${L.dofollow}) != 0)`;
  const lost = `(bitAnd(flags, ${L.lost}) != 0)`;
  const broken = `(bitAnd(flags, ${L.broken}) != 0)`;
  const nofollowAll = num(`toUInt8(countIf(${and(dofollow)}) = 0)`);
  switch (name) {
    case 'target':
      return { kind: 'str', value: 'domain_from', isNull: null };
    case 'type':
      return { kind: 'str', value: "'backlinks_domain_intersection'", isNull: null };
    case 'rank': {
      const pass = `any(domain_pass)`;
      const raw = `if(countIf(${and(dofollow, `(NOT ${lost})`)}) > 0, ${pass}, 0)`;
      return num(scaledRankSql(raw, q.rankScale), `(${pass} = ${NULL_I16})`);
    }
    case 'backlinks':
      return num(`countIf(${a})`);
    case 'first_seen':
      return num(`minIf(first_seen, ${a})`);
    case 'lost_date':
      return num(`maxIf(last_seen, ${a})`, `(countIf(${and(`(NOT ${lost})`)}) > 0)`);
    case 'backlinks_spam_score': {
      const scored = and(`(backlink_spam_score != ${NULL_I16})`);
      const n = `countIf(${scored})`;
      // Math.round of the mean of non-negative integers: floor((2·sum + n) / 2n).
      return num(
        `intDiv(2 * sumIf(toInt64(backlink_spam_score), ${scored}) + ${n}, 2 * greatest(${n}, 1))`,
        `(${n} = 0)`,
      );
    }
    case 'broken_backlinks':
      return num(`countIf(${and(broken)})`);
    case 'broken_pages':
      return num(`uniqExactIf(url_to, ${and(broken)})`);
    case 'referring_domains':
    case 'referring_main_domains':
      return num('1');
    case 'referring_domains_nofollow':
    case 'referring_main_domains_nofollow':
      return nofollowAll;
    case 'referring_ips':
      return num(`uniqExactIf(assumeNotNull(ip), ${and('isNotNull(ip)')})`);
    case 'referring_subnets':
      return num(`uniqExactIf(assumeNotNull(subnet), ${and('isNotNull(ip)')})`);
    case 'referring_pages':
      return num(`uniqExactIf(url_from, ${a})`);
    case 'referring_pages_nofollow':
      return num(`(uniqExactIf(url_from, ${a}) - uniqExactIf(url_from, ${and(dofollow)}))`);
    default:
      return undefined;
  }
}

/** Domain mode: the item filter's `valueTest` of a stats scalar (false when unlinked). */
function domainCondition(q: IntersectQuery, s: TargetSets, cond: FilterCondition): string {
  const t = cond.field.target;
  if (t === null) {
    return cond.field.name === 'intersections_count' ? numberValueTest('lg_cnt', null, cond) : '0';
  }
  const a = s.a[t];
  if (a === undefined || a === '0') return '0';
  const stat = domainStat(cond.field.name, a, q);
  if (stat === undefined) return '0';
  let test: string;
  if (stat.kind === 'num') test = numberValueTest(stat.value, stat.isNull, cond);
  else {
    const isNullCheck = cond.value === null && (cond.op === '=' || cond.op === '<>');
    test = isNullCheck
      ? cond.op === '<>'
        ? '1'
        : '0'
      : conditionSql(cond, {
          ...s.ctx,
          field: () => ({ kind: 'str', value: stat.value, isNull: null, words: null }),
        });
  }
  return allOf([linked(a), test]);
}

/** The item filter over the group's aggregates. */
function itemFilterSql(expr: FilterExpr, leaf: (cond: FilterCondition) => string): string {
  if (expr.kind === 'cond') return leaf(expr);
  const parts = expr.items.map((e) => itemFilterSql(e, leaf));
  return expr.kind === 'and' ? allOf(parts) : anyOf(parts);
}

/** Page mode order key: max (desc) / min (asc) of N.f over A_N, null when none has a value. */
function pageOrder(
  q: IntersectQuery,
  s: TargetSets,
  target: number | null,
  name: string,
  desc: boolean,
): OrderValue | null {
  if (target === null)
    return name === 'intersections_count' ? { isNull: null, value: 'lg_cnt' } : null;
  const a = s.a[target];
  const f = backlinkFieldSql(name, q.rankScale);
  if (a === undefined || f === undefined || f.kind === 'array') return null;
  if (a === '0') return null;
  const has = f.isNull === null ? a : allOf([a, `(NOT ${f.isNull})`]);
  return {
    isNull: `(countIf(${has}) = 0)`,
    value: `${desc ? 'maxIf' : 'minIf'}(${f.value}, ${has})`,
  };
}

/** Domain mode order key: the linked target's stats value, null when unlinked or not a number. */
function domainOrder(
  q: IntersectQuery,
  s: TargetSets,
  target: number | null,
  name: string,
): OrderValue | null {
  if (target === null)
    return name === 'intersections_count' ? { isNull: null, value: 'lg_cnt' } : null;
  const a = s.a[target];
  if (a === undefined || a === '0') return null;
  const unlinked = `(countIf(${a}) = 0)`;
  if (name === 'type') return { isNull: unlinked, value: '0' };
  const stat = domainStat(name, a, q);
  if (stat === undefined || (stat.kind === 'str' && name !== 'target')) return null;
  return { isNull: anyOf([unlinked, stat.isNull ?? '0']), value: stat.value };
}

/** How to run `q` on `table` (the Distributed table on a cluster, else the local one). */
export function compileIntersect(
  q: IntersectQuery,
  table: string,
  dialect: Dialect,
): CompiledIntersect {
  const s = targetSets(q, dialect);
  const unit = q.source === 'page' ? 'url_from' : 'domain_from';
  const where = anyOf([...s.a, s.x]);
  const having = [`lg_cnt >= ${sqlNumber(q.minMatching)}`];
  if (s.x !== '0') having.push(`countIf(${s.x}) = 0`);
  if (q.itemFilter !== null) {
    having.push(
      itemFilterSql(q.itemFilter, (c) =>
        q.source === 'page' ? pageCondition(s, c) : domainCondition(q, s, c),
      ),
    );
  }
  const keys: Array<{ v: OrderValue; desc: boolean }> = [];
  if (q.order.length === 0) {
    const rankCol = q.source === 'page' ? 'page_rank' : 'domain_rank';
    keys.push({ v: { isNull: null, value: 'lg_cnt' }, desc: true });
    keys.push({
      v: {
        isNull: `(any(${rankCol}) = ${NULL_I16})`,
        value: scaledRankSql(`any(${rankCol})`, q.rankScale),
      },
      desc: true,
    });
  } else {
    for (const o of q.order) {
      const desc = o.direction === 'desc';
      const v =
        q.source === 'page'
          ? pageOrder(q, s, o.field.target, o.field.name, desc)
          : domainOrder(q, s, o.field.target, o.field.name);
      if (v !== null) keys.push({ v, desc });
    }
  }
  const selectKeys: string[] = [];
  const orderInner: string[] = [];
  const orderOuter: string[] = [];
  keys.forEach(({ v, desc }, i) => {
    const dir = desc ? 'DESC' : 'ASC';
    if (v.isNull !== null) {
      selectKeys.push(`toUInt8(${v.isNull}) AS lg_n${i}`);
      orderInner.push(`lg_n${i} ASC`);
      orderOuter.push(`lg_n${i} ASC`);
    }
    selectKeys.push(`${v.value} AS lg_k${i}`);
    orderInner.push(`lg_k${i} ${dir}`);
    orderOuter.push(`lg_k${i} ${dir}`);
  });
  orderInner.push(`${unit} ASC`);
  orderOuter.push('unit ASC');
  const group = `FROM ${table} WHERE ${where} GROUP BY ${unit} HAVING ${allOf(having)}`;
  const need = q.offset + q.limit;
  const inner = [
    `SELECT ${unit} AS unit, ${s.cnt} AS lg_cnt`,
    ...selectKeys.map((k) => `, ${k}`),
    ` ${group} ORDER BY ${orderInner.join(', ')} LIMIT ${sqlNumber(need)}`,
  ].join('');
  return {
    unit,
    windowSql: `SELECT unit FROM (${inner}) ORDER BY ${orderOuter.join(', ')} LIMIT ${sqlNumber(q.offset)}, ${sqlNumber(q.limit)}`,
    countSql: `SELECT count() AS n FROM (SELECT ${unit}, ${s.cnt} AS lg_cnt ${group})`,
    targetsPredicate: targetsPredicate(q),
    settings: { distributed_group_by_no_merge: 1 },
  };
}

/** The rows any target of `q` names (no scope, no filter). */
export function targetsPredicate(q: Pick<IntersectQuery, 'targets'>): string {
  return anyOf(q.targets.map(targetSql));
}

/** Moz authority (1..100) of a raw rank column (run-moz's `mozAuthority`). */
function authoritySql(col: string): string {
  return `if(${col} = ${NULL_I16}, 1, greatest(1, least(100, toInt32(floor((${col} - 200) / 8 + 0.5)))))`;
}

/**
 * Moz `link_intersect` (src/engine/run-moz.ts): sources linking to at least `minMatching` of
 * the positive targets (each a group of specs), none reached by a negative, in the Moz sort.
 */
export function compileMoz(mq: MozQuery, table: string, dialect: Dialect): CompiledIntersect {
  const q = { ...mq.query, minMatching: 1 };
  const s = targetSets(q, dialect);
  const domainMode = q.source === 'domain';
  const unit = domainMode ? 'domain_from' : 'url_from';
  const groups = Array.from({ length: mq.positives }, (_, g) =>
    anyOf(
      q.targets.flatMap((_, t) => (mq.targetGroups[t] === g ? [`(countIf(${s.a[t]}) > 0)`] : [])),
    ),
  );
  const count = groups.length === 0 ? '0' : `(${groups.map((g) => `toUInt8(${g})`).join(' + ')})`;
  const having = [`lg_cnt >= ${sqlNumber(Math.max(mq.minMatching, 1))}`, 'lg_any > 0'];
  if (s.x !== '0') having.push(`countIf(${s.x}) = 0`);
  const da = authoritySql(`any(domain_rank)`);
  const spamCol = domainMode ? 'domain_spam_score' : 'host_spam_score';
  const spam = `if(any(${spamCol}) = ${NULL_I16}, 1000000000, toInt32(any(${spamCol})))`;
  const keys =
    mq.sort === 'source_domain_authority'
      ? ['lg_da DESC', 'lg_cnt DESC']
      : mq.sort === 'source_spam_score'
        ? ['lg_spam ASC', 'lg_da DESC']
        : ['lg_cnt DESC', 'lg_da DESC'];
  const group = `FROM ${table} WHERE ${anyOf([...s.a, s.x])} GROUP BY ${unit} HAVING ${allOf(having)}`;
  const anyLinked = s.cnt;
  const inner = `SELECT ${unit} AS unit, ${count} AS lg_cnt, ${anyLinked} AS lg_any, ${da} AS lg_da, ${spam} AS lg_spam ${group} ORDER BY ${[...keys, `${unit} ASC`].join(', ')} LIMIT ${sqlNumber(mq.offset + mq.limit)}`;
  return {
    unit,
    windowSql: `SELECT unit FROM (${inner}) ORDER BY ${[...keys, 'unit ASC'].join(', ')} LIMIT ${sqlNumber(mq.offset)}, ${sqlNumber(mq.limit)}`,
    countSql: `SELECT count() AS n FROM (SELECT ${unit}, ${count} AS lg_cnt, ${anyLinked} AS lg_any ${group})`,
    targetsPredicate: targetsPredicate(q),
    settings: { distributed_group_by_no_merge: 1 },
  };
}

/** The hydration query: every targeted row of the window's units, in link order. */
export function hydrateSql(
  table: string,
  columns: readonly string[],
  unit: CompiledIntersect['unit'],
  units: readonly string[],
  targetsPredicate: string,
): string {
  const list = units.map(sqlString).join(', ');
  return `SELECT ${columns.join(', ')} FROM ${table} WHERE ${unit} IN (${list}) AND ${targetsPredicate} ORDER BY url_from, seq`;
}
