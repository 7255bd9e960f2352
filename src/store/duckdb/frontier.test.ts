import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrontierResult, StoredCapture } from '../types.js';
import { createDuckDBStore, type DuckDBLinkStore } from './duckdb-link-store.js';

const ALL = { queued: true, recrawlBefore: null };
const seed = (url: string, depth = 0) => ({ url, host: new URL(url).hostname, depth });
const done = (url: string, extra: Partial<FrontierResult> = {}): FrontierResult => ({
  url,
  state: 'done',
  status: 200,
  fetchedAt: '2026-12-01T10:00:00Z',
  etag: '"v1"',
  lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT',
  payloadDigest: 'sha1:AAAA',
  error: null,
  ...extra,
});
const capture = (url: string, at: string): StoredCapture => ({
  url,
  fetched_at: at,
  status: 200,
  links: [{ url: 'https://b.com/', item_type: 'anchor', anchor: 'b' }],
});

describe('the crawl frontier', () => {
  let store: DuckDBLinkStore;
  beforeEach(async () => {
    store = await createDuckDBStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('knows a URL once per crawl and hands out the shallowest, earliest found first', async () => {
    expect(await store.frontierAdd('c1', [seed('https://a.com/'), seed('https://b.com/')])).toBe(2);
    expect(
      await store.frontierAdd('c1', [
        seed('https://a.com/x', 2),
        seed('https://a.com/', 1),
        seed('https://a.com/y', 1),
      ]),
    ).toBe(2);
    expect(await store.frontierAdd('c2', [seed('https://a.com/')])).toBe(1);
    const taken = await store.frontierTake('c1', 10, ALL, new Set());
    expect(taken.map((t) => [t.url, t.depth])).toEqual([
      ['https://a.com/', 0],
      ['https://b.com/', 0],
      ['https://a.com/y', 1],
      ['https://a.com/x', 2],
    ]);
    expect(taken[0]).toMatchObject({ state: 'queued', host: 'a.com', etag: null, fetchedAt: null });
    expect(
      await store.frontierTake('c1', 10, { queued: false, recrawlBefore: null }, new Set()),
    ).toEqual([]);
    const skipped = await store.frontierTake('c1', 2, ALL, new Set(['https://a.com/']));
    expect(skipped.map((t) => t.url)).toEqual(['https://b.com/', 'https://a.com/y']);
    expect(await store.frontierStats('c1')).toEqual({
      queued: 4,
      done: 0,
      failed: 0,
      disallowed: 0,
    });
  });

  it('commits fetch results and discoveries with the captures, in one transaction', async () => {
    await store.frontierAdd('c1', [seed('https://a.com/')]);
    const src = await store.openSource('crawl:c1', 'crawl');
    const r = await store.appendBatch(src, {
      captures: [capture('https://a.com/', '2026-12-01T10:00:00Z')],
      errors: [],
      recordsDone: 1,
      frontier: {
        crawl: 'c1',
        results: [done('https://a.com/')],
        discovered: [seed('https://b.com/', 1), seed('https://a.com/', 1)],
      },
    });
    expect(r.added).toBe(1);
    expect(await store.frontierStats('c1')).toEqual({
      queued: 1,
      done: 1,
      failed: 0,
      disallowed: 0,
    });
    expect((await store.frontierTake('c1', 10, ALL, new Set())).map((t) => t.url)).toEqual([
      'https://b.com/',
    ]);
    // A batch that fails leaves neither its captures nor its frontier changes.
    await expect(
      store.appendBatch(src, {
        captures: [
          {
            ...capture('https://b.com/', '2026-12-01T10:00:01Z'),
            status: 'x' as unknown as number,
          },
        ],
        errors: [],
        recordsDone: 2,
        frontier: {
          crawl: 'c1',
          results: [done('https://b.com/')],
          discovered: [seed('https://c.com/', 2)],
        },
      }),
    ).rejects.toThrow();
    expect(await store.frontierStats('c1')).toEqual({
      queued: 1,
      done: 1,
      failed: 0,
      disallowed: 0,
    });
  });

  it('offers pages due for a recrawl with their validators, and keeps them on a 304', async () => {
    await store.frontierAdd('c1', [seed('https://a.com/'), seed('https://b.com/')]);
    const src = await store.openSource('crawl:c1', 'crawl');
    await store.appendBatch(src, {
      captures: [],
      errors: [],
      recordsDone: 0,
      frontier: {
        crawl: 'c1',
        results: [
          done('https://a.com/'),
          {
            ...done('https://b.com/'),
            state: 'failed',
            status: null,
            etag: null,
            error: 'timeout',
          },
        ],
        discovered: [],
      },
    });
    expect(await store.frontierTake('c1', 10, ALL, new Set())).toEqual([]);
    expect(
      await store.frontierTake(
        'c1',
        10,
        { queued: true, recrawlBefore: '2026-12-01T09:00:00Z' },
        new Set(),
      ),
    ).toEqual([]);
    const due = await store.frontierTake(
      'c1',
      10,
      { queued: true, recrawlBefore: '2026-12-02T00:00:00Z' },
      new Set(),
    );
    expect(due).toEqual([
      {
        url: 'https://a.com/',
        host: 'a.com',
        depth: 0,
        state: 'done',
        etag: '"v1"',
        lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT',
        payloadDigest: 'sha1:AAAA',
        fetchedAt: '2026-12-01T10:00:00Z',
      },
    ]);
    await store.appendBatch(src, {
      captures: [],
      errors: [],
      recordsDone: 0,
      frontier: {
        crawl: 'c1',
        results: [
          done('https://a.com/', {
            status: 304,
            fetchedAt: '2026-12-03T10:00:00Z',
            etag: null,
            lastModified: null,
            payloadDigest: null,
          }),
        ],
        discovered: [],
      },
    });
    const after = await store.frontierTake(
      'c1',
      10,
      { queued: true, recrawlBefore: '2026-12-04T00:00:00Z' },
      new Set(),
    );
    expect(after[0]).toMatchObject({
      etag: '"v1"',
      payloadDigest: 'sha1:AAAA',
      fetchedAt: '2026-12-03T10:00:00Z',
    });
    expect(await store.frontierStats('c1')).toEqual({
      queued: 0,
      done: 1,
      failed: 1,
      disallowed: 0,
    });
  });

  it('treats hostile URLs as data', async () => {
    const evil = "https://a.com/'; DROP TABLE captures; --";
    await store.frontierAdd("c'1", [seed(evil)]);
    expect((await store.frontierTake("c'1", 1, ALL, new Set()))[0]?.url).toBe(evil);
    expect((await store.stats()).captures).toBe(0);
  });
});
