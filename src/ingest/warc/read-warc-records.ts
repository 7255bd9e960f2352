/**
 * Raw WARC records from a byte source, whatever its compression: per-record gzip (multi-member),
 * whole-file gzip or plain, told apart by the first bytes. Shared by the WARC and WAT readers.
 */
import { ByteReader } from './byte-reader.js';
import { isGzipMagic } from './gzip-header.js';
import { decodeGzipMembers } from './gzip-members.js';
import { type SplitEvent, WarcRecordSplitter } from './record-splitter.js';
import type { ByteEvent, WarcRecordEvent } from './types.js';

/** Options of `readWarcRecords`. */
export interface ReadWarcRecordsOptions {
  /** Most block bytes kept per record; the rest is skipped (`truncated: true`). */
  maxBlockBytes: number;
}

/**
 * Every record of a WARC file in file order, each numbered from 0. Bad data never throws: a
 * corrupt gzip member, a garbled record or a cut tail becomes one `error` event and reading goes
 * on at the next readable record. Errors of the source itself (I/O) are thrown.
 */
export async function* readWarcRecords(
  source: AsyncIterable<Uint8Array>,
  opts: ReadWarcRecordsOptions,
): AsyncGenerator<WarcRecordEvent> {
  const reader = new ByteReader(source);
  const splitter = new WarcRecordSplitter(opts.maxBlockBytes);
  let index = 0;
  try {
    await reader.fill(3);
    const gzip = isGzipMagic(reader.bytes);
    const events: AsyncIterable<ByteEvent> = gzip
      ? decodeGzipMembers(reader, opts.maxBlockBytes + (1 << 20))
      : plainPieces(reader);
    for await (const event of events) {
      const found = event.kind === 'data' ? splitter.push(event) : splitter.fail(event);
      for (const item of found) yield numbered(item, index++);
    }
    for (const item of splitter.end()) yield numbered(item, index++);
  } finally {
    await reader.close();
  }
}

function numbered(event: SplitEvent, index: number): WarcRecordEvent {
  return { ...event, index };
}

async function* plainPieces(reader: ByteReader): AsyncGenerator<ByteEvent> {
  for await (const { bytes, offset } of reader.drain()) {
    yield { kind: 'data', bytes, offset, plain: true, memberStart: false };
  }
}
