/**
 * Filter conditions as SQL predicates (UInt8, never null) over one row of the link table, with
 * the engine's semantics (src/engine/link-predicate.ts, string-tests.ts): a null field gives
 * `nullResult(cond)`, LIKE is an anchored regex where `_` is one code point, ILIKE lower-cases
 * both sides, an invalid regex matches nothing (checked with the engine's RE2), `match` compares
 * whole lower-cased words, arrays are read capped at `internalListLimit` and empty as null.
 */
import RE2 from 're2';
import type { FilterCondition, FilterExpr, FilterScalar } from '../../core/filter/types.js';
import { wordsOf } from '../../core/filter/words.js';
import { nullResult, numericValue } from '../../engine/index.js';
import { regexEscape, sqlNumber, sqlString, sqlStringArray } from '../../store/clickhouse/index.js';
import type { Dialect } from './dialect.js';
import type { FieldSql } from './fields.js';

const TRUE = '1';
const FALSE = '0';

/** How conditions find their fields and the server's dialect. */
export interface ConditionContext {
  dialect: Dialect;
  listLimit: number;
  field(cond: FilterCondition): FieldSql | undefined;
}

/** AND / OR of predicates, simplified where a part is constant. */
export function allOf(parts: readonly string[]): string {
  const xs = parts.filter((p) => p !== TRUE);
  if (xs.includes(FALSE)) return FALSE;
  if (xs.length === 0) return TRUE;
  return xs.length === 1 ? (xs[0] as string) : `(${xs.join(' AND ')})`;
}

export function anyOf(parts: readonly string[]): string {
  const xs = parts.filter((p) => p !== FALSE);
  if (xs.includes(TRUE)) return TRUE;
  if (xs.length === 0) return FALSE;
  return xs.length === 1 ? (xs[0] as string) : `(${xs.join(' OR ')})`;
}

/** `expr` as a predicate. */
export function exprSql(expr: FilterExpr, ctx: ConditionContext): string {
  if (expr.kind === 'cond') return conditionSql(expr, ctx);
  const parts = expr.items.map((e) => exprSql(e, ctx));
  return expr.kind === 'and' ? allOf(parts) : anyOf(parts);
}

/** A predicate that is `onNull` where `isNull` holds and `test` elsewhere. */
function guarded(isNull: string | null, onNull: boolean, test: string): string {
  if (isNull === null || test === (onNull ? TRUE : FALSE)) return test;
  return onNull ? anyOf([isNull, test]) : allOf([`NOT ${isNull}`, test]);
}

/** The operators of numeric tests; any other is false on a number, null or not. */
export const NUMERIC_OPS: ReadonlySet<string> = new Set([
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not_in',
]);

/** The test of a non-null number `x` against the condition (link-predicate's `numberTest`). */
export function numberTestSql(x: string, cond: FilterCondition): string {
  const { op, value } = cond;
  if (op === 'in' || op === 'not_in') {
    const list = (Array.isArray(value) ? value : [value])
      .filter((v) => v !== null)
      .map(numericValue)
      .filter((v) => !Number.isNaN(v));
    if (list.length === 0) return op === 'in' ? FALSE : TRUE;
    const lits = list.map(sqlNumber).join(', ');
    return op === 'in' ? `(${x} IN (${lits}))` : `(${x} NOT IN (${lits}))`;
  }
  const v = numericValue(value);
  if (Number.isNaN(v)) return op === '<>' ? TRUE : FALSE;
  const lit = sqlNumber(v);
  switch (op) {
    case '=':
      return `(${x} = ${lit})`;
    case '<>':
      return `(${x} != ${lit})`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `(${x} ${op} ${lit})`;
    default:
      return FALSE;
  }
}

/** LIKE `pattern` as an anchored regex (string-tests' `likeToRegExp`). */
export function likeRegex(pattern: string, dialect: Dialect): string {
  let out = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '\\' && i + 1 < chars.length) out += regexEscape(chars[++i] as string);
    else if (ch === '%') out += dialect.anyRun;
    else if (ch === '_') out += dialect.anyChar;
    else out += regexEscape(ch);
  }
  return `${out}$`;
}

