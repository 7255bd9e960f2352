import { describe, expect, it } from 'vitest';
import { MAX_TARGET_LENGTH, parseTarget } from './target.js';

const target = { allowPrefix: false, includeSubdomains: true };
const exclude = { allowPrefix: true, includeSubdomains: false };

function ok(raw: string, opts = target) {
  const r = parseTarget(raw, opts);
  if (!r.ok) throw new Error(`expected ${raw} to parse: ${r.message}`);
  return r.value;
}

function bad(raw: string, opts = target): string {
  const r = parseTarget(raw, opts);
  if (r.ok) throw new Error(`expected ${raw} to fail, got ${JSON.stringify(r.value)}`);
  expect(r.field).toBe('');
  return r.message;
}

describe('parseTarget: pages', () => {
  it('normalises http(s) URLs to page specs and keeps the raw string', () => {
    expect(ok('HTTPS://B.com:443/Page?x=1#frag')).toEqual({
      kind: 'page',
      value: 'https://b.com/Page?x=1',
      includeSubdomains: true,
      raw: 'HTTPS://B.com:443/Page?x=1#frag',
    });
  });

  it('adds the root path to a bare origin', () => {
    expect(ok('http://b.com').value).toBe('http://b.com/');
  });

  it('trims surrounding whitespace but keeps raw as sent', () => {
    const v = ok('  https://b.com/a ');
    expect(v.value).toBe('https://b.com/a');
    expect(v.raw).toBe('  https://b.com/a ');
  });

  it('punycodes IDN hosts in URLs', () => {
    expect(ok('https://bücher.de/x').value).toBe('https://xn--bcher-kva.de/x');
  });

  it('rejects a * in a target', () => {
    expect(bad('https://b.com/*')).toMatch(/\*/);
    expect(bad('https://b.com/a*b')).toMatch(/\*/);
  });

  it('rejects URLs without a host', () => {
    bad('https://');
    bad('http://?x');
  });
});

describe('parseTarget: prefixes', () => {
  it('turns an exclude ending in * into a normalised prefix', () => {
    expect(ok('https://WWW.Apple.com/iphone/*', exclude)).toEqual({
      kind: 'prefix',
      value: 'https://www.apple.com/iphone/',
      includeSubdomains: false,
      raw: 'https://WWW.Apple.com/iphone/*',
    });
  });

  it('keeps a partial path segment', () => {
    expect(ok('https://b.com/blog/post-*', exclude).value).toBe('https://b.com/blog/post-');
  });

  it('keeps the case of the path', () => {
    expect(ok('https://B.COM/Docs/*', exclude).value).toBe('https://b.com/Docs/');
  });

  it('keeps a trailing ? that the URL normaliser would drop', () => {
    expect(ok('https://b.com/p?*', exclude).value).toBe('https://b.com/p?');
  });

  it('percent-encodes the prefix the way stored URLs are encoded', () => {
    expect(ok('https://b.com/a b/*', exclude).value).toBe('https://b.com/a%20b/');
  });

  it('rejects a * that is not the last character', () => {
    bad('https://b.com/*/x', exclude);
    bad('https://b.com/**', exclude);
  });

  it('rejects a prefix without a host', () => {
    bad('https://*', exclude);
  });

  it('rejects host-form strings with a *', () => {
    bad('b.com*', exclude);
    bad('*.b.com', exclude);
  });
});

describe('parseTarget: hosts and domains', () => {
  it('classifies a registrable domain as domain', () => {
    expect(ok('b.com')).toEqual({
      kind: 'domain',
      value: 'b.com',
      includeSubdomains: true,
      raw: 'b.com',
    });
    expect(ok('b.co.uk').kind).toBe('domain');
  });

  it('classifies a subdomain (www included) as host', () => {
    expect(ok('blog.b.com')).toMatchObject({ kind: 'host', value: 'blog.b.com' });
    expect(ok('www.b.co.uk')).toMatchObject({ kind: 'host', value: 'www.b.co.uk' });
  });

  it('lower-cases and punycodes host names', () => {
    expect(ok('Blog.B.COM').value).toBe('blog.b.com');
    expect(ok('bücher.de')).toMatchObject({ kind: 'domain', value: 'xn--bcher-kva.de' });
  });

  it('copies includeSubdomains from the options', () => {
    expect(ok('b.com', exclude).includeSubdomains).toBe(false);
    expect(ok('b.com', target).includeSubdomains).toBe(true);
  });

  it('accepts IP hosts as domains', () => {
    expect(ok('192.168.0.1')).toMatchObject({ kind: 'domain', value: '192.168.0.1' });
    expect(ok('[2001:db8::1]')).toMatchObject({ kind: 'domain', value: '[2001:db8::1]' });
  });

  it('rejects paths, ports, schemes, credentials and spaces', () => {
    for (const s of [
      'b.com/x',
      'b.com:8080',
      'ftp://b.com',
      '//b.com',
      'user@b.com',
      'b .com',
      'b.com?x',
      'b.com#x',
      'b%2ecom',
      'b\\com',
    ]) {
      bad(s);
    }
  });

  it('rejects empty labels and bad characters', () => {
    for (const s of ['b..com', '.b.com', 'b.com.', 'b!.com', 'b,com']) bad(s);
  });

  it('rejects empty, blank and overlong strings', () => {
    expect(bad('')).toMatch(/empty/);
    expect(bad('   ')).toMatch(/empty/);
    const long = `https://b.com/${'a'.repeat(MAX_TARGET_LENGTH)}`;
    expect(bad(long)).toMatch(/longer/);
  });

  it('rejects an overlong label', () => {
    bad(`${'a'.repeat(64)}.com`);
    expect(ok(`${'a'.repeat(63)}.com`).kind).toBe('domain');
  });
});
