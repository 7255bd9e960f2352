/**
 * Writes a deterministic synthetic web: per snapshot, every site's pages in crawl order as WARC
 * (request + response/revisit records) or captures NDJSON, plus the truth file and manifest.
 * Pages are generated one at a time from the seed, so memory stays flat at any size.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { warcinfoRecord } from '../warc/index.js';
import { writeCapture } from './capture-json.js';
import { planForLinks } from './choose-pages.js';
import { type Compressor, createCompressor } from './gzip-pool.js';
import { LineWriter } from './line-writer.js';
import { type SnapshotStats, writeManifest } from './manifest.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { pageFacts } from './page-facts.js';
import { capturedMask, planCaptures } from './plan-captures.js';
import { planWeb } from './plan-web.js';
import { TargetCounter } from './target-counter.js';
import type {
  CaptureSpec,
  GenerateOptions,
  GenerateProgress,
  GenerateSummary,
  Site,
  WebPlan,
} from './types.js';
import { warcRecordsOf } from './warc-capture.js';
import { WarcFileWriter } from './warc-file-writer.js';
import { recordId, warcDate } from './warc-records.js';

const WARC_ROLL_BYTES = 50 * 1024 * 1024;
const NDJSON_ROLL_BYTES = 512 * 1024 * 1024;
const GZIP_LEVEL = 1;
const PROGRESS_EVERY = 2000;

/** Where one snapshot's captures go: full NDJSON lines, or WARC records. */
interface SnapshotSink {
  /** The NDJSON writer of full records (ndjson format only). */
  full: LineWriter | undefined;
  /** WARC records of a capture (warc format only). */
  add(site: Site, spec: CaptureSpec): Promise<void> | undefined;
  close(): Promise<{ files: string[]; bytes: number }>;
}

function ndjsonSink(outDir: string, dir: string): SnapshotSink {
  const w = new LineWriter({
    outDir,
    pathOf: (n) => `${dir}/part-${String(n).padStart(5, '0')}.captures.ndjson`,
    rollBytes: NDJSON_ROLL_BYTES,
  });
  return {
    full: w,
    add: () => undefined,
    close: async () => {
      w.close();
      return { files: w.files, bytes: w.bytes };
    },
  };
}

