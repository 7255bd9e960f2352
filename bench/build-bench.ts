/**
 * Build time and peak RSS at given link counts: a generated web (captures NDJSON, two
 * snapshots) is ingested once per size, then built in a child process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateWeb } from '../src/generate/index.js';
import { createInputReaders, ingest } from '../src/ingest/index.js';
import { createDuckDBStore } from '../src/store/index.js';
import { printTable } from './stats.js';

/** Options of `benchBuild`. */
export interface BuildBenchOptions {
  sizes: number[];
  workDir: string;
}

/** Run the build benchmark and print its table. */
export async function benchBuild(o: BuildBenchOptions): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const links of o.sizes) {
    const web = join(o.workDir, `ndjson-${links}`);
    const db = join(o.workDir, `build-${links}.duckdb`);
    if (!existsSync(join(web, 'manifest.json'))) {
      console.log(`generating ${links.toLocaleString('en-US')} links as captures NDJSON …`);
      await generateWeb({ outDir: web, links, seed: 11, snapshots: 2, format: 'ndjson' });
    }
    let ingestSecs = 0;
    let occurrences = 0;
    if (!existsSync(db)) {
      const store = await createDuckDBStore({ path: db });
      const readers = createInputReaders(0);
      try {
        const s = await ingest(store, [join(web, 'snapshot-*', '*')], { readers });
        ingestSecs = s.seconds;
        occurrences = s.links;
      } finally {
        await readers.close();
        await store.close();
      }
    }
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join('bench', 'build-child.ts'), db],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(out.trim().split('\n').pop() as string) as {
      seconds: number;
      links: number;
      maxRssMB: number;
    };
    rows.push({
      'target links': links,
      'built links': r.links,
      'ingest s (NDJSON)': ingestSecs === 0 ? 'cached' : ingestSecs,
      'ingest occurrences/s': ingestSecs === 0 ? 'cached' : Math.round(occurrences / ingestSecs),
      'build s': r.seconds,
      'build s per 10M links': (r.seconds / r.links) * 1e7,
      'peak RSS MB': Math.round(r.maxRssMB),
    });
  }
  printTable(rows);
}