function isValidRegex(pattern: string): boolean {
  try {
    new RE2(pattern);
    return true;
  } catch {
    return false;
  }
}

const asString = (v: FilterScalar | FilterScalar[]): string =>
  typeof v === 'string' ? v : String(v);

/** Lower-cased words of a string expression, as `wordsOf` splits them. */
function wordsSql(x: string): string {
  return `arrayMap(w -> lowerUTF8(w), extractAll(${x}, '[\\\\p{L}\\\\p{N}]+'))`;
}

/** The test of a non-null string `x` (string-tests' `stringTest`); `words` is its word array. */
function stringTestSql(x: string, words: string | null, cond: FilterCondition, d: Dialect): string {
  const { op, value } = cond;
  const v = asString(value);
  switch (op) {
    case '=':
      return `(${x} = ${sqlString(v)})`;
    case '<>':
      return `(${x} != ${sqlString(v)})`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `(${x} ${op} ${sqlString(v)})`;
    case 'in':
    case 'not_in': {
      const list = [
        ...new Set((Array.isArray(value) ? value : [value]).filter((s) => s !== null).map(String)),
      ];
      if (list.length === 0) return op === 'in' ? FALSE : TRUE;
      const lits = list.map(sqlString).join(', ');
      return op === 'in' ? `(${x} IN (${lits}))` : `(${x} NOT IN (${lits}))`;
    }
    case 'like':
      return `match(${x}, ${sqlString(d.regex(likeRegex(v, d)))})`;
    case 'not_like':
      return `(NOT match(${x}, ${sqlString(d.regex(likeRegex(v, d)))}))`;
    case 'ilike':
      return `match(lowerUTF8(${x}), ${sqlString(d.regex(likeRegex(v.toLowerCase(), d)))})`;
    case 'not_ilike':
      return `(NOT match(lowerUTF8(${x}), ${sqlString(d.regex(likeRegex(v.toLowerCase(), d)))}))`;
    case 'regex':
    case 'not_regex': {
      if (!isValidRegex(v)) return FALSE;
      const m = `match(${x}, ${sqlString(d.regex(v))})`;
      return op === 'regex' ? m : `(NOT ${m})`;
    }
    case 'match':
    case 'not_match': {
      const want = [...new Set(wordsOf(v))];
      const m =
        want.length === 0 ? TRUE : `hasAll(${words ?? wordsSql(x)}, ${sqlStringArray(want)})`;
      if (op === 'match') return m;
      return m === TRUE ? FALSE : `(NOT ${m})`;
    }
    default:
      return FALSE;
  }
}

/** One condition as a predicate; false on an unknown field. */
export function conditionSql(cond: FilterCondition, ctx: ConditionContext): string {
  const f = ctx.field(cond);
  if (f === undefined) return FALSE;
  const isNullCheck = cond.value === null && (cond.op === '=' || cond.op === '<>');
  const onNull = nullResult(cond);
  if (f.kind === 'array') {
    const list = `arraySlice(${f.value}, 1, ${sqlNumber(ctx.listLimit)})`;
    const empty = `empty(${list})`;
    if (isNullCheck) return cond.op === '=' ? empty : `notEmpty(${list})`;
    const has = `has(${list}, ${sqlString(asString(cond.value))})`;
    if (cond.op === 'has') return guarded(empty, onNull, has);
    if (cond.op === 'has_not') return guarded(empty, onNull, `(NOT ${has})`);
    return FALSE;
  }
  if (isNullCheck) {
    if (f.isNull === null) return cond.op === '=' ? FALSE : TRUE;
    return cond.op === '=' ? f.isNull : `(NOT ${f.isNull})`;
  }
  if (f.kind === 'num' && !NUMERIC_OPS.has(cond.op)) return FALSE;
  const test =
    f.kind === 'num'
      ? numberTestSql(f.value, cond)
      : stringTestSql(f.value, f.words, cond, ctx.dialect);
  return guarded(f.isNull, onNull, test);
}
