/**
 * The WAT reader: Common Crawl WAT files (WARC `metadata` records holding JSON) → captures.
 */
import type { ArchiveItem } from '../types.js';
import { getField, readWarcRecords } from '../warc/index.js';
import { watToCapture } from './wat-capture.js';

/** Counters a caller can pass in to learn what `readWat` dropped inside records. */
export interface WatReadStats {
  /** Link URLs (and Location headers) that did not resolve to an http(s) URL. */
  invalidLinks: number;
}

/** Options of `readWat`. */
export interface ReadWatOptions {
  /** Incremented while reading. */
  stats?: WatReadStats;
}

/** A WAT JSON document larger than this is reported, not parsed. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Read a WAT file (gzipped per record, whole-file or plain) and yield one item per WARC record:
 * `capture` for the JSON of a `response` record (see `watToCapture` and `mapWatLinks` for the
 * field and link mapping), `skipped` for the rest (warcinfo, request and metadata JSON), `error`
 * for bad JSON or damaged bytes, and reading goes on. Only I/O errors of `source` are thrown.
 */
export async function* readWat(
  source: AsyncIterable<Uint8Array>,
  opts: ReadWatOptions = {},
): AsyncGenerator<ArchiveItem> {
  for await (const record of readWarcRecords(source, { maxBlockBytes: MAX_JSON_BYTES })) {
    if (record.kind === 'error') {
      yield record;
      continue;
    }
    const { index, offset } = record;
    const type = (getField(record.fields, 'WARC-Type') ?? '').toLowerCase();
    if (type !== 'metadata') {
      yield { kind: 'skipped', index, offset, reason: `${type || 'untyped'} record` };
      continue;
    }
    if (record.truncated) {
      yield { kind: 'error', index, offset, message: `WAT JSON over ${MAX_JSON_BYTES} bytes` };
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(record.block.toString('utf8'));
    } catch (error) {
      yield { kind: 'error', index, offset, message: `bad WAT JSON: ${(error as Error).message}` };
      continue;
    }
    const result = watToCapture(doc);
    if (result.kind === 'capture') {
      if (opts.stats !== undefined) opts.stats.invalidLinks += result.invalidLinks;
      yield { kind: 'capture', index, offset, capture: result.capture };
    } else if (result.kind === 'skipped') {
      yield { kind: 'skipped', index, offset, reason: result.reason };
    } else {
      yield { kind: 'error', index, offset, message: result.message };
    }
  }
}
