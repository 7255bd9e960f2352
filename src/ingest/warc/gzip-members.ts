/**
 * Gzip member decoding for WARC.gz files, one member at a time so every byte is tied to the
 * member it came from. Members up to a size limit are inflated in one synchronous call (fast:
 * no stream set-up per record); larger ones (a whole-file gzip, a huge record) are streamed.
 * A corrupt or truncated member is reported and skipped: decoding resumes at the next `1f 8b 08`
 * that inflates to a `WARC/` line. A streamed member's CRC can only be checked at its end, after
 * its records were handed on; a mismatch there is still reported.
 */
import zlib from 'node:zlib';
import type { ByteReader } from './byte-reader.js';
import { isGzipMagic, parseGzipHeader } from './gzip-header.js';
import type { ByteEvent } from './types.js';

/** Look-ahead the fast path asks for before inflating a member. */
const LOOKAHEAD = 1 << 20;
/** Compressed bytes inflated to check that a resync candidate starts a WARC record. */
const VERIFY_BYTES = 4096;
/** Compressed bytes fed per write on the streaming path. */
const STREAM_FEED = 64 * 1024;
const MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const WARC_MAGIC = Buffer.from('WARC/');

type FastResult =
  | { kind: 'ok'; data: Buffer; memberLength: number }
  | { kind: 'short' }
  | { kind: 'large' }
  | { kind: 'corrupt'; message: string };

/**
 * Decode every gzip member of `reader`. Members whose inflated size is at most `fastLimit` are
 * yielded as one piece each; larger ones as a series of pieces. Failures are yielded as `fail`
 * events with the member's offset, then decoding resynchronises.
 */
export async function* decodeGzipMembers(
  reader: ByteReader,
  fastLimit: number,
): AsyncGenerator<ByteEvent> {
  let want = LOOKAHEAD;
  for (;;) {
    await reader.fill(want);
    if (skipPadding(reader)) return;
    const start = reader.offset;
    const buf = reader.bytes;
    const header = parseGzipHeader(buf, 0);
    if (header.kind === 'incomplete' && !reader.ended) {
      want = Math.max(LOOKAHEAD, reader.available * 2);
      continue;
    }
    if (header.kind !== 'ok') {
      const what = header.kind === 'incomplete' ? 'truncated gzip header' : header.reason;
      yield { kind: 'fail', offset: start, message: `${what} at offset ${start}` };
      reader.consume(1);
      if (!(await seekMember(reader))) return;
      continue;
    }
    const fast = inflateMember(buf, header.length, fastLimit);
    if (fast.kind === 'short' && !reader.ended) {
      want = Math.max(LOOKAHEAD, reader.available * 2);
      continue;
    }
    want = LOOKAHEAD;
    if (fast.kind === 'ok') {
      yield { kind: 'data', bytes: fast.data, offset: start, plain: false, memberStart: true };
      reader.consume(fast.memberLength);
    } else if (fast.kind === 'large') {
      reader.consume(header.length);
      if (!(yield* streamMember(reader, start))) return;
    } else {
      const message =
        fast.kind === 'short'
          ? `truncated gzip member at offset ${start}`
          : `corrupt gzip member at offset ${start}: ${fast.message}`;
      yield { kind: 'fail', offset: start, message };
      reader.consume(1);
      if (!(await seekMember(reader))) return;
    }
  }
}

/** Inflate the member at `buf[0]` whose deflate data starts at `headerLength`, in one call. */
function inflateMember(buf: Buffer, headerLength: number, limit: number): FastResult {
  let data: Buffer;
  let used: number;
  try {
    const result = zlib.inflateRawSync(buf.subarray(headerLength), {
      info: true,
      maxOutputLength: limit,
    }) as unknown as { buffer: Buffer; engine: zlib.InflateRaw };
    data = result.buffer;
    used = result.engine.bytesWritten;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') return { kind: 'short' };
    if (code === 'ERR_BUFFER_TOO_LARGE') return { kind: 'large' };
    return { kind: 'corrupt', message: (error as Error).message };
  }
  const end = headerLength + used;
  if (end + 8 > buf.length) return { kind: 'short' };
  if (
    zlib.crc32(data) !== buf.readUInt32LE(end) ||
    data.length >>> 0 !== buf.readUInt32LE(end + 4)
  ) {
    return { kind: 'corrupt', message: 'CRC mismatch' };
  }
  return { kind: 'ok', data, memberLength: end + 8 };
}

