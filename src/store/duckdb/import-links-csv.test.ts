import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { createDuckDBStore, type DuckDBLinkStore } from './duckdb-link-store.js';

describe('links CSV import', () => {
  let store: DuckDBLinkStore;
  let dir: string;
  beforeEach(async () => {
    store = await createDuckDBStore({ path: ':memory:' });
    dir = await mkdtemp(join(tmpdir(), 'linkgap-csv-test-'));
  });
  afterEach(async () => {
    await store.close();
  });

  it('turns rows into captures whose build repeats the stated history', async () => {
    const path = join(dir, 'export.csv');
    await writeFile(
      path,
      [
        'Referring Page URL,Target URL,Anchor,Rel,First Seen,Last Seen,Extra',
        'https://blog.example.com/p,https://shop.com/,"buy, now","nofollow,ugc",2026-01-01,2026-03-01,x',
        'https://blog.example.com/p,https://shop.com/about,about,,2026-02-01,2026-03-01,y',
        'not a url,https://shop.com/,a,,2026-01-01,2026-01-02,z',
      ].join('\n'),
    );
    const src = await store.openSource(path, 'f');
    const r = await store.importLinksCsv(src, path, { seenAt: '2026-05-01T00:00:00Z' });
    expect(r.added).toBe(3);
    expect((await store.stats()).ingestErrors).toBe(1);
    await store.build();
    const rows: Record<string, unknown>[] = [];
    await store.exportLinks('ndjson', null, (l) => {
      rows.push(JSON.parse(l) as Record<string, unknown>);
    });
    expect(rows).toMatchObject([
      {
        url_to: 'https://shop.com/',
        anchor: 'buy, now',
        attributes: ['nofollow', 'ugc'],
        dofollow: false,
        first_seen: '2026-01-01T00:00:00Z',
        prev_seen: '2026-02-01T00:00:00Z',
        last_seen: '2026-03-01T00:00:00Z',
        is_lost: false,
      },
      { url_to: 'https://shop.com/about', first_seen: '2026-02-01T00:00:00Z', original: false },
    ]);
  });

  it('fails the input, not the store, on a file DuckDB cannot read as CSV', async () => {
    const path = join(dir, 'broken.csv');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from('url_from,url_to\nhttps://a.com/,https://b.com/'),
        Buffer.from([0xff, 0xfe, 0x0a]),
      ]),
    );
    const src = await store.openSource(path, 'f');
    const failure = store.importLinksCsv(src, path, { seenAt: '2026-05-01T00:00:00Z' });
    await expect(failure).rejects.toThrow(/cannot read as CSV/);
    await expect(failure).rejects.not.toBeInstanceOf(StoreError);
  });

  it('names the missing columns', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, 'a,b\n1,2\n');
    const src = await store.openSource(path, 'f');
    await expect(
      store.importLinksCsv(src, path, { seenAt: '2026-05-01T00:00:00Z' }),
    ).rejects.toThrow(/needs url_from and url_to columns \(found: a, b\)/);
  });
});
