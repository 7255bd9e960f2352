/**
 * `buildMemoryLinkIndex` lays out exactly what `writeLinkIndex` writes to files: same columns,
 * same heaps, same manifest counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMemoryLinkIndex,
  indexRootFor,
  type LinkIndexData,
  loadLinkIndex,
  writeLinkIndex,
} from '../../src/link-index/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { buildDifferentialDb } from './differential-fixture.js';

describe('in-memory index generation', () => {
  let dir = '';
  let onDisk: LinkIndexData;
  let inMemory: LinkIndexData;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-memory-index-'));
    const dbPath = await buildDifferentialDb(dir, 5, 1_000);
    const store = await createDuckDBStore({ path: dbPath, threads: 1 });
    try {
      await writeLinkIndex(store, indexRootFor(dbPath));
      inMemory = await buildMemoryLinkIndex(store, 'g-memory');
    } finally {
      await store.close();
    }
    onDisk = await loadLinkIndex(indexRootFor(dbPath));
  }, 120_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('has the file generation’s columns, heaps and counts', () => {
    expect(inMemory.manifest.generation).toBe('g-memory');
    expect(inMemory.manifest.counts).toEqual(onDisk.manifest.counts);
    expect(inMemory.manifest.counts.links).toBeGreaterThan(300);
    expect(Object.keys(inMemory.manifest.columns).sort()).toEqual(
      Object.keys(onDisk.manifest.columns).sort(),
    );
    for (const name of Object.keys(onDisk.manifest.columns)) {
      expect(inMemory.column(name), name).toEqual(onDisk.column(name));
    }
    for (const name of Object.keys(onDisk.manifest.heaps)) {
      expect(inMemory.heap(name).all(), name).toEqual(onDisk.heap(name).all());
    }
    expect(inMemory.hostKeys).toEqual(onDisk.hostKeys);
    expect(() => inMemory.column('nope')).toThrow(/index column nope missing/);
  });
});
