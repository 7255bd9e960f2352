import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredCapture } from '../types.js';
import { createDuckDBStore, type DuckDBLinkStore } from './duckdb-link-store.js';

const T1 = '2026-01-15T10:00:00Z';
const page = (url: string, over: Partial<StoredCapture> = {}): StoredCapture => ({
  url,
  fetched_at: T1,
  status: 200,
  content_type: 'text/html',
  title: 'x',
  links: [],
  ...over,
});

describe('DuckDBLinkStore.describeTarget', () => {
  let store: DuckDBLinkStore;
  beforeEach(async () => {
    store = await createDuckDBStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('is null before the first build and for targets without pages', async () => {
    expect(await store.describeTarget({ kind: 'domain', domain: 'a.com' }, 5)).toBeNull();
    const src = await store.openSource('s', 'f');
    const captures = [
      page('https://a.com/', { links: [{ url: 'https://b.com/', item_type: 'anchor' }] }),
    ];
    await store.appendBatch(src, { captures, errors: [], recordsDone: 1 });
    await store.build();
    expect(await store.describeTarget({ kind: 'page', url: 'https://b.com/' }, 5)).toBeNull();
    expect(await store.describeTarget({ kind: 'domain', domain: 'b.com' }, 5)).toBeNull();
    expect(await store.describeTarget({ kind: 'host', host: 'www.a.com' }, 5)).toBeNull();
  });

  it('summarises a domain: signal page counts, top pages by score then URL, limit', async () => {
    const src = await store.openSource('s', 'f');
    const captures = [
      page('http://a.com/1'),
      page('http://a.com/2', { meta: { keywords: 'k' } }),
      page('https://a.com/3'),
      page('https://blog.a.com/', { status: 404 }),
    ];
    await store.appendBatch(src, { captures, errors: [], recordsDone: 4 });
    await store.build();
    const f = await store.describeTarget({ kind: 'domain', domain: 'a.com' }, 2);
    expect(f?.kind).toBe('domain');
    if (f?.kind !== 'domain') return;
    expect(f.pages).toBe(4);
    expect(f.pagesScored).toBe(3);
    // domain_length 10 + title_bad 5 + description_bad 5 (+ plain_http 30, + meta_keywords 5).
    expect(f.topPages.map((p) => [p.url, p.spamScore])).toEqual([
      ['http://a.com/2', 55],
      ['http://a.com/1', 50],
    ]);
    expect(f.spamScore).toBe(Math.round((55 + 50 + 20) / 3));
    expect(f.signalPages).toEqual([
      { bit: 0, pages: 3 },
      { bit: 12, pages: 2 },
      { bit: 13, pages: 3 },
      { bit: 15, pages: 3 },
      { bit: 22, pages: 1 },
    ]);
    expect(f.hostIp).toBeNull();
    const host = await store.describeTarget({ kind: 'host', host: 'blog.a.com' }, 2);
    expect(host).toMatchObject({
      kind: 'host',
      domain: 'a.com',
      pages: 1,
      pagesScored: 0,
      spamScore: null,
    });
  });
});
