/**
 * A link index built from hand-written captures through the real pipeline (NDJSON file →
 * ingest → build → index), with the engine opened on it and the built tables loaded for the
 * reference implementation. For tests of small, exact cases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Capture } from '../../src/core/types.js';
import { type Engine, openEngine } from '../../src/engine/index.js';
import { createInputReaders, ingest } from '../../src/ingest/index.js';
import { indexRootFor, writeLinkIndex } from '../../src/link-index/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import type { ReferenceData } from '../reference/reference-data.js';

/** The built index; `close` closes the engine and removes the files. */
export interface CapturesIndex {
  dbPath: string;
  engine: Engine;
  data: ReferenceData;
  close(): Promise<void>;
}

/** Ingest, build and index `captures` in a fresh temp directory named after `label`. */
export async function buildCapturesIndex(
  label: string,
  captures: readonly Capture[],
): Promise<CapturesIndex> {
  const dir = mkdtempSync(join(tmpdir(), `linkgap-${label}-`));
  const input = join(dir, 'captures.ndjson');
  writeFileSync(input, `${captures.map((c) => JSON.stringify(c)).join('\n')}\n`);
  const dbPath = join(dir, 'links.duckdb');
  const store = await createDuckDBStore({ path: dbPath, threads: 1 });
  const readers = createInputReaders(0);
  try {
    await ingest(store, [input], { readers });
    await store.build();
    await writeLinkIndex(store, indexRootFor(dbPath));
  } finally {
    await readers.close();
    await store.close();
  }
  const engine = await openEngine(indexRootFor(dbPath));
  const data = await loadReferenceData(dbPath);
  return {
    dbPath,
    engine,
    data,
    close: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
