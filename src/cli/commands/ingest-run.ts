/**
 * An ingest run with progress and its summary lines, shared by `ingest`, `demo` and the
 * ClickHouse store's staging ingest.
 */
import { createInputReaders, type IngestSummary, ingest } from '../../ingest/index.js';
import type { LinkStore } from '../../store/index.js';
import { createProgress, formatBytes, formatCount } from '../progress.js';

/** Options of `ingestCommand`. */
export interface IngestRunOptions {
  baseUrl?: string;
  workers: number;
  /** Captures per atomic batch. */
  batch?: number;
  quiet?: boolean;
}

/** Ingest inputs into an open store with progress; returns the summary. */
export async function runIngest(
  store: LinkStore,
  inputs: string[],
  opts: IngestRunOptions,
): Promise<IngestSummary> {
  const readers = createInputReaders(opts.workers);
  const started = Date.now();
  const progress = createProgress(
    0,
    'ingest |{bar}| {records} records · {captures} captures · {rate} rec/s · {mb} · {errors} errors',
    (_, f) =>
      `ingest: ${f.records} records, ${f.captures} captures, ${f.rate} records/s, ${f.mb}, ${f.errors} errors`,
    { quiet: opts.quiet },
  );
  try {
    return await ingest(store, inputs, {
      readers,
      baseUrl: opts.baseUrl,
      batchCaptures: opts.batch,
      log: (line) => process.stderr.write(`${line}\n`),
      onProgress: (p) => {
        const secs = Math.max((Date.now() - started) / 1000, 0.001);
        progress.update(p.records, {
          records: formatCount(p.records),
          captures: formatCount(p.captures),
          rate: formatCount(Math.round(p.records / secs)),
          mb: `${formatBytes(p.bytes)} (${(p.bytes / 1048576 / secs).toFixed(1)} MB/s)`,
          errors: formatCount(p.errors),
        });
      },
    });
  } finally {
    progress.stop();
    await readers.close();
  }
}

/** Summary lines of an ingest run. */
export function describeIngest(s: IngestSummary): string[] {
  const lines = [
    `ingested ${formatCount(s.inputs)} input(s) in ${s.seconds.toFixed(1)} s: ` +
      `${formatCount(s.records)} records, ${formatCount(s.captures)} new captures, ` +
      `${formatCount(s.links)} link occurrences, ${formatBytes(s.bytes)} ` +
      `(${formatCount(Math.round(s.records / Math.max(s.seconds, 0.001)))} records/s)`,
  ];
  if (s.duplicates > 0) lines.push(`${formatCount(s.duplicates)} captures were already stored`);
  if (s.alreadyIngested > 0) lines.push(`${s.alreadyIngested} input(s) already ingested earlier`);
  if (s.errors > 0) {
    lines.push(`${formatCount(s.errors)} record(s) skipped as unreadable, for example:`);
    for (const e of s.errorSamples.slice(0, 5))
      lines.push(`  ${e.input} @${e.offset}: ${e.message}`);
  }
  for (const f of s.skippedInputs) lines.push(`skipped (not an archive, NDJSON or CSV): ${f}`);
  for (const f of s.failedInputs) {
    lines.push(`failed: ${f.message.includes(f.input) ? f.message : `${f.input}: ${f.message}`}`);
  }
  return lines;
}
