import { describe, expect, it } from 'vitest';
import type { FieldType, FilterCondition, FilterOp } from '../../src/core/filter/types.js';
import { countMap, subnetOf } from './domain-stats.js';
import {
  conditionHolds,
  evalExpr,
  likeMatches,
  matchesWords,
  regexMatches,
} from './filter-eval.js';

function cond(type: FieldType, op: FilterOp, value: FilterCondition['value']): FilterCondition {
  return { kind: 'cond', field: { target: 0, name: 'f' }, type, op, value };
}

describe('reference LIKE', () => {
  it('matches % runs, _ single characters and whole values only', () => {
    expect(likeMatches('abc', 'a_c')).toBe(true);
    expect(likeMatches('abbc', 'a_c')).toBe(false);
    expect(likeMatches('abbc', 'a%c')).toBe(true);
    expect(likeMatches('abcd', 'a%c')).toBe(false);
    expect(likeMatches('xabcx', 'abc')).toBe(false);
    expect(likeMatches('', '%')).toBe(true);
    expect(likeMatches('', '_')).toBe(false);
    expect(likeMatches('é', '_')).toBe(true);
    expect(likeMatches('😀', '_')).toBe(true);
    expect(likeMatches('A', 'a')).toBe(false);
  });

  it('takes the character after a backslash literally', () => {
    expect(likeMatches('100% sure', '100\\%%')).toBe(true);
    expect(likeMatches('100x sure', '100\\%%')).toBe(false);
    expect(likeMatches('a_b', 'a\\_b')).toBe(true);
    expect(likeMatches('axb', 'a\\_b')).toBe(false);
    expect(likeMatches('a\\b', 'a\\\\b')).toBe(true);
    expect(likeMatches('ab\\', 'ab\\')).toBe(true);
  });

  it('ilike lower-cases both sides; not_like and not_ilike negate', () => {
    expect(conditionHolds(cond('str', 'ilike', '%SEO%'), 'Best seo tools')).toBe(true);
    expect(conditionHolds(cond('str', 'like', '%SEO%'), 'Best seo tools')).toBe(false);
    expect(conditionHolds(cond('str', 'not_like', '%SEO%'), 'Best seo tools')).toBe(true);
    expect(conditionHolds(cond('str', 'not_ilike', '%SEO%'), 'Best seo tools')).toBe(false);
  });
});

describe('reference match and regex', () => {
  it('match needs every word of the value as a whole word of the field', () => {
    expect(matchesWords('Best SEO tools, 2024!', 'seo 2024')).toBe(true);
    expect(matchesWords('Best SEO tools, 2024!', 'seo tool')).toBe(false);
    expect(matchesWords('Привет, мир', 'МИР')).toBe(true);
    expect(matchesWords('e-mail me', 'mail')).toBe(true);
    expect(matchesWords('email me', 'mail')).toBe(false);
    expect(conditionHolds(cond('str', 'not_match', 'tool'), 'Best SEO tools')).toBe(true);
  });

  it('regex is an unanchored, case-sensitive RE2 search', () => {
    expect(regexMatches('abc', 'b')).toBe(true);
    expect(regexMatches('abc', '^b')).toBe(false);
    expect(regexMatches('abc', 'B')).toBe(false);
    expect(regexMatches('abc', '(?i)B')).toBe(true);
    expect(conditionHolds(cond('str', 'not_regex', 'z'), 'abc')).toBe(true);
  });
});

describe('reference null rules and types', () => {
  it('null values fail every operator except = null', () => {
    expect(conditionHolds(cond('str', '=', null), null)).toBe(true);
    expect(conditionHolds(cond('str', '<>', null), null)).toBe(false);
    expect(conditionHolds(cond('str', '<>', null), 'x')).toBe(true);
    expect(conditionHolds(cond('str', '=', null), 'x')).toBe(false);
    for (const op of ['<>', 'not_like', 'not_ilike', 'not_regex', 'not_match'] as const) {
      expect(conditionHolds(cond('str', op, 'x'), null)).toBe(false);
    }
    expect(conditionHolds(cond('num', 'not_in', [1, 2]), null)).toBe(false);
    expect(conditionHolds(cond('num', '<', 5), null)).toBe(false);
  });

  it('compares numbers, times, strings and booleans; in / not_in test membership', () => {
    expect(conditionHolds(cond('num', '>=', 5), 5)).toBe(true);
    expect(conditionHolds(cond('num', '>', 5), 5)).toBe(false);
    expect(conditionHolds(cond('time', '<', 100), 99)).toBe(true);
    expect(conditionHolds(cond('num', 'in', [1, 5]), 5)).toBe(true);
    expect(conditionHolds(cond('num', 'not_in', [1, 5]), 5)).toBe(false);
    expect(conditionHolds(cond('str', 'in', ['a', 'b']), 'b')).toBe(true);
    expect(conditionHolds(cond('bool', '=', false), false)).toBe(true);
    expect(conditionHolds(cond('bool', '<>', true), false)).toBe(true);
    expect(conditionHolds(cond('str', '<>', 'a'), 'b')).toBe(true);
  });

  it('arrays: has / has_not; a null or empty array has nothing', () => {
    expect(conditionHolds(cond('array', 'has', 'ugc'), ['nofollow', 'ugc'])).toBe(true);
    expect(conditionHolds(cond('array', 'has_not', 'ugc'), ['nofollow', 'ugc'])).toBe(false);
    expect(conditionHolds(cond('array', 'has', 'ugc'), null)).toBe(false);
    expect(conditionHolds(cond('array', 'has_not', 'ugc'), null)).toBe(true);
    expect(conditionHolds(cond('array', 'has_not', 'ugc'), [])).toBe(true);
  });

  it('and / or as written', () => {
    const t = cond('bool', '=', true);
    const f = cond('bool', '=', false);
    const holds = (c: FilterCondition) => c.value === true;
    expect(evalExpr({ kind: 'and', items: [t, f] }, holds)).toBe(false);
    expect(evalExpr({ kind: 'or', items: [f, t] }, holds)).toBe(true);
    expect(evalExpr({ kind: 'or', items: [f, { kind: 'and', items: [t, t] }] }, holds)).toBe(true);
  });
});

describe('reference count maps and subnets', () => {
  it('orders keys by count desc then key asc, capped', () => {
    const m = countMap(['b', 'a', 'c', 'c', '', 'b', 'c'], 3);
    expect(Object.entries(m)).toEqual([
      ['c', 3],
      ['b', 2],
      ['', 1],
    ]);
    expect(Object.keys(countMap(['x', 'y', 'z'], null))).toEqual(['x', 'y', 'z']);
  });

  it('subnets: three IPv4 octets, four IPv6 groups of the expanded address', () => {
    expect(subnetOf('10.1.2.3')).toBe('10.1.2');
    expect(subnetOf('2001:db8::1')).toBe('2001:db8:0:0');
    expect(subnetOf('2001:0DB8:0001:0002:3:4:5:6')).toBe('2001:db8:1:2');
    expect(subnetOf('::1')).toBe('0:0:0:0');
  });
});
