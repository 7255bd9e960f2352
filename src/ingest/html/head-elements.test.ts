import { describe, expect, it } from 'vitest';
import { addMetaName, linkItemType } from './head-elements.js';

describe('linkItemType', () => {
  it('prefers canonical over alternate, and calls everything else link', () => {
    expect(linkItemType(['alternate', 'canonical'])).toBe('canonical');
    expect(linkItemType(['alternate', 'stylesheet'])).toBe('alternate');
    expect(linkItemType(['icon'])).toBe('link');
    expect(linkItemType([])).toBe('link');
  });
});

describe('addMetaName', () => {
  it('keeps the first value of known keys, collapsed and clipped, robots lower-cased', () => {
    const meta: Record<string, string> = {};
    addMetaName(meta, ' Description ', '  a   b ', 1000);
    addMetaName(meta, 'description', 'second', 1000);
    addMetaName(meta, 'ROBOTS', 'NoIndex', 1000);
    addMetaName(meta, 'og:Title', 'x'.repeat(20), 10);
    addMetaName(meta, 'twitter:site', '@a', 1000);
    addMetaName(meta, 'viewport', 'width=device-width', 1000);
    addMetaName(meta, undefined, 'ignored', 1000);
    expect(meta).toEqual({
      description: 'a b',
      robots: 'noindex',
      'og:title': 'x'.repeat(10),
      'twitter:site': '@a',
    });
  });
});
