/**
 * String operators of the filter grammar on one value (docs/intersection-semantics.md §Filters):
 * SQL LIKE / ILIKE, RE2 regex (unanchored), whole-word match.
 */
import RE2 from 're2';
import type { FilterOp, FilterScalar } from '../core/filter/types.js';
import { wordsOf } from '../core/filter/words.js';

/** A test of a non-null string value. */
export type StringTest = (s: string) => boolean;

/**
 * SQL LIKE as an anchored RegExp: `%` any run, `_` one character (a code point, as in DuckDB),
 * `\` escapes the next character.
 */
export function likeToRegExp(pattern: string): RegExp {
  let out = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '\\' && i + 1 < chars.length) out += escapeRegExp(chars[++i] as string);
    else if (ch === '%') out += '[\\s\\S]*';
    else if (ch === '_') out += '[\\s\\S]';
    else out += escapeRegExp(ch);
  }
  return new RegExp(`${out}$`, 'u');
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Build the test for operator `op` with `value` (already coerced); null for unknown ops. */
export function stringTest(op: FilterOp, value: FilterScalar | FilterScalar[]): StringTest {
  const v = typeof value === 'string' ? value : String(value);
  switch (op) {
    case '=':
      return (s) => s === v;
    case '<>':
      return (s) => s !== v;
    case '<':
      return (s) => s < v;
    case '<=':
      return (s) => s <= v;
    case '>':
      return (s) => s > v;
    case '>=':
      return (s) => s >= v;
    case 'in':
    case 'not_in': {
      const set = new Set((Array.isArray(value) ? value : [value]).filter((x) => x !== null));
      const strs = new Set([...set].map((x) => String(x)));
      return op === 'in' ? (s) => strs.has(s) : (s) => !strs.has(s);
    }
    case 'like':
    case 'not_like': {
      const re = likeToRegExp(v);
      return op === 'like' ? (s) => re.test(s) : (s) => !re.test(s);
    }
    case 'ilike':
    case 'not_ilike': {
      const re = likeToRegExp(v.toLowerCase());
      return op === 'ilike' ? (s) => re.test(s.toLowerCase()) : (s) => !re.test(s.toLowerCase());
    }
    case 'regex':
    case 'not_regex': {
      let re: RE2 | null = null;
      try {
        re = new RE2(v);
      } catch {
        re = null;
      }
      if (re === null) return () => false;
      const r = re;
      return op === 'regex' ? (s) => r.test(s) : (s) => !r.test(s);
    }
    case 'match':
    case 'not_match': {
      const want = wordsOf(v);
      const test = (s: string) => {
        const have = new Set(wordsOf(s));
        return want.every((w) => have.has(w));
      };
      return op === 'match' ? test : (s) => !test(s);
    }
    default:
      return () => false;
  }
}
