/**
 * Filter expressions compiled to per-link predicates over the index columns. String operators
 * run once per distinct dictionary value per query (memoised by id).
 */
import type { FilterCondition, FilterExpr } from '../core/filter/types.js';
import type { LinkField, LinkFields } from './link-fields.js';
import { stringTest } from './string-tests.js';

/** A predicate on a link id. */
export type LinkPredicate = (link: number) => boolean;

const NEVER: LinkPredicate = () => false;

/**
 * Compile `expr` for links. `field(cond)` picks the accessor a condition reads (so callers can
 * ignore the target prefix); a condition on an unknown field is false.
 */
export function compileLinkPredicate(
  expr: FilterExpr,
  fields: LinkFields,
  listLimit: number,
): LinkPredicate {
  if (expr.kind === 'cond') return compileCondition(expr, fields.get(expr.field.name), listLimit);
  const parts = expr.items.map((e) => compileLinkPredicate(e, fields, listLimit));
  if (parts.length === 1) return parts[0] as LinkPredicate;
  if (expr.kind === 'and') {
    if (parts.length === 2) {
      const [a, b] = parts as [LinkPredicate, LinkPredicate];
      return (l) => a(l) && b(l);
    }
    return (l) => parts.every((p) => p(l));
  }
  return (l) => parts.some((p) => p(l));
}

/** The numeric form of a condition value (booleans as 0/1), or NaN. */
export function numericValue(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return Number.NaN;
}

/** A comparison of a non-null number with the condition's value. */
export function numberTest(cond: FilterCondition): ((x: number) => boolean) | null {
  const { op, value } = cond;
  if (op === 'in' || op === 'not_in') {
    const set = new Set(
      (Array.isArray(value) ? value : [value]).filter((x) => x !== null).map(numericValue),
    );
    return op === 'in' ? (x) => set.has(x) : (x) => !set.has(x);
  }
  const v = numericValue(value);
  switch (op) {
    case '=':
      return (x) => x === v;
    case '<>':
      return (x) => x !== v;
    case '<':
      return (x) => x < v;
    case '<=':
      return (x) => x <= v;
    case '>':
      return (x) => x > v;
    case '>=':
      return (x) => x >= v;
    default:
      return null;
  }
}

/** What a condition says about a null field value. */
export function nullResult(cond: FilterCondition): boolean {
  if (cond.op === 'has_not') return true;
  return cond.op === '=' && cond.value === null;
}

/** What a condition with value null (`= null` / `<> null`) says about a non-null value. */
function nonNullResult(cond: FilterCondition): boolean {
  return cond.op === '<>';
}

function compileCondition(
  cond: FilterCondition,
  field: LinkField | undefined,
  listLimit: number,
): LinkPredicate {
  if (field === undefined) return NEVER;
  const isNullCheck = cond.value === null && (cond.op === '=' || cond.op === '<>');
  const onNull = nullResult(cond);
  if (field.kind === 'num') {
    const get = field.get;
    if (isNullCheck) {
      const eqNull = cond.op === '=';
      return (l) => Number.isNaN(get(l)) === eqNull;
    }
    const test = numberTest(cond);
    if (test === null) return NEVER;
    return (l) => {
      const x = get(l);
      return Number.isNaN(x) ? onNull : test(x);
    };
  }
  if (field.kind === 'str') {
    const { id, text, size } = field;
    if (isNullCheck) {
      const eqNull = cond.op === '=';
      return (l) => id(l) < 0 === eqNull;
    }
    const test = stringTest(cond.op, cond.value);
    const memo = new Uint8Array(size);
    return (l) => {
      const i = id(l);
      if (i < 0) return onNull;
      let m = memo[i] as number;
      if (m === 0) {
        m = test(text(i)) ? 1 : 2;
        memo[i] = m;
      }
      return m === 1;
    };
  }
  // Arrays: the backlink object's value, capped by internalListLimit; empty reads as null.
  const { id, items, size } = field;
  const memo = new Uint8Array(size);
  const has = String(cond.value);
  const evaluate = (i: number): boolean => {
    const arr = items(i).slice(0, listLimit);
    if (arr.length === 0) return onNull;
    if (isNullCheck) return nonNullResult(cond);
    if (cond.op === 'has') return arr.includes(has);
    if (cond.op === 'has_not') return !arr.includes(has);
    return false;
  };
  return (l) => {
    const i = id(l);
    if (i < 0) return onNull;
    let m = memo[i] as number;
    if (m === 0) {
      m = evaluate(i) ? 1 : 2;
      memo[i] = m;
    }
    return m === 1;
  };
}
