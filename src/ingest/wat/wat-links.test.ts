import { describe, expect, it } from 'vitest';
import { mapWatLinks, refreshTarget, relTokens } from './wat-links.js';

describe('refreshTarget', () => {
  it('reads the URL of a meta refresh in its usual spellings', () => {
    expect(refreshTarget('0; url=http://a.org/x')).toBe('http://a.org/x');
    expect(refreshTarget("5;URL='/next'")).toBe('/next');
    expect(refreshTarget('3, /comma')).toBe('/comma');
    expect(refreshTarget('0;/bare')).toBe('/bare');
  });
  it('finds no URL in a plain reload', () => {
    expect(refreshTarget('30')).toBeUndefined();
    expect(refreshTarget('30; ')).toBeUndefined();
  });
});

describe('relTokens', () => {
  it('lower-cases, splits and de-duplicates in order', () => {
    expect(relTokens(' NoFollow  ugc nofollow ')).toEqual(['nofollow', 'ugc']);
    expect(relTokens(undefined)).toEqual([]);
  });
});

describe('mapWatLinks', () => {
  it('takes only a text-less anchor right after an image as an image link', () => {
    const out = mapWatLinks({
      base: 'https://a.org/',
      headLinks: [],
      metas: [],
      links: [
        { path: 'IMG@/src', url: '/i.png', alt: 'pic' },
        { path: 'A@/href', url: '/with-text', text: 'text wins' },
        { path: 'IMG@/src', url: '/j.png' },
        { path: 'A@/href', url: '/img-link' },
        { path: 'A@/href', url: '/empty' },
      ],
    });
    expect(out.links.map((l) => [l.item_type, l.url])).toEqual([
      ['anchor', 'https://a.org/with-text'],
      ['image', 'https://a.org/img-link'],
      ['anchor', 'https://a.org/empty'],
    ]);
  });
  it('maps META@/content refresh entries and LINK@/href in Links', () => {
    const out = mapWatLinks({
      base: 'https://a.org/',
      headLinks: [],
      metas: [],
      links: [
        { path: 'META@/content', url: '0; url=/m', 'http-equiv': 'refresh' },
        { path: 'LINK@/href', url: '/c', rel: 'canonical' },
        { path: 'SCRIPT@/src', url: '/s.js' },
      ],
    });
    expect(out.links).toEqual([
      { url: 'https://a.org/m', item_type: 'meta' },
      { url: 'https://a.org/c', item_type: 'canonical', rel: ['canonical'] },
    ]);
  });
});
