import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/helpers/random.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { prepareBase, resolveHref } from './resolve-href.js';

const BASES = [
  'https://bench.example/p/1',
  'http://user:pw@a.com:8080/dir/sub/page.html?q=1',
  'https://a.com/',
  'https://a.com/dir/?x',
];
const PIECES = [
  'https://',
  'http://',
  'HTTP://',
  '//',
  '/',
  '/',
  '/',
  '?',
  '#',
  '.',
  '..',
  './',
  '../',
  'a',
  'B',
  'x.com',
  'xn--9ca',
  '1.2.3.4',
  '0x7f',
  ':',
  '@',
  ':8080',
  '%2e',
  '%2E',
  '%20',
  '%zz',
  "'",
  '"',
  ' ',
  '\t',
  '\n',
  '\\',
  '|',
  '^',
  '`',
  '{',
  '}',
  '[',
  ']',
  'é',
  '😀',
  '-',
  '_',
  '~',
  '=',
  '&',
  ';',
  ',',
  '!',
  '$',
  '(',
  ')',
  '*',
  '+',
  'mailto:',
  'javascript:',
  'page.html',
  'com',
  '.a.',
];

// Starts that reach the fast path, and near misses that must not.
const PREFIXES = [
  'https://x.com',
  'http://a.b-c.d',
  'https://a.com/',
  '/',
  '/',
  '',
  '',
  '?',
  'https://A.com',
  'https://1.2.3.4',
  'https://a.0x1',
  'https://a.123',
  'https://xn--9ca.com',
  'https://a..b',
  'https://a.b.',
  'https://a.com:80',
  'https://u@a.com',
  'https://a_b.com',
  'page',
  'dir/',
];

function expected(href: string, base: string): string | undefined {
  const result = normalizeUrl(href, base);
  return result.ok ? result.url : undefined;
}

describe('resolveHref', () => {
  it('resolves the common shapes like normalizeUrl', () => {
    const base = prepareBase('https://bench.example/p/1?z');
    expect(resolveHref('/a/b?c=d', base)).toBe('https://bench.example/a/b?c=d');
    expect(resolveHref('x.html#f', base)).toBe('https://bench.example/p/x.html');
    expect(resolveHref('?q', base)).toBe('https://bench.example/p/1?q');
    expect(resolveHref('https://a.com', base)).toBe('https://a.com/');
    expect(resolveHref('https://a.com?x', base)).toBe('https://a.com/?x');
    expect(resolveHref('https://a.com/x?', base)).toBe('https://a.com/x');
    expect(resolveHref('../up', base)).toBe('https://bench.example/up');
    expect(resolveHref('mailto:a@b.c', base)).toBeUndefined();
    expect(resolveHref('', base)).toBeUndefined();
  });
  it('resolves only absolute hrefs without a base', () => {
    expect(resolveHref('https://a.com/x', undefined)).toBe('https://a.com/x');
    expect(resolveHref('/x', undefined)).toBeUndefined();
  });
  it('agrees with normalizeUrl on 20,000 random hrefs', () => {
    const random = createRandom(7);
    for (let n = 0; n < 20_000; n++) {
      const base = BASES[n % BASES.length] ?? '';
      const count = 1 + Math.floor(random() * 8);
      let href = PREFIXES[Math.floor(random() * PREFIXES.length)] ?? '';
      for (let k = 0; k < count; k++) href += PIECES[Math.floor(random() * PIECES.length)];
      const got = resolveHref(href, prepareBase(base));
      if (got !== expected(href, base)) {
        expect({ href, base, got }).toEqual({ href, base, got: expected(href, base) });
      }
    }
  });
});
