/**
 * The ingest pipeline: inputs (files, directories, globs, URLs, Common Crawl path lists) →
 * format detection → archive readers → link extraction → atomic batches in the store.
 * Several inputs are read at once on worker threads; the main thread only stores, one batch at
 * a time. Idempotent per (url, fetched_at) and resumable per input: a killed run, restarted,
 * skips the records the store already holds and ends with exactly the captures of one clean run.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { toIsoSeconds } from '../core/time.js';
import {
  type IngestErrorRecord,
  type LinkStore,
  type SourceState,
  type StoredCapture,
  StoreError,
} from '../store/index.js';
import type { InputReaders } from './parallel/input-readers.js';
import { expandInputs, type InputRef, openInput } from './source/index.js';

/** Running totals, reported while ingest works. */
export interface IngestProgress {
  input: string;
  inputs: number;
  records: number;
  captures: number;
  duplicates: number;
  links: number;
  errors: number;
  bytes: number;
}

/** What one ingest run did. */
export interface IngestSummary extends IngestProgress {
  /** Inputs an earlier run had already finished (same fingerprint): not read again. */
  alreadyIngested: number;
  /** Inputs that could not be read at all (refused by the server, broken mid-way). */
  failedInputs: Array<{ input: string; message: string }>;
  /** Inputs that hold none of the formats ingest reads (e.g. a README beside the archives). */
  skippedInputs: string[];
  /** The inputs this run read to the end, with the fingerprint a later run compares. */
  finishedInputs: Array<{ input: string; fingerprint: string }>;
  seconds: number;
  /** The first errors, for the report (all are stored in `ingest_errors`). */
  errorSamples: Array<{ input: string; offset: number; message: string }>;
}

/** Options of `ingest`. */
export interface IngestOptions {
  readers: InputReaders;
  /** Base URL for Common Crawl path lists. */
  baseUrl?: string;
  /** Captures per atomic batch (default 2,000). */
  batchCaptures?: number;
  onProgress?: (p: IngestProgress) => void;
  /** A line for the log (retries, skipped inputs). */
  log?: (line: string) => void;
}

const MAX_BATCH_LINKS = 100_000;

/** Ingest every input into the store. */
export async function ingest(
  store: LinkStore,
  args: string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const totals: IngestSummary = {
    input: '',
    inputs: 0,
    records: 0,
    captures: 0,
    duplicates: 0,
    links: 0,
    errors: 0,
    bytes: 0,
    alreadyIngested: 0,
    failedInputs: [],
    skippedInputs: [],
    finishedInputs: [],
    seconds: 0,
    errorSamples: [],
  };
  const serial = serialize();
  const running = new Set<Promise<void>>();
  for await (const ref of expandInputs(args, { baseUrl: opts.baseUrl })) {
    while (running.size >= opts.readers.parallel) await Promise.race(running);
    const job: Promise<void> = ingestInput(store, serial, ref, opts, totals).finally(() =>
      running.delete(job),
    );
    running.add(job);
  }
  await Promise.all(running);
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

/** Runs store calls one at a time: inputs are read concurrently, stored in turn. */
type Serial = <T>(fn: () => Promise<T>) => Promise<T>;

function serialize(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

async function ingestInput(
  store: LinkStore,
  serial: Serial,
  ref: InputRef,
  opts: IngestOptions,
  totals: IngestSummary,
): Promise<void> {
  const name = ref.kind === 'file' ? ref.path : ref.url;
  totals.input = name;
  const print = await fingerprint(ref);
  const state = await serial(async () => store.openSource(name, print));
  if (state.complete) {
    totals.alreadyIngested++;
    opts.log?.(`${name}: already ingested, skipped`);
    return;
  }
  try {
    if (!(await storeInput(store, serial, ref, state, opts, totals))) {
      totals.skippedInputs.push(name);
      opts.log?.(`${name}: not a WARC, WAT, captures NDJSON or links CSV file: skipped`);
      return;
    }
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    totals.failedInputs.push({ input: name, message });
    opts.log?.(message.includes(name) ? message : `${name}: ${message}`);
    return;
  }
  await serial(() => store.finishSource(state));
  totals.inputs++;
  totals.finishedInputs.push({ input: name, fingerprint: print });
  opts.onProgress?.(totals);
}

async function fingerprint(ref: InputRef): Promise<string> {
  if (ref.kind === 'url') return 'url';
  const s = await stat(ref.path);
  return `${s.size}:${Math.trunc(s.mtimeMs)}`;
}

/** Read one input and store what it holds; false when its format is none ingest reads. */
async function storeInput(
  store: LinkStore,
  serial: Serial,
  ref: InputRef,
  state: SourceState,
  opts: IngestOptions,
  totals: IngestSummary,
): Promise<boolean> {
  const batchCaptures = opts.batchCaptures ?? 2_000;
  let captures: StoredCapture[] = [];
  let errors: IngestErrorRecord[] = [];
  let batchLinks = 0;
  let done = state.recordsDone;
  // A batch is stored while the next one fills: only a second full batch waits for the first.
  let storing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    const batch = { captures, errors, recordsDone: done };
    captures = [];
    errors = [];
    batchLinks = 0;
    await storing;
    storing = serial(() => store.appendBatch(state, batch)).then((result) => {
      totals.captures += result.added;
      totals.duplicates += result.duplicates;
      totals.links += result.links;
      opts.onProgress?.(totals);
    });
  };

  for await (const event of opts.readers.read(ref, state.recordsDone)) {
    if (event.kind === 'log') {
      opts.log?.(`${state.name}: ${event.line}`);
      continue;
    }
    if (event.kind === 'format') {
      if (event.format === 'unknown') return false;
      if (event.format === 'csv') {
        await ingestCsv(store, serial, ref, state, totals);
        return true;
      }
      continue;
    }
    totals.bytes += event.bytes;
    for (const { index, value } of event.items) {
      done = index + 1;
      totals.records++;
      if (value === null) continue;
      if ('message' in value) {
        errors.push(value);
        totals.errors++;
        if (totals.errorSamples.length < 20) {
          totals.errorSamples.push({
            input: state.name,
            offset: value.offset,
            message: value.message,
          });
        }
        continue;
      }
      captures.push(value);
      batchLinks += value.linkCount ?? value.links.length;
    }
    if (captures.length >= batchCaptures || batchLinks >= MAX_BATCH_LINKS) await flush();
  }
  await flush();
  await storing;
  return true;
}

async function ingestCsv(
  store: LinkStore,
  serial: Serial,
  ref: InputRef,
  state: SourceState,
  totals: IngestSummary,
): Promise<void> {
  let path: string;
  let tempDir: string | undefined;
  let seenAt = toIsoSeconds(new Date());
  if (ref.kind === 'file') {
    path = ref.path;
    const s = await stat(ref.path);
    seenAt = toIsoSeconds(s.mtime);
    totals.bytes += s.size;
  } else {
    tempDir = await mkdtemp(join(tmpdir(), 'linkgap-csv-'));
    path = join(tempDir, 'links.csv');
    await streamPipeline(openInput(ref), createWriteStream(path));
  }
  try {
    const r = await serial(() => store.importLinksCsv(state, path, { seenAt }));
    totals.captures += r.added;
    totals.duplicates += r.duplicates;
    totals.links += r.links;
  } finally {
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}
