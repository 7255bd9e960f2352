/**
 * Seeded random filter conditions over every field type and operator, with values drawn from a
 * dataset so that many of them hit (LIKE patterns cut from real values, regexes, words …).
 */

import { RANK_FIELDS as RANK_FIELD_NAMES } from '../../src/core/filter/catalogue.js';
import type {
  FieldRef,
  FieldType,
  FilterCondition,
  FilterExpr,
  FilterOp,
  FilterScalar,
} from '../../src/core/filter/types.js';
import type { RankScale } from '../../src/core/query/intersect-query.js';
import { scaled } from './backlink-object.js';
import type { PoolValue, QueryPool } from './query-pool.js';

/** A seeded random source with the helpers the generators need. */
export interface Rng {
  next: () => number;
  int: (n: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
  /** Skewed to the head of the list. */
  popular: <T>(xs: readonly T[]) => T;
}

/** Wrap a `() => number` (test/helpers/random.ts) into an `Rng`. */
export function createRng(next: () => number): Rng {
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (xs) => xs[int(xs.length)] as (typeof xs)[number],
    popular: (xs) => xs[Math.floor(xs.length * next() ** 3)] as (typeof xs)[number],
  };
}

const NUM_OPS: FilterOp[] = ['=', '<>', '<', '<=', '>', '>=', 'in', 'not_in'];
const STR_OPS: FilterOp[] = [
  ...['=', '<>', 'in', 'not_in', 'like', 'not_like', 'ilike', 'not_ilike'],
  ...['regex', 'not_regex', 'match', 'not_match'],
] as FilterOp[];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function randomCase(r: Rng, s: string): string {
  return Array.from(s, (ch) => (r.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

/** A piece of `s` (by code points): [start, end). */
function slice(r: Rng, s: string): [string, string, string] {
  const cps = Array.from(s);
  const a = r.int(cps.length + 1);
  const b = a + r.int(cps.length - a + 1);
  return [cps.slice(0, a).join(''), cps.slice(a, b).join(''), cps.slice(b).join('')];
}

function likePattern(r: Rng, s: string): string {
  const [pre, mid, post] = slice(r, s);
  switch (r.int(6)) {
    case 0:
      return `%${escapeLike(mid)}%`;
    case 1:
      return `${escapeLike(pre)}%`;
    case 2:
      return `%${escapeLike(post)}`;
    case 3: {
      // One character replaced by `_`.
      const cps = Array.from(s);
      if (cps.length > 0) cps[r.int(cps.length)] = '_';
      return cps.map((c) => (c === '_' ? c : escapeLike(c))).join('');
    }
    case 4:
      return escapeLike(s);
    default:
      return `${escapeLike(pre)}%${escapeLike(post)}`;
  }
}

function regexPattern(r: Rng, s: string): string {
  const [pre, mid, post] = slice(r, s);
  switch (r.int(6)) {
    case 0:
      return escapeRegex(mid);
    case 1:
      return `^${escapeRegex(pre)}`;
    case 2:
      return `${escapeRegex(post)}$`;
    case 3:
      return r.pick([
        '[0-9]{2}',
        '^https://',
        '\\.html$',
        '[А-Яа-я]+',
        '\\s',
        '^$',
        '(?i)SEO|BLOG',
      ]);
    case 4:
      return `(?i)${escapeRegex(mid.toUpperCase())}`;
    default:
      return `${escapeRegex(Array.from(pre).slice(-3).join(''))}.*${escapeRegex(Array.from(post).slice(0, 3).join(''))}`;
  }
}

function matchQuery(r: Rng, s: string): string {
  // Own word split (not the reference's), so a wrong reference cannot shape its own test.
  const ws = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (ws.length === 0 || r.chance(0.15)) return r.pick(['seo', 'the', 'zzzq', 'news 2026', '']);
  if (r.chance(0.2)) {
    // Part of a word: never a whole word, whatever the letters.
    const w = Array.from(r.pick(ws));
    return w.slice(0, 1 + r.int(w.length)).join('');
  }
  const picked = [r.pick(ws), ...(r.chance(0.3) ? [r.pick(ws)] : [])];
  return randomCase(r, picked.join(r.pick([' ', ', ', '-'])));
}

/** Observed values of a field, or a stand-in list when none were seen. */
export type ValueSource = (r: Rng) => PoolValue | null;

/** A value source for a backlink field of the pool. */
export function backlinkValues(pool: QueryPool, name: string): ValueSource {
  const vs = pool.values.get(name) ?? [];
  return (r) => (vs.length === 0 ? null : r.pick(vs));
}

function scalarFor(
  r: Rng,
  type: FieldType,
  values: ValueSource,
  name: string,
  scale: RankScale,
): FilterScalar {
  const v = values(r);
  if (type === 'num') {
    const n = typeof v === 'number' ? v : r.int(20);
    const shifted = r.chance(0.2) ? n + r.pick([-1, 1, 7]) : n;
    return RANK_FIELD_NAMES.has(name) ? scaled(shifted, scale) : shifted;
  }
  if (type === 'time') {
    const t = typeof v === 'number' ? v : 1767225600;
    return r.chance(0.3) ? t + r.pick([-1, 1, -86400, 86400 * 30]) : t;
  }
  if (type === 'bool') return r.chance(0.5);
  return typeof v === 'string' ? v : r.pick(['', 'x', 'zzz']);
}

/** One random condition on `field` of `type`. */
export function randomCondition(
  r: Rng,
  field: FieldRef,
  type: FieldType,
  values: ValueSource,
  scale: RankScale,
): FilterCondition {
  const cond = (op: FilterOp, value: FilterCondition['value']): FilterCondition => ({
    kind: 'cond',
    field,
    type,
    op,
    value,
  });
  if (type === 'array') {
    const v = values(r);
    return cond(r.pick(['has', 'has_not']), typeof v === 'string' && r.chance(0.85) ? v : 'zzz');
  }
  if (type !== 'bool' && r.chance(0.1)) return cond(r.pick(['=', '<>']), null);
  if (type === 'bool') {
    return r.chance(0.08)
      ? cond(r.pick(['=', '<>']), null)
      : cond(r.pick(['=', '<>']), r.chance(0.5));
  }
  const op = r.pick(type === 'str' ? STR_OPS : NUM_OPS);
  if (op === 'in' || op === 'not_in') {
    const n = 1 + r.int(3);
    return cond(
      op,
      Array.from({ length: n }, () => scalarFor(r, type, values, field.name, scale)),
    );
  }
  const base = scalarFor(r, type, values, field.name, scale);
  if (type !== 'str') return cond(op, base);
  const s = String(base);
  if (op === 'like' || op === 'not_like') return cond(op, likePattern(r, s));
  if (op === 'ilike' || op === 'not_ilike') return cond(op, randomCase(r, likePattern(r, s)));
  if (op === 'regex' || op === 'not_regex') return cond(op, regexPattern(r, s));
  if (op === 'match' || op === 'not_match') return cond(op, matchQuery(r, s));
  return cond(op, s);
}

/** A random and/or tree of 1..budget conditions made by `leaf`. */
export function randomExpr(r: Rng, budget: number, leaf: () => FilterCondition): FilterExpr {
  if (budget <= 1 || r.chance(0.45)) return leaf();
  const n = 2 + r.int(Math.min(budget, 3) - 1);
  const share = Math.max(1, Math.floor(budget / n));
  const items = Array.from({ length: n }, () =>
    r.chance(0.25) && share > 1 ? randomExpr(r, share, leaf) : leaf(),
  );
  return { kind: r.chance(0.6) ? 'and' : 'or', items };
}

/** How many conditions an expression holds. */
export function countConditions(e: FilterExpr | null): number {
  if (e === null) return 0;
  if (e.kind === 'cond') return 1;
  return e.items.reduce((n, x) => n + countConditions(x), 0);
}
