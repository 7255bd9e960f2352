/**
 * Reading one input end to end, up to the store: open (file or URL, with retries), sniff the
 * format, run the archive reader, extract links, and yield the results in groups in record
 * order. Runs on a worker thread per input (parallel/) or on the calling thread.
 */
import { linksJson } from '../core/capture-json.js';
import type { IngestErrorRecord, StoredCapture } from '../store/index.js';
import { captureFromHttp } from './http/index.js';
import { readCapturesNdjson } from './ndjson/read-captures-ndjson.js';
import { detectFormat, type InputFormat, type InputRef, openInput, peek } from './source/index.js';
import type { ArchiveItem } from './types.js';
import { readWarc } from './warc/index.js';
import { readWat } from './wat/index.js';

/** What one archive item became, with its record index (null: nothing to store). */
export interface ConvertedItem {
  index: number;
  value: StoredCapture | IngestErrorRecord | null;
}

/** Events of reading one input: its format first, then groups of items in record order. */
export type InputEvent =
  | { kind: 'format'; format: InputFormat }
  | { kind: 'items'; items: ConvertedItem[]; bytes: number }
  | { kind: 'log'; line: string };

/** Items per group. */
const GROUP_ITEMS = 64;

/**
 * Read `ref`, skipping records below `recordsDone` (stored by an earlier run). For CSV and
 * unknown formats only the format event is yielded: the caller handles those.
 */
export async function* readInput(ref: InputRef, recordsDone: number): AsyncIterable<InputEvent> {
  const logs: string[] = [];
  const bytes = { n: 0 };
  const source = counted(
    openInput(ref, {
      onRetry: (r) =>
        logs.push(`retry ${r.attempt} in ${r.delayMs} ms after ${r.received} bytes: ${r.reason}`),
    }),
    bytes,
  );
  const { head, stream } = await peek(source, 65_536);
  const format = detectFormat(head, ref.kind === 'file' ? ref.path : ref.url);
  yield { kind: 'format', format };
  if (format === 'csv' || format === 'unknown') return;
  const items =
    format === 'warc'
      ? readWarc(stream)
      : format === 'wat'
        ? readWat(stream)
        : readCapturesNdjson(stream);
  let group: ConvertedItem[] = [];
  let reported = 0;
  for await (const item of items) {
    while (logs.length > 0) yield { kind: 'log', line: logs.shift() as string };
    if (item.index < recordsDone) continue;
    group.push({ index: item.index, value: serialized(convert(item)) });
    if (group.length >= GROUP_ITEMS) {
      yield { kind: 'items', items: group, bytes: bytes.n - reported };
      reported = bytes.n;
      group = [];
    }
  }
  yield { kind: 'items', items: group, bytes: bytes.n - reported };
}

/** One archive item as what the store takes; responses go through link extraction. */
export function convert(item: ArchiveItem): StoredCapture | IngestErrorRecord | null {
  switch (item.kind) {
    case 'http': {
      try {
        const stored: StoredCapture = captureFromHttp(item.input);
        if (item.payloadDigest !== undefined) stored.payloadDigest = item.payloadDigest;
        return stored;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          recordIndex: item.index,
          offset: item.offset,
          message: `extraction failed: ${message}`,
        };
      }
    }
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

/** The capture with its links serialised here, where the reading happens, not in the writer. */
function serialized(
  value: StoredCapture | IngestErrorRecord | null,
): StoredCapture | IngestErrorRecord | null {
  if (value === null || 'message' in value || value.links.length === 0) return value;
  return { ...value, links: [], linksJson: linksJson(value.links), linkCount: value.links.length };
}

async function* counted(
  source: AsyncIterable<Uint8Array>,
  bytes: { n: number },
): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    bytes.n += chunk.byteLength;
    yield chunk;
  }
}
