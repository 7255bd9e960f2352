/**
 * Generator throughput: pages/s, links/s and MB/s for the WARC and NDJSON formats.
 * Usage: npx tsx bench/generate.ts [--warc-pages N] [--ndjson-links N] [--seed S] [--keep]
 * Also prints a machine calibration (ns per trivial loop iteration) and CPU seconds, since
 * wall time on a shared machine says little on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenerateOptions, generateWeb } from '../src/generate/index.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function loopNs(): number {
  const n = 50_000_000;
  const t = performance.now();
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + i * 7) | 0;
  const ns = ((performance.now() - t) * 1e6) / n;
  return s === 42 ? ns + 0 : ns;
}

async function run(label: string, opts: Omit<GenerateOptions, 'outDir'>): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), `linkgap-bench-${label}-`));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await generateWeb({ ...opts, outDir });
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  const rate = (x: number, secs: number): string => Math.round(x / secs).toLocaleString('en-US');
  console.log(
    `${label.padEnd(7)} captures ${s.captures.toLocaleString('en-US')}, links ${s.links.toLocaleString('en-US')}, ` +
      `${(s.bytes / 1e6).toFixed(1)} MB in ${s.files.length} files; wall ${wall.toFixed(2)} s, cpu ${cpu.toFixed(2)} s`,
  );
  console.log(
    `        pages/s ${rate(s.captures, wall)} (cpu ${rate(s.captures, cpu)}), links/s ${rate(s.links, wall)} ` +
      `(cpu ${rate(s.links, cpu)}), MB/s ${(s.bytes / 1e6 / wall).toFixed(1)} (cpu ${(s.bytes / 1e6 / cpu).toFixed(1)})`,
  );
  if (!process.argv.includes('--keep')) rmSync(outDir, { recursive: true, force: true });
  else console.log(`        kept ${outDir}`);
}

const seed = arg('seed', 1);
console.log(
  `machine: ${loopNs().toFixed(2)} ns per trivial loop iteration (a modern desktop core: ~0.3-0.5)`,
);
await run('warc', { pages: arg('warc-pages', 20_000), seed, format: 'warc' });
await run('ndjson', { links: arg('ndjson-links', 2_000_000), seed, format: 'ndjson' });
