import { describe, expect, it } from 'vitest';
import { parseExplainTarget } from './explain-target.js';

describe('parseExplainTarget', () => {
  it('reads a URL with a scheme as a page, normalised', () => {
    expect(parseExplainTarget('HTTPS://WWW.Example.com:443/a')).toEqual({
      ok: true,
      target: { kind: 'page', url: 'https://www.example.com/a' },
    });
  });

  it('reads a registrable domain as a domain and any other name as a host', () => {
    expect(parseExplainTarget('Example.co.uk')).toEqual({
      ok: true,
      target: { kind: 'domain', domain: 'example.co.uk' },
    });
    expect(parseExplainTarget('blog.example.co.uk')).toEqual({
      ok: true,
      target: { kind: 'host', host: 'blog.example.co.uk' },
    });
  });

  it('refuses what is neither', () => {
    for (const raw of ['', 'not a host!', 'example.com/path', 'ftp://example.com/']) {
      expect(parseExplainTarget(raw).ok, raw).toBe(false);
    }
  });
});
