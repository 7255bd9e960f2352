/**
 * Link rows are lossless: a DuckDB build turned into rows (as migrate inserts them), read back
 * as ClickHouse answers them, and laid out again gives the same generation, column for column.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDifferentialDb } from '../../test/link-index/differential-fixture.js';
import { buildMemoryLinkIndex, IndexCollector, type LinkIndexData } from '../link-index/index.js';
import { createDuckDBStore } from '../store/index.js';
import { type LinkRow, LinkRowBuilder } from './link-rows.js';
import { RowsColumnSource, type StoredLinkRow } from './rows-source.js';

/** What a JSON answer of ClickHouse makes of a row: NaN doubles come back as null. */
function asStored(row: LinkRow): StoredLinkRow {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === 'nan' ? null : v]));
}

describe('link rows', () => {
  let dir = '';
  let direct: LinkIndexData;
  const rows: LinkRow[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-link-rows-'));
    const dbPath = await buildDifferentialDb(dir, 3, 1_500);
    const store = await createDuckDBStore({ path: dbPath, threads: 1 });
    try {
      direct = await buildMemoryLinkIndex(store, 'g-rows');
      const c = new IndexCollector();
      await store.readIndexColumns(c);
      const b = new LinkRowBuilder(c);
      for (let l = 0; l < b.count; l += 500) rows.push(...b.rows(l, l + 500));
    } finally {
      await store.close();
    }
  }, 120_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('carry each link with its page, words, subnet and list columns', () => {
    expect(rows.length).toBe(direct.manifest.counts.links);
    const withAnchor = rows.find((r) => typeof r.anchor === 'string' && /\w \w/.test(r.anchor));
    expect(withAnchor?.anchor_words).toEqual(
      String(withAnchor?.anchor)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu),
    );
    const v6 = rows.find((r) => typeof r.ip === 'string' && r.ip.includes(':'));
    expect(v6?.subnet).toMatch(/^[0-9a-f]+(:[0-9a-f]+){3}$/);
    expect(rows.some((r) => (r.platform_list as string[]).length > 1)).toBe(true);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i));
  });

  it('lay out again as the same generation, in any row order', async () => {
    const shuffled = rows.map(asStored).reverse();
    const again = await buildMemoryLinkIndex(new RowsColumnSource(shuffled), 'g-rows');
    expect(again.manifest.counts).toEqual(direct.manifest.counts);
    for (const name of Object.keys(direct.manifest.columns)) {
      expect(again.column(name), name).toEqual(direct.column(name));
    }
    for (const name of Object.keys(direct.manifest.heaps)) {
      expect(again.heap(name).all(), name).toEqual(direct.heap(name).all());
    }
  });
});
