/**
 * The reference evaluation of filter conditions on plain values, written from
 * docs/intersection-semantics.md §Filters: null rules, SQL LIKE with `%`, `_` and `\`, RE2
 * regex search, whole-word match, array has/has_not.
 */
import RE2 from 're2';
import type { FilterCondition, FilterExpr, FilterScalar } from '../../src/core/filter/types.js';

/** A field's value as filters see it: times in epoch seconds, ranks scaled, arrays whole. */
export type FieldValue = string | number | boolean | null | readonly string[];

/**
 * SQL LIKE over Unicode code points: `%` any run, `_` one character, `\` takes the next
 * character literally (a trailing lone `\` is a literal backslash). Whole-value match.
 */
export function likeMatches(value: string, pattern: string): boolean {
  const s = Array.from(value);
  // Tokens: { any: true } for %, { one: true } for _, else a literal character.
  const tokens: Array<{ kind: 'any' | 'one' | 'lit'; ch: string }> = [];
  const p = Array.from(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '\\' && i + 1 < p.length) {
      tokens.push({ kind: 'lit', ch: p[i + 1] as string });
      i++;
    } else if (c === '%') tokens.push({ kind: 'any', ch: '' });
    else if (c === '_') tokens.push({ kind: 'one', ch: '' });
    else tokens.push({ kind: 'lit', ch: c });
  }
  // can[j] = the first j tokens match a prefix s[0..i) of the value (classic DP, row by row).
  let prev: boolean[] = new Array(s.length + 1).fill(false);
  prev[0] = true;
  for (const t of tokens) {
    const next: boolean[] = new Array(s.length + 1).fill(false);
    for (let i = 0; i <= s.length; i++) {
      if (t.kind === 'any') next[i] = (prev[i] as boolean) || (i > 0 && (next[i - 1] as boolean));
      else if (i > 0 && prev[i - 1] === true) next[i] = t.kind === 'one' || s[i - 1] === t.ch;
    }
    prev = next;
  }
  return prev[s.length] === true;
}

/** Maximal runs of Unicode letters and digits, lower-cased. */
export function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/** Every word of `query` occurs as a word of `text`. */
export function matchesWords(text: string, query: string): boolean {
  const have = new Set(words(text));
  return words(query).every((w) => have.has(w));
}

const regexCache = new Map<string, RE2>();

/** RE2 unanchored search, case-sensitive. */
export function regexMatches(value: string, pattern: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    re = new RE2(pattern, 'u');
    regexCache.set(pattern, re);
  }
  return re.test(value);
}

function compare(a: string | number | boolean, b: FilterScalar): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

function scalarHolds(op: string, v: string | number | boolean, want: FilterScalar): boolean {
  switch (op) {
    case '=':
      return v === want;
    case '<>':
      return v !== want;
    case '<':
      return compare(v, want) < 0;
    case '<=':
      return compare(v, want) <= 0;
    case '>':
      return compare(v, want) > 0;
    case '>=':
      return compare(v, want) >= 0;
    case 'like':
      return likeMatches(String(v), String(want));
    case 'not_like':
      return !likeMatches(String(v), String(want));
    case 'ilike':
      return likeMatches(String(v).toLowerCase(), String(want).toLowerCase());
    case 'not_ilike':
      return !likeMatches(String(v).toLowerCase(), String(want).toLowerCase());
    case 'regex':
      return regexMatches(String(v), String(want));
    case 'not_regex':
      return !regexMatches(String(v), String(want));
    case 'match':
      return matchesWords(String(v), String(want));
    case 'not_match':
      return !matchesWords(String(v), String(want));
    default:
      throw new Error(`reference: operator ${op} on a scalar`);
  }
}

/** Whether one value of the condition's field satisfies it. */
export function conditionHolds(cond: FilterCondition, v: FieldValue): boolean {
  if (cond.type === 'array') {
    // A null or empty array: has false, has_not true.
    const arr: readonly string[] = Array.isArray(v) ? v : [];
    const has = arr.includes(cond.value as string);
    if (cond.op === 'has') return has;
    if (cond.op === 'has_not') return !has;
    throw new Error(`reference: operator ${cond.op} on an array`);
  }
  if (cond.value === null) {
    if (cond.op === '=') return v === null;
    if (cond.op === '<>') return v !== null;
    return false;
  }
  if (v === null || Array.isArray(v)) return false;
  const scalar = v as string | number | boolean;
  if (cond.op === 'in' || cond.op === 'not_in') {
    const list = cond.value as FilterScalar[];
    const member = list.some((x) => x === scalar);
    return cond.op === 'in' ? member : !member;
  }
  return scalarHolds(cond.op, scalar, cond.value as FilterScalar);
}

/**
 * Evaluate a filter expression; `condHolds` decides each condition (per link: on the link's
 * own value; per unit: on some value of the unit's field).
 */
export function evalExpr(expr: FilterExpr, condHolds: (c: FilterCondition) => boolean): boolean {
  if (expr.kind === 'cond') return condHolds(expr);
  if (expr.kind === 'and') return expr.items.every((e) => evalExpr(e, condHolds));
  return expr.items.some((e) => evalExpr(e, condHolds));
}
