/**
 * The ingest pipeline: inputs (files, directories, globs, URLs, Common Crawl path lists) →
 * format detection → archive readers → link extraction → atomic batches in the store.
 * Idempotent per (url, fetched_at) and resumable per input: a killed run, restarted, skips the
 * records the store already holds and ends with exactly the captures of one clean run.
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
import type { Extractor } from './extract/extract-pool.js';
import { readCapturesNdjson } from './ndjson/read-captures-ndjson.js';
import { detectFormat, expandInputs, type InputRef, openInput } from './source/index.js';
import type { ArchiveItem } from './types.js';
import { readWarc } from './warc/index.js';
import { readWat } from './wat/index.js';

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
  seconds: number;
  /** The first errors, for the report (all are stored in `ingest_errors`). */
  errorSamples: Array<{ input: string; offset: number; message: string }>;
}

/** Options of `ingest`. */
export interface IngestOptions {
  extractor: Extractor;
  /** Base URL for Common Crawl path lists. */
  baseUrl?: string;
  /** Captures per atomic batch (default 2,000). */
  batchCaptures?: number;
  onProgress?: (p: IngestProgress) => void;
  /** A line for the log (retries, skipped inputs). */
  log?: (line: string) => void;
}

const MAX_BATCH_LINKS = 100_000;
/** Responses sent to a worker in one message. */
const GROUP_RESPONSES = 32;
const MAX_GROUPS_IN_FLIGHT = 16;
/** Items of any kind in one group (captures of WAT and NDJSON inputs need no worker). */
const MAX_GROUP = 256;

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
    seconds: 0,
    errorSamples: [],
  };
  for await (const ref of expandInputs(args, { baseUrl: opts.baseUrl })) {
    const name = ref.kind === 'file' ? ref.path : ref.url;
    totals.input = name;
    const state = await store.openSource(name, await fingerprint(ref));
    if (state.complete) {
      totals.alreadyIngested++;
      opts.log?.(`${name}: already ingested, skipped`);
      continue;
    }
    try {
      if (!(await ingestOne(store, ref, state, opts, totals))) {
        totals.skippedInputs.push(name);
        opts.log?.(`${name}: not a WARC, WAT, captures NDJSON or links CSV file: skipped`);
        continue;
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      totals.failedInputs.push({ input: name, message });
      opts.log?.(message.includes(name) ? message : `${name}: ${message}`);
      continue;
    }
    await store.finishSource(state);
    totals.inputs++;
    opts.onProgress?.(totals);
  }
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

async function fingerprint(ref: InputRef): Promise<string> {
  if (ref.kind === 'url') return 'url';
  const s = await stat(ref.path);
  return `${s.size}:${Math.trunc(s.mtimeMs)}`;
}

/** Ingest one input; false when its format is none that ingest reads. */
async function ingestOne(
  store: LinkStore,
  ref: InputRef,
  state: SourceState,
  opts: IngestOptions,
  totals: IngestSummary,
): Promise<boolean> {
  const bytes = countBytes(
    openInput(ref, {
      onRetry: (r) =>
        opts.log?.(
          `${state.name}: retry ${r.attempt} in ${r.delayMs} ms after ${r.received} bytes: ${r.reason}`,
        ),
    }),
    totals,
  );
  const { head, stream } = await peek(bytes);
  const format = detectFormat(head, state.name);
  if (format === 'unknown') return false;
  if (format === 'csv') {
    await ingestCsv(store, ref, state, totals, stream);
    return true;
  }
  const items =
    format === 'warc'
      ? readWarc(stream)
      : format === 'wat'
        ? readWat(stream)
        : readCapturesNdjson(stream);
  await storeItems(store, state, items, opts, totals);
  return true;
}

async function storeItems(
  store: LinkStore,
  state: SourceState,
  items: AsyncIterable<ArchiveItem>,
  opts: IngestOptions,
  totals: IngestSummary,
): Promise<void> {
  const batchCaptures = opts.batchCaptures ?? 2_000;
  // In document order: groups are extracted ahead on the workers, results stored in order.
  const inFlight: Array<Promise<Converted[]>> = [];
  let group: ArchiveItem[] = [];
  let groupHttp = 0;
  let captures: StoredCapture[] = [];
  let errors: IngestErrorRecord[] = [];
  let batchLinks = 0;
  let done = state.recordsDone;

  const dispatch = (): void => {
    if (group.length === 0) return;
    inFlight.push(convertGroup(group, opts.extractor));
    group = [];
    groupHttp = 0;
  };
  const settle = async (): Promise<void> => {
    const head = inFlight.shift();
    if (head === undefined) return;
    for (const c of await head) {
      done = c.index + 1;
      totals.records++;
      const value = c.value;
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
  };
  const flush = async (): Promise<void> => {
    const result = await store.appendBatch(state, { captures, errors, recordsDone: done });
    totals.captures += result.added;
    totals.duplicates += result.duplicates;
    totals.links += result.links;
    captures = [];
    errors = [];
    batchLinks = 0;
    opts.onProgress?.(totals);
  };

  for await (const item of items) {
    if (item.index < state.recordsDone) continue;
    group.push(item);
    if ((item.kind === 'http' && ++groupHttp >= GROUP_RESPONSES) || group.length >= MAX_GROUP) {
      dispatch();
    }
    while (inFlight.length > MAX_GROUPS_IN_FLIGHT) await settle();
    if (captures.length >= batchCaptures || batchLinks >= MAX_BATCH_LINKS) await flush();
  }
  dispatch();
  while (inFlight.length > 0) await settle();
  await flush();
}

/** What one archive item became, with its record index. */
interface Converted {
  index: number;
  value: StoredCapture | IngestErrorRecord | null;
}

/** Convert a group of items in order; its responses go to the extractor together. */
async function convertGroup(items: ArchiveItem[], extractor: Extractor): Promise<Converted[]> {
  const http = items.filter((i) => i.kind === 'http');
  const extracted = http.length === 0 ? [] : await extractor.extract(http.map((i) => i.input));
  let next = 0;
  return items.map((item) => {
    if (item.kind !== 'http') return { index: item.index, value: convert(item) };
    const r = extracted[next++];
    if (r === undefined || 'error' in r) {
      const message = `extraction failed: ${r === undefined ? 'no result' : r.error}`;
      return {
        index: item.index,
        value: { recordIndex: item.index, offset: item.offset, message },
      };
    }
    if (item.payloadDigest !== undefined) r.payloadDigest = item.payloadDigest;
    return { index: item.index, value: r };
  });
}

function convert(
  item: Exclude<ArchiveItem, { kind: 'http' }>,
): StoredCapture | IngestErrorRecord | null {
  switch (item.kind) {
    case 'revisit': {
      const capture: StoredCapture = {
        url: item.url,
        fetched_at: item.fetchedAt,
        status: item.status ?? 0,
        links: [],
        revisit: { digest: item.payloadDigest, uri: item.refersToUri, date: item.refersToDate },
      };
      if (item.ip !== undefined) capture.ip = item.ip;
      return capture;
    }
    case 'capture':
      return item.capture;
    case 'error':
      return { recordIndex: item.index, offset: item.offset, message: item.message };
    case 'skipped':
      return null;
  }
}

async function ingestCsv(
  store: LinkStore,
  ref: InputRef,
  state: SourceState,
  totals: IngestSummary,
  stream: AsyncIterable<Uint8Array>,
): Promise<void> {
  let path: string;
  let tempDir: string | undefined;
  let seenAt = toIsoSeconds(new Date());
  if (ref.kind === 'file') {
    path = ref.path;
    seenAt = toIsoSeconds((await stat(ref.path)).mtime);
    for await (const _ of stream) {
      // Drained only to count the bytes; DuckDB reads the file itself.
    }
  } else {
    tempDir = await mkdtemp(join(tmpdir(), 'linkgap-csv-'));
    path = join(tempDir, 'links.csv');
    await streamPipeline(stream, createWriteStream(path));
  }
  try {
    const r = await store.importLinksCsv(state, path, { seenAt });
    totals.captures += r.added;
    totals.duplicates += r.duplicates;
    totals.links += r.links;
  } finally {
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}

async function* countBytes(
  source: AsyncIterable<Uint8Array>,
  totals: IngestProgress,
): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    totals.bytes += chunk.byteLength;
    yield chunk;
  }
}

/** Read the first chunk(s) for sniffing, then hand back a stream that still starts at byte 0. */
async function peek(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; stream: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < 65_536) {
    const n = await it.next();
    if (n.done) {
      ended = true;
      break;
    }
    chunks.push(n.value);
    size += n.value.byteLength;
  }
  const head = Buffer.concat(chunks);
  async function* stream(): AsyncIterable<Uint8Array> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { head, stream: stream() };
}
