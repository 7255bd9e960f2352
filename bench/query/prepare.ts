/**
 * Data preparation of the query benchmark: a generated power-law web (captures NDJSON, two
 * snapshots, fixed seed) ingested and built into `links-<size>.duckdb` under a work dir, reused
 * across runs. Each step leaves a marker so an interrupted run resumes where it stopped.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateWeb } from '../../src/generate/index.js';
import { createInputReaders, ingest } from '../../src/ingest/index.js';
import { createDuckDBStore } from '../../src/store/index.js';

/** Seed of every generated bench web, so the same size always gives the same data. */
export const QUERY_BENCH_SEED = 31;

/** A bench size: its label (`1m`) and target link count. */
export interface BenchSize {
  label: string;
  links: number;
}

/** Parse `1m,20m,100m` (or plain numbers) into sizes; undefined on a bad entry. */
export function parseSizes(spec: string): BenchSize[] | undefined {
  const out: BenchSize[] = [];
  for (const raw of spec.split(',')) {
    const s = raw.trim().toLowerCase();
    const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(s);
    if (m === null) return undefined;
    const mult = m[2] === 'm' ? 1e6 : m[2] === 'k' ? 1e3 : 1;
    const links = Math.round(Number(m[1]) * mult);
    if (!(links >= 1000)) return undefined;
    out.push({ label: s, links });
  }
  return out;
}

/** Paths of one prepared size. */
export interface PreparedPaths {
  /** The built DuckDB store. */
  db: string;
  /** The generated NDJSON web. */
  web: string;
  /** The web's `manifest.json`, kept beside the store (the web itself is deleted after ingest). */
  manifest: string;
}

/** Paths of size `s` under `workDir`. */
export function pathsFor(workDir: string, s: BenchSize): PreparedPaths {
  const db = join(workDir, `links-${s.label}.duckdb`);
  return { db, web: join(workDir, `ndjson-${s.label}`), manifest: `${db}.manifest.json` };
}

const log = (msg: string): void => console.log(`[${new Date().toISOString()}] ${msg}`);

/**
 * Generate, ingest and build size `s` under `workDir` unless already done; returns its paths.
 * The NDJSON web is deleted after a successful ingest unless `keepWeb`.
 */
export async function prepareStore(
  workDir: string,
  s: BenchSize,
  keepWeb = false,
): Promise<PreparedPaths> {
  const p = pathsFor(workDir, s);
  const built = `${p.db}.built`;
  if (existsSync(built)) return p;
  await mkdir(workDir, { recursive: true });
  const ingested = `${p.db}.ingested`;
  if (!existsSync(ingested)) {
    if (!existsSync(join(p.web, 'manifest.json'))) {
      log(`${s.label}: generating ${s.links.toLocaleString('en-US')} links as captures NDJSON`);
      await generateWeb({
        outDir: p.web,
        links: s.links,
        seed: QUERY_BENCH_SEED,
        snapshots: 2,
        format: 'ndjson',
      });
    }
    copyFileSync(join(p.web, 'manifest.json'), p.manifest);
    log(`${s.label}: ingesting`);
    await rm(p.db, { force: true });
    await rm(`${p.db}.wal`, { force: true });
    const store = await createDuckDBStore({ path: p.db });
    const readers = createInputReaders(0);
    try {
      const r = await ingest(store, [join(p.web, 'snapshot-*', '*')], { readers });
      log(`${s.label}: ingested ${r.links.toLocaleString('en-US')} occurrences in ${r.seconds} s`);
    } finally {
      await readers.close();
      await store.close();
    }
    writeFileSync(ingested, new Date().toISOString());
  }
  log(`${s.label}: building`);
  const store = await createDuckDBStore({ path: p.db });
  try {
    const t = performance.now();
    const stats = await store.build();
    log(
      `${s.label}: built ${stats.links.toLocaleString('en-US')} links in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await store.close();
  }
  writeFileSync(built, new Date().toISOString());
  if (!keepWeb) await rm(p.web, { recursive: true, force: true });
  return p;
}
