import { describe, expect, it } from 'vitest';
import type { TargetSpec } from './intersect-query.js';
import { urlMatchesTarget } from './target-match.js';

const spec = (kind: TargetSpec['kind'], value: string, includeSubdomains = true): TargetSpec => ({
  kind,
  value,
  includeSubdomains,
  raw: value,
});

describe('urlMatchesTarget', () => {
  it('matches pages exactly, prefixes by start, hosts and domains by host name', () => {
    expect(urlMatchesTarget(spec('page', 'https://a.com/x'), 'https://a.com/x')).toBe(true);
    expect(urlMatchesTarget(spec('page', 'https://a.com/x'), 'https://a.com/x?y')).toBe(false);
    expect(urlMatchesTarget(spec('prefix', 'https://a.com/blog/'), 'https://a.com/blog/p')).toBe(
      true,
    );
    expect(urlMatchesTarget(spec('prefix', 'https://a.com/blog/'), 'https://a.com/shop')).toBe(
      false,
    );
    const d = spec('domain', 'a.com');
    expect(
      ['https://a.com/', 'http://blog.a.com/x', 'https://xa.com/'].map((u) =>
        urlMatchesTarget(d, u),
      ),
    ).toEqual([true, true, false]);
    const only = spec('host', 'blog.a.com', false);
    expect(
      ['https://blog.a.com/', 'https://www.blog.a.com/', 'https://x.blog.a.com/'].map((u) =>
        urlMatchesTarget(only, u),
      ),
    ).toEqual([true, true, false]);
    expect(urlMatchesTarget(d, 'not a url')).toBe(false);
  });
});