/**
 * Stream-inflate the member whose deflate data starts at the reader's position (header already
 * consumed), yielding pieces as they come. Returns false when the input ended inside it.
 */
async function* streamMember(
  reader: ByteReader,
  start: number,
): AsyncGenerator<ByteEvent, boolean> {
  const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  inflater.on('data', (chunk: Buffer) => {
    out.push(chunk);
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
  });
  inflater.on('error', () => {});
  let memberStart = true;
  try {
    for (;;) {
      if (reader.available === 0 && !(await reader.fill(1))) {
        yield { kind: 'fail', offset: start, message: `truncated gzip member at offset ${start}` };
        return false;
      }
      const slice = reader.bytes.subarray(0, STREAM_FEED);
      const before = inflater.bytesWritten;
      const error = await writeChunk(inflater, slice);
      for (const bytes of out.splice(0)) {
        yield { kind: 'data', bytes, offset: start, plain: false, memberStart };
        memberStart = false;
      }
      if (error !== undefined) {
        const message = `corrupt gzip member at offset ${start}: ${error.message}`;
        yield { kind: 'fail', offset: start, message };
        reader.consume(slice.length);
        return await seekMember(reader);
      }
      const used = inflater.bytesWritten - before;
      reader.consume(used);
      if (used < slice.length || inflater.readableEnded) break;
    }
  } finally {
    inflater.destroy();
  }
  if (!(await reader.fill(8))) {
    yield { kind: 'fail', offset: start, message: `truncated gzip member at offset ${start}` };
    return false;
  }
  const trailer = reader.bytes;
  if (crc !== trailer.readUInt32LE(0) || size >>> 0 !== trailer.readUInt32LE(4)) {
    yield {
      kind: 'fail',
      offset: start,
      message: `corrupt gzip member at offset ${start}: CRC mismatch`,
    };
  }
  reader.consume(8);
  return true;
}

function writeChunk(stream: zlib.InflateRaw, chunk: Buffer): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const onError = (error: Error) => resolve(error);
    stream.once('error', onError);
    stream.write(chunk, (error) => {
      stream.off('error', onError);
      // Let 'data' events queued by this write run before the caller looks at the output.
      setImmediate(() => resolve(error ?? undefined));
    });
  });
}

/**
 * Skip zero / CR / LF padding between or after members. Returns true when the input is
 * exhausted (only padding was left).
 */
function skipPadding(reader: ByteReader): boolean {
  const buf = reader.bytes;
  let i = 0;
  while (i < buf.length && (buf[i] === 0 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  if (i === buf.length && reader.ended) {
    reader.consume(i);
    return true;
  }
  if (i > 0 && i < buf.length && isGzipMagic(buf, i)) reader.consume(i);
  return reader.available === 0 && reader.ended;
}

/**
 * Advance the reader to the next gzip member that inflates to a `WARC/` line. Returns false
 * (with the input consumed) when there is none.
 */
async function seekMember(reader: ByteReader): Promise<boolean> {
  for (;;) {
    const buf = reader.bytes;
    let i = buf.indexOf(MAGIC);
    let needMore = false;
    while (i >= 0) {
      if (buf.length - i < VERIFY_BYTES && !reader.ended) {
        needMore = true;
        break;
      }
      if (startsWarcRecord(buf, i)) {
        reader.consume(i);
        return true;
      }
      i = buf.indexOf(MAGIC, i + 1);
    }
    if (reader.ended) {
      reader.consume(buf.length);
      return false;
    }
    const keep = needMore ? buf.length - i : Math.min(MAGIC.length - 1, buf.length);
    reader.consume(buf.length - keep);
    await reader.fill(keep + LOOKAHEAD);
  }
}

function startsWarcRecord(buf: Buffer, at: number): boolean {
  const header = parseGzipHeader(buf, at);
  if (header.kind !== 'ok') return false;
  const from = at + header.length;
  try {
    const head = zlib.inflateRawSync(buf.subarray(from, from + VERIFY_BYTES), {
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
    });
    return head.subarray(0, WARC_MAGIC.length).equals(WARC_MAGIC);
  } catch {
    return false;
  }
}
