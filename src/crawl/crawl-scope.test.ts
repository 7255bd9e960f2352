import { describe, expect, it } from 'vitest';
import type { Capture } from '../core/types.js';
import { linksToFollow, pageForbidsFollowing, scopeTest } from './crawl-scope.js';

const page = (links: Capture['links'], meta?: Record<string, string>): Capture => ({
  url: 'https://a.com/',
  fetched_at: '2026-12-01T00:00:00Z',
  status: 200,
  links,
  ...(meta ? { meta } : {}),
});

describe('crawl scope', () => {
  it('keeps the seeds hosts (www. twins too), their domains, or anything', () => {
    const host = scopeTest('host', ['www.a.com', 'b.co.uk']);
    expect(['a.com', 'www.a.com', 'blog.a.com', 'b.co.uk', 'c.b.co.uk'].map(host)).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    const domain = scopeTest('domain', ['www.a.com', 'b.co.uk']);
    expect(['blog.a.com', 'c.b.co.uk', 'co.uk', 'x.com'].map(domain)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(scopeTest('any', ['a.com'])('x.org')).toBe(true);
  });

  it('follows page links in scope, once each, not resources or nofollow links', () => {
    const inScope = scopeTest('domain', ['a.com']);
    const c = page([
      { url: 'https://a.com/x', item_type: 'anchor' },
      { url: 'https://a.com/x', item_type: 'anchor' },
      { url: 'https://a.com/logo.png', item_type: 'image' },
      { url: 'https://a.com/style.css', item_type: 'link' },
      { url: 'https://a.com/private', item_type: 'anchor', rel: ['nofollow'] },
      { url: 'https://a.com/canon', item_type: 'canonical' },
      { url: 'https://a.com/moved', item_type: 'redirect' },
      { url: 'https://a.com/refresh', item_type: 'meta' },
      { url: 'https://other.com/', item_type: 'anchor' },
      { url: 'mailto:me@a.com', item_type: 'anchor' },
    ]);
    expect(linksToFollow(c, inScope)).toEqual([
      'https://a.com/x',
      'https://a.com/canon',
      'https://a.com/moved',
      'https://a.com/refresh',
    ]);
  });

  it('follows nothing from a nofollow, noindex or none page (meta robots or X-Robots-Tag)', () => {
    const links: Capture['links'] = [{ url: 'https://a.com/x', item_type: 'anchor' }];
    const metas: Array<Record<string, string>> = [
      { robots: 'NOFOLLOW' },
      { robots: 'noindex, follow' },
      { 'x-robots-tag': 'none' },
    ];
    for (const meta of metas) {
      expect(pageForbidsFollowing(page(links, meta))).toBe(true);
      expect(linksToFollow(page(links, meta), () => true)).toEqual([]);
    }
    expect(pageForbidsFollowing(page(links, { robots: 'index, follow' }))).toBe(false);
  });
});