function warcSink(
  o: ResolvedOptions,
  plan: WebPlan,
  k: number,
  dir: string,
  compressor: Compressor,
): SnapshotSink {
  const infoId = recordId(plan.seed, k, -1, -1, 2);
  const w = new WarcFileWriter({
    outDir: o.outDir,
    relDir: dir,
    rollBytes: WARC_ROLL_BYTES,
    level: GZIP_LEVEL,
    compressor,
    warcinfo: (filename) =>
      warcinfoRecord(infoId, warcDate(plan.snapshotTimes[k] as number), filename, [
        ['software', 'linkgap generate (synthetic web)'],
        ['format', 'WARC File Format 1.1'],
        [
          'conformsTo',
          'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
        ],
        ['isPartOf', `linkgap-synthetic-seed-${plan.seed}-${dir}`],
        [
          'description',
          `Deterministic synthetic web, seed ${plan.seed}, ${dir} of ${plan.snapshots}`,
        ],
        ['robots', 'classic'],
      ]),
  });
  return {
    full: undefined,
    add: async (site, spec) => {
      for (const r of warcRecordsOf(plan, site, spec, k, infoId)) await w.add(r);
    },
    close: async () => {
      await w.close();
      return { files: w.files, bytes: w.bytes };
    },
  };
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** State shared by the snapshots of one run. */
interface Run {
  o: ResolvedOptions;
  plan: WebPlan;
  truth: LineWriter;
  counter: TargetCounter;
  compressor: Compressor | undefined;
  progress: (p: GenerateProgress) => void;
  /** Data bytes written by earlier snapshots. */
  bytes: number;
}

/** Write snapshot `k`: every crawled slot's captures, in crawl order. */
async function writeSnapshot(
  run: Run,
  k: number,
): Promise<{ stats: SnapshotStats; files: string[]; bytes: number }> {
  const { o, plan, truth } = run;
  const dir = `snapshot-${k + 1}`;
  const sink =
    run.compressor !== undefined
      ? warcSink(o, plan, k, dir, run.compressor)
      : ndjsonSink(o.outDir, dir);
  const stats: SnapshotStats = {
    dir,
    start: warcDate(plan.snapshotTimes[k] as number),
    captures: 0,
    links: 0,
    newUrls: 0,
  };
  const slots = plan.slotStart[plan.crawl.length] as number;
  const last = k === o.snapshots - 1;
  let done = 0;
  for (const s of plan.crawl) {
    const site = plan.sites[s] as Site;
    for (let j = 0; j < site.pages; j++, done++) {
      if (done % PROGRESS_EVERY === 0)
        run.progress({ phase: dir, done, total: slots, bytes: run.bytes + truth.bytes });
      const f = pageFacts(plan, site, j);
      let before = 0;
      for (let kk = 0; kk < k; kk++) before |= capturedMask(f, kk);
      stats.newUrls += popcount(capturedMask(f, k) & ~before);
      for (const spec of planCaptures(plan, site, j, k, run.compressor !== undefined)) {
        stats.links += writeCapture(spec, site.ip, sink.full?.sink, truth.sink);
        sink.full?.endLine();
        truth.endLine();
        stats.captures++;
        if (last && spec.doc !== undefined) run.counter.add(site.index, spec.doc);
        const pending = sink.add(site, spec);
        if (pending !== undefined) await pending;
      }
    }
  }
  const written = await sink.close();
  run.progress({
    phase: dir,
    done: slots,
    total: slots,
    bytes: run.bytes + written.bytes + truth.bytes,
  });
  return { stats, files: written.files.map((f) => join(o.outDir, f)), bytes: written.bytes };
}

/**
 * Generate a synthetic web into `opts.outDir`. Same options, same bytes. Rejects with a
 * {@link GenerateError} (`INVALID_OPTIONS`) on bad options.
 * @example await generateWeb({ outDir: 'demo', pages: 20_000, seed: 7 })
 */
export async function generateWeb(opts: GenerateOptions): Promise<GenerateSummary> {
  const o = resolveOptions(opts);
  o.outDir = resolve(o.outDir);
  mkdirSync(o.outDir, { recursive: true });
  const progress = (p: GenerateProgress): void => opts.onProgress?.(p);
  progress({ phase: 'plan', done: 0, total: 1, bytes: 0 });
  const plan =
    o.links === undefined
      ? planWeb({ seed: o.seed, pages: o.pages, snapshots: o.snapshots })
      : planForLinks(o.seed, o.links, o.snapshots);
  progress({ phase: 'plan', done: 1, total: 1, bytes: 0 });
  const truth = new LineWriter({
    outDir: o.outDir,
    pathOf: () => 'truth.captures.ndjson',
    rollBytes: Number.POSITIVE_INFINITY,
  });
  const compressor = o.format === 'warc' ? createCompressor(GZIP_LEVEL) : undefined;
  const run: Run = {
    o,
    plan,
    truth,
    counter: new TargetCounter(plan),
    compressor,
    progress,
    bytes: 0,
  };
  const files: string[] = [];
  const stats: SnapshotStats[] = [];
  try {
    for (let k = 0; k < o.snapshots; k++) {
      const w = await writeSnapshot(run, k);
      files.push(...w.files);
      run.bytes += w.bytes;
      stats.push(w.stats);
    }
  } finally {
    truth.close();
    await compressor?.close();
  }
  const summary: GenerateSummary = {
    sites: plan.crawl.length,
    pages: stats.reduce((n, s) => n + s.newUrls, 0),
    captures: stats.reduce((n, s) => n + s.captures, 0),
    links: stats.reduce((n, s) => n + s.links, 0),
    snapshots: plan.snapshotTimes.map((t) => warcDate(t)),
    files,
    bytes: run.bytes,
    truthFile: join(o.outDir, 'truth.captures.ndjson'),
  };
  writeManifest({
    options: o,
    plan,
    summary,
    snapshots: stats,
    topLinkedDomains: run.counter.top(10),
  });
  return summary;
}
