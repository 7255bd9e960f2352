import { describe, expect, it } from 'vitest';
import { wordsOf } from '../core/filter/words.js';
import { likeToRegExp, stringTest } from './string-tests.js';

describe('stringTest', () => {
  it('matches LIKE patterns on the whole value, case-sensitively', () => {
    const like = stringTest('like', '%seo%');
    expect(like('best seo tips')).toBe(true);
    expect(like('best SEO tips')).toBe(false);
    expect(stringTest('like', 'a_c')('abc')).toBe(true);
    expect(stringTest('like', 'a_c')('abbc')).toBe(false);
    expect(stringTest('like', 'abc')('xabc')).toBe(false);
    expect(stringTest('not_like', '%seo%')('SEO')).toBe(true);
  });

  it('treats a backslash as an escape and regex characters literally', () => {
    expect(likeToRegExp('100\\%').test('100%')).toBe(true);
    expect(likeToRegExp('100\\%').test('1000')).toBe(false);
    expect(stringTest('like', 'a.b(c)')('a.b(c)')).toBe(true);
    expect(stringTest('like', 'a.b')('axb')).toBe(false);
  });

  it('lower-cases both sides for ILIKE', () => {
    expect(stringTest('ilike', '%SeO%')('Best SEO')).toBe(true);
    expect(stringTest('not_ilike', '%seo%')('Best SEO')).toBe(false);
  });

  it('searches RE2 regexes unanchored and matches nothing for a broken one', () => {
    expect(stringTest('regex', 'se+o')('a seeo b')).toBe(true);
    expect(stringTest('regex', '^seo$')('a seo')).toBe(false);
    expect(stringTest('not_regex', 'x')('abc')).toBe(true);
    expect(stringTest('regex', '(')('(')).toBe(false);
  });

  it('matches whole words, ignoring case and punctuation', () => {
    expect(wordsOf('Hello, Wörld-42!')).toEqual(['hello', 'wörld', '42']);
    expect(stringTest('match', 'seo tips')('Tips: the SEO guide')).toBe(true);
    expect(stringTest('match', 'seo')('seotips')).toBe(false);
    expect(stringTest('not_match', 'seo')('seotips')).toBe(true);
  });

  it('compares by UTF-16 code units and tests list membership', () => {
    expect(stringTest('<', 'b')('a')).toBe(true);
    expect(stringTest('>=', 'b')('B')).toBe(false);
    expect(stringTest('in', ['a', 'b'])('b')).toBe(true);
    expect(stringTest('not_in', ['a', 'b'])('c')).toBe(true);
  });
});
