import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredCapture } from '../types.js';
import { createDuckDBStore, type DuckDBLinkStore } from './duckdb-link-store.js';

const A = 'https://a.com/';
const T1 = '2026-01-15T10:00:00Z';
const T2 = '2026-04-15T10:00:00Z';
const T3 = '2026-07-15T10:00:00Z';

function page(
  url: string,
  at: string,
  links: StoredCapture['links'],
  extra: Partial<StoredCapture> = {},
): StoredCapture {
  return { url, fetched_at: at, status: 200, links, ...extra };
}
const link = (url: string, anchor = 'x', rel?: string[]) => ({
  url,
  item_type: 'anchor' as const,
  anchor,
  ...(rel ? { rel } : {}),
});

async function linksOf(store: DuckDBLinkStore): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  await store.exportLinks('ndjson', null, (l) => {
    rows.push(JSON.parse(l) as Record<string, unknown>);
  });
  return rows;
}

describe('DuckDBLinkStore', () => {
  let store: DuckDBLinkStore;
  beforeEach(async () => {
    store = await createDuckDBStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('stores a capture once however often it is appended', async () => {
    const src = await store.openSource('s', 'f');
    const c = page(A, T1, [link('https://b.com/')]);
    expect(
      (await store.appendBatch(src, { captures: [c, c], errors: [], recordsDone: 2 })).added,
    ).toBe(1);
    expect(
      (await store.appendBatch(src, { captures: [c], errors: [], recordsDone: 3 })).added,
    ).toBe(0);
    const stats = await store.stats();
    expect(stats.captures).toBe(1);
    expect(stats.captureLinks).toBe(1);
    expect((await store.openSource('s', 'f')).recordsDone).toBe(3);
    expect((await store.openSource('s', 'changed')).recordsDone).toBe(0);
  });

  it('stores serialised links as rows, and a refused batch leaves nothing and the store usable', async () => {
    const src = await store.openSource('s', 'f');
    const serialised = (links: string, at = T1): StoredCapture => ({
      url: A,
      fetched_at: at,
      status: 200,
      links: [],
      linksJson: links,
      linkCount: 1,
    });
    await expect(
      store.appendBatch(src, {
        captures: [serialised('[{"url": broken')],
        errors: [],
        recordsDone: 1,
      }),
    ).rejects.toThrow(/json|JSON|Malformed/);
    expect((await store.stats()).captures).toBe(0);
    const ok = '[{"url":"https://b.com/","item_type":"image","alt":"logo","rel":[]}]';
    await store.appendBatch(src, { captures: [serialised(ok, T2)], errors: [], recordsDone: 2 });
    const lines: string[] = [];
    await store.exportCaptures((l) => {
      lines.push(l);
    });
    expect(lines).toEqual([
      `{"url":"https://a.com/","fetched_at":"${T2}","status":200,"links":${ok}}`,
    ]);
  });

  it('derives first/prev/last seen, new, lost and original across visits', async () => {
    const src = await store.openSource('s', 'f');
    await store.appendBatch(src, {
      captures: [
        page(A, T1, [link('https://keep.com/'), link('https://gone.com/')]),
        page(A, T2, [link('https://keep.com/'), link('https://gone.com/')]),
        page(A, T3, [
          link('https://keep.com/', 'k', ['nofollow']),
          link('https://fresh.com/'),
          link('https://fresh.com/'),
        ]),
        page('https://b.com/', T3, [link(A)], { status: 503 }),
      ],
      errors: [],
      recordsDone: 4,
    });
    const stats = await store.build();
    expect(stats.pages).toBe(2);
    const rows = await linksOf(store);
    const by = (to: string) => rows.find((r) => r.url_to === to);
    expect(by('https://keep.com/')).toMatchObject({
      first_seen: T1,
      prev_seen: T2,
      last_seen: T3,
      is_new: false,
      is_lost: false,
      original: true,
      dofollow: false,
      attributes: ['nofollow'],
      anchor: 'k',
      domain_from: 'a.com',
      is_internal: false,
    });
    expect(by('https://gone.com/')).toMatchObject({ last_seen: T2, is_lost: true, original: true });
    expect(by('https://fresh.com/')).toMatchObject({
      first_seen: T3,
      prev_seen: null,
      is_new: true,
      original: false,
      links_count: 2,
      dofollow: true,
    });
    // A 5xx capture is a failed visit: it contributes no links.
    expect(rows.filter((r) => r.url_from === 'https://b.com/')).toHaveLength(0);
  });

  it('follows redirects and canonicals to indirect links, without loops', async () => {
    const src = await store.openSource('s', 'f');
    await store.appendBatch(src, {
      captures: [
        page('https://src.com/', T1, [link('http://t.com/old')]),
        page(
          'http://t.com/old',
          T1,
          [{ url: 'https://t.com/old', item_type: 'redirect', anchor: '' }],
          {
            status: 301,
            redirect_location: 'https://t.com/old',
          },
        ),
        page('https://t.com/old', T1, [], {
          status: 302,
          redirect_location: 'https://t.com/new?ref=1',
        }),
        page('https://t.com/new?ref=1', T1, [], { meta: { canonical: 'https://t.com/new' } }),
        page('https://loop.com/a', T1, [], {
          status: 301,
          redirect_location: 'https://loop.com/b',
        }),
        page('https://loop.com/b', T1, [], {
          status: 301,
          redirect_location: 'https://loop.com/a',
        }),
        page('https://src.com/2', T1, [link('https://loop.com/a')]),
      ],
      errors: [],
      recordsDone: 7,
    });
    await store.build();
    const rows = (await linksOf(store)).filter((r) =>
      String(r.url_from).startsWith('https://src.com/'),
    );
    const direct = rows.find((r) => r.url_to === 'http://t.com/old');
    expect(direct).toMatchObject({
      is_indirect_link: false,
      url_to_status_code: 301,
      url_to_redirect_target: 'https://t.com/old',
      is_broken: false,
    });
    const final = rows.find((r) => r.url_to === 'https://t.com/new');
    expect(final).toMatchObject({ is_indirect_link: true });
    expect(final?.indirect_link_path).toEqual([
      { type: 'redirect', status_code: 301, url: 'http://t.com/old' },
      { type: 'redirect', status_code: 302, url: 'https://t.com/old' },
      { type: 'canonical', status_code: 200, url: 'https://t.com/new?ref=1' },
    ]);
    expect(rows.filter((r) => r.url_from === 'https://src.com/')).toHaveLength(4);
    const loop = rows.filter((r) => r.url_from === 'https://src.com/2').map((r) => r.url_to);
    expect(loop.sort()).toEqual(['https://loop.com/a', 'https://loop.com/b']);
  });

  it('resolves a revisit to the links of the capture it repeats', async () => {
    const src = await store.openSource('s', 'f');
    await store.appendBatch(src, {
      captures: [
        page(A, T1, [link('https://b.com/')], { payloadDigest: 'sha1:X', title: 'A' }),
        { url: A, fetched_at: T2, status: 200, links: [], revisit: { digest: 'sha1:X', uri: A } },
        {
          url: 'https://orphan.com/',
          fetched_at: T2,
          status: 200,
          links: [],
          revisit: { digest: 'sha1:Y' },
        },
      ],
      errors: [],
      recordsDone: 3,
    });
    const lines: string[] = [];
    await store.exportCaptures((l) => {
      lines.push(l);
    });
    expect(lines).toEqual([
      '{"url":"https://a.com/","fetched_at":"2026-01-15T10:00:00Z","status":200,"title":"A","links":[{"url":"https://b.com/","item_type":"anchor","anchor":"x"}]}',
      '{"url":"https://a.com/","fetched_at":"2026-04-15T10:00:00Z","status":200,"title":"A","links":[{"url":"https://b.com/","item_type":"anchor","anchor":"x"}]}',
    ]);
    await store.build();
    expect(await linksOf(store)).toMatchObject([{ first_seen: T1, last_seen: T2, is_lost: false }]);
  });

  it('keeps the published tables when a rebuild is interrupted', async () => {
    const src = await store.openSource('s', 'f');
    await store.appendBatch(src, {
      captures: [page(A, T1, [link('https://b.com/')])],
      errors: [],
      recordsDone: 1,
    });
    await store.build((step) => {
      if (step === 'never') throw new Error('unreachable');
    });
    await expect(
      store.build((step) => {
        if (step === 'links') throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await linksOf(store)).toHaveLength(1);
  });
});
