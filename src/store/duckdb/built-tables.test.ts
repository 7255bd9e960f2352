import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDBStore } from './duckdb-link-store.js';

describe('built tables of an older linkgap', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-built-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('say to rebuild instead of failing on a missing column, and a rebuild fixes them', async () => {
    const path = join(dir, 'old.duckdb');
    let store = await createDuckDBStore({ path });
    const src = await store.openSource('s', 'f');
    const captures = [
      {
        url: 'https://a.com/',
        fetched_at: '2026-01-15T10:00:00Z',
        status: 200,
        content_type: 'text/html',
        links: [{ url: 'https://b.com/', item_type: 'anchor' as const }],
      },
    ];
    await store.appendBatch(src, { captures, errors: [], recordsDone: 1 });
    await store.build();
    await store.close();
    // What a build of the previous version left: pages without the page-fact columns.
    const db = await DuckDBInstance.create(path);
    const conn = await db.connect();
    await conn.run('ALTER TABLE pages DROP COLUMN spam_signals');
    conn.closeSync();
    db.closeSync();

    store = await createDuckDBStore({ path });
    try {
      const target = { kind: 'domain', domain: 'a.com' } as const;
      await expect(store.describeTarget(target, 5)).rejects.toThrow(/run `linkgap build`/);
      const sink = {
        orderDictionary: (_: string, v: string[]) => v,
        expect: () => undefined,
        pages: () => undefined,
        links: () => undefined,
      };
      await expect(store.readIndexColumns(sink)).rejects.toMatchObject({
        code: 'STORE_SCHEMA_MISMATCH',
      });
      await store.build();
      expect((await store.describeTarget(target, 5))?.kind).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('refuse to export an index before the first build', async () => {
    const store = await createDuckDBStore({ path: ':memory:' });
    try {
      const sink = {
        orderDictionary: (_: string, v: string[]) => v,
        expect: () => undefined,
        pages: () => undefined,
        links: () => undefined,
      };
      await expect(store.readIndexColumns(sink)).rejects.toThrow(/nothing is built yet/);
    } finally {
      await store.close();
    }
  });
});
