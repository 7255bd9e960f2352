/**
 * Ingest throughput: generated WARC.gz through the whole pipeline (gunzip, WARC parse, HTML
 * parse and extraction, DuckDB append) by the built CLI pinned to one core (taskset) and on every
 * core, beside bare htmlparser2 with empty callbacks over the same pages, in one run. Times are
 * the CLI's own ingest seconds (process start and database open excluded).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { generateWeb } from '../src/generate/index.js';
import { openInput } from '../src/ingest/source/index.js';
import { readWarc } from '../src/ingest/warc/index.js';
import { cliIngest } from './cli.js';
import { median, printTable, timeRuns } from './stats.js';

/** Options of `benchIngest`. */
export interface IngestBenchOptions {
  pages: number;
  runs: number;
  workDir: string;
}

async function warcFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.warc.gz')) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

/** Run the ingest benchmark and print its table. */
export async function benchIngest(o: IngestBenchOptions): Promise<void> {
  const web = join(o.workDir, `web-${o.pages}`);
  if (!existsSync(join(web, 'manifest.json'))) {
    console.log(`generating ${o.pages} pages × 2 snapshots in ${web} …`);
    await generateWeb({ outDir: web, pages: o.pages, seed: 7, snapshots: 2 });
  }
  const files = await warcFiles(web);
  const bodies: Uint8Array[] = [];
  let gzBytes = 0;
  for (const path of files) {
    for await (const item of readWarc(openInput({ kind: 'file', path, size: 0 }, {}))) {
      if (item.kind === 'http') bodies.push(item.input.body);
    }
  }
  for (const f of files) gzBytes += (await import('node:fs')).statSync(f).size;
  const htmlBytes = bodies.reduce((s, b) => s + b.byteLength, 0);
  console.log(
    `${files.length} WARC.gz files, ${(gzBytes / 1048576).toFixed(1)} MB compressed, ` +
      `${bodies.length} responses, ${(htmlBytes / 1048576).toFixed(1)} MB of payload`,
  );

  const decoder = new TextDecoder();
  const bare = await timeRuns(o.runs, async () => {
    for (const body of bodies) {
      const p = new Parser({});
      p.write(decoder.decode(body));
      p.end();
    }
  });

  const pipelineRun = async (workers: number, pinned: boolean): Promise<number[]> => {
    const secs: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      const s = await cliIngest(files, workers, pinned);
      if (s.records === 0) throw new Error('bench ingested nothing');
      secs.push(s.seconds);
    }
    return secs;
  };
  const one = await pipelineRun(0, true);
  const cores = availableParallelism();
  const all = await pipelineRun(cores, false);

  const rows = [
    { what: 'bare htmlparser2 (decode + parse, empty callbacks)', secs: median(bare) },
    { what: 'pipeline, 1 core (gunzip, WARC, extract, DuckDB)', secs: median(one) },
    { what: `pipeline, ${cores} worker threads (one input each)`, secs: median(all) },
  ].map((r) => ({
    what: r.what,
    'median s': r.secs,
    'pages/s': Math.round(bodies.length / r.secs),
    'payload MB/s': htmlBytes / 1048576 / r.secs,
    'WARC.gz MB/s': gzBytes / 1048576 / r.secs,
  }));
  printTable(rows);
  console.log(
    `pipeline 1 core / bare parser: ${((median(bare) / median(one)) * 100).toFixed(0)}% (goal ≥ 60%)`,
  );
  console.log(
    `${cores} workers / 1 core: ${(median(one) / median(all)).toFixed(2)}× (goal ≥ 1.7×)`,
  );
}
