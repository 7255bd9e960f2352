import { describe, expect, it } from 'vitest';
import { SOFTWARE_NAMES } from '../../core/types.js';
import { PLATFORM_TYPES, SOFTWARE_TYPES } from './platform-rules.js';
import { domainPlatformTypes, pagePlatformTypes, softwareOfGenerator } from './platform-types.js';

const URL = 'https://www.example.com/a';

describe('pagePlatformTypes', () => {
  it('maps every software name to at least one platform type', () => {
    for (const name of SOFTWARE_NAMES) {
      expect(SOFTWARE_TYPES[name].length, name).toBeGreaterThan(0);
      expect(pagePlatformTypes({ url: URL, signals: { software: [name] } })).toEqual(
        PLATFORM_TYPES.filter((t) => SOFTWARE_TYPES[name].includes(t)),
      );
    }
  });

  it('reads the generator meta, aliases included', () => {
    expect(pagePlatformTypes({ url: URL, meta: { generator: 'WordPress 6.4.2' } })).toEqual([
      'cms',
      'blogs',
    ]);
    expect(pagePlatformTypes({ url: URL, meta: { generator: 'Simple Machines' } })).toEqual([
      'message-boards',
    ]);
    expect(softwareOfGenerator('Wix.com Website Builder')).toEqual(['wix']);
    expect(softwareOfGenerator('WooCommerce 8.1, WordPress 6.3')).toEqual([
      'woocommerce',
      'wordpress',
    ]);
    expect(softwareOfGenerator('Microsoft Word 15')).toEqual([]);
    expect(pagePlatformTypes({ url: URL, meta: { generator: 'Hand-made' } })).toEqual([]);
  });

  it('reads schema.org types and og:type', () => {
    const schema = (types: string[]) =>
      pagePlatformTypes({ url: URL, signals: { schema_types: types } });
    expect(schema(['NewsArticle'])).toEqual(['news']);
    expect(schema(['Product', 'BlogPosting'])).toEqual(['blogs', 'ecommerce']);
    expect(schema(['DiscussionForumPosting'])).toEqual(['message-boards']);
    expect(schema(['WebPage', 'Organization'])).toEqual([]);
    expect(pagePlatformTypes({ url: URL, meta: { 'og:type': 'product' } })).toEqual(['ecommerce']);
    expect(pagePlatformTypes({ url: URL, meta: { 'og:type': 'article' } })).toEqual([]);
  });

  it('reads host patterns of hosted platforms and first labels', () => {
    const host = (url: string) => pagePlatformTypes({ url });
    expect(host('https://someone.blogspot.com/')).toEqual(['blogs']);
    expect(host('https://someone.blogspot.de/')).toEqual(['blogs']);
    expect(host('https://someone.wordpress.com/')).toEqual(['blogs']);
    expect(host('https://x.tumblr.com/')).toEqual(['blogs']);
    expect(host('https://en.wikipedia.org/wiki/A')).toEqual(['wikis', 'organization']);
    expect(host('https://wiki.example.com/')).toEqual(['wikis']);
    expect(host('https://forum.example.com/')).toEqual(['message-boards']);
    expect(host('https://community.example.com/')).toEqual(['message-boards']);
    expect(host('https://board.example.com/')).toEqual(['message-boards']);
    expect(host('https://news.example.com/')).toEqual(['news']);
    expect(host('https://newsexample.com/')).toEqual([]);
    expect(host('https://www.example.com/')).toEqual([]);
  });

  it('reads organisation suffixes', () => {
    const host = (url: string) => pagePlatformTypes({ url });
    for (const u of ['https://a.org/', 'https://b.gov/', 'https://c.edu/', 'https://d.mil/']) {
      expect(host(u), u).toEqual(['organization']);
    }
    expect(host('https://who.int/')).toEqual(['organization']);
    expect(host('https://www.ox.ac.uk/')).toEqual(['organization']);
    expect(host('https://www.gov.uk/')).toEqual(['organization']);
    expect(host('https://unimelb.edu.au/')).toEqual(['organization']);
    expect(host('https://shop.co.uk/')).toEqual([]);
    expect(host('https://192.0.2.1/')).toEqual([]);
  });
});

describe('domainPlatformTypes', () => {
  it('orders types by page count, ties by name', () => {
    expect(
      domainPlatformTypes([['cms', 'blogs'], ['blogs'], ['wikis'], ['cms', 'blogs'], []]),
    ).toEqual(['blogs', 'cms', 'wikis']);
    expect(domainPlatformTypes([['news'], ['ecommerce']])).toEqual(['ecommerce', 'news']);
  });

  it("is ['unknown'] for pages without types and null without pages", () => {
    expect(domainPlatformTypes([[], []])).toEqual(['unknown']);
    expect(domainPlatformTypes([])).toBeNull();
  });
});
