/**
 * Item filters: each condition becomes one truth value per candidate (computed by the mode's
 * resolver), then the and/or tree is evaluated per candidate.
 */
import type { FilterCondition, FilterExpr } from '../core/filter/types.js';
import { nullResult, numberTest } from './link-predicate.js';
import { stringTest } from './string-tests.js';

/** Truth per candidate of one condition. */
export type ConditionResolver = (cond: FilterCondition) => Uint8Array;

/** A test of one scalar value (undefined = the field has no value: false). */
export function valueTest(
  cond: FilterCondition,
): (x: number | string | boolean | null | undefined) => boolean {
  const isNullCheck = cond.value === null && (cond.op === '=' || cond.op === '<>');
  const onNull = nullResult(cond);
  const num = isNullCheck ? null : numberTest(cond);
  const str = isNullCheck ? null : stringTest(cond.op, cond.value);
  return (x) => {
    if (x === undefined) return false;
    if (x === null) return onNull;
    if (isNullCheck) return cond.op === '<>';
    if (typeof x === 'string') return (str as (s: string) => boolean)(x);
    if (num === null) return false;
    return num(typeof x === 'boolean' ? (x ? 1 : 0) : x);
  };
}

/** Candidate positions (0 … n-1) for which `expr` holds. */
export function filterCandidates(
  n: number,
  expr: FilterExpr | null,
  resolve: ConditionResolver,
): Uint32Array {
  if (expr === null) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const truth = evaluate(expr, n, resolve);
  let m = 0;
  for (let i = 0; i < n; i++) if (truth[i]) m++;
  const out = new Uint32Array(m);
  m = 0;
  for (let i = 0; i < n; i++) if (truth[i]) out[m++] = i;
  return out;
}

function evaluate(expr: FilterExpr, n: number, resolve: ConditionResolver): Uint8Array {
  if (expr.kind === 'cond') return resolve(expr);
  const parts = expr.items.map((e) => evaluate(e, n, resolve));
  const out = new Uint8Array(n);
  if (expr.kind === 'and') {
    out.fill(1);
    for (const p of parts)
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) & (p[i] as number);
  } else {
    for (const p of parts)
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) | (p[i] as number);
  }
  return out;
}
