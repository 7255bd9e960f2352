/**
 * Turns a stored HTTP payload into the entity the server meant: chunked transfer-encoding removed,
 * then gzip / deflate / br content-encodings undone, never producing more than a byte limit
 * (a compressed body can expand a thousandfold). Archives lie: a body labelled gzip that has no
 * gzip magic was already decoded by the writer and is kept as it is.
 */
import zlib from 'node:zlib';
import { headerValues } from './http-message.js';

/** The decoded body, and what went wrong when it could not be (fully) decoded. */
export interface DecodedBody {
  body: Buffer;
  /** Set when a content-encoding could not be undone; `body` is then what could be. */
  problem?: string;
}

/**
 * Remove transfer and content encodings from `raw` as declared by `headers`, keeping at most
 * `maxBytes` of the result. A cut or corrupt compressed stream yields the prefix it decodes to.
 */
export async function decodeBody(
  raw: Buffer,
  headers: ReadonlyArray<[string, string]>,
  maxBytes: number,
): Promise<DecodedBody> {
  let body = raw;
  const transfer = tokens(headerValues(headers, 'transfer-encoding'));
  if (transfer.includes('chunked')) body = dechunk(body) ?? body;
  const encodings = tokens(headerValues(headers, 'content-encoding'));
  for (let i = encodings.length - 1; i >= 0; i--) {
    const encoding = encodings[i] as string;
    const step = await decodeOne(encoding, body, maxBytes);
    if (step.problem !== undefined)
      return { body: step.body.subarray(0, maxBytes), problem: step.problem };
    body = step.body;
  }
  return { body: body.length > maxBytes ? body.subarray(0, maxBytes) : body };
}

/**
 * Undo chunked transfer-encoding. Returns undefined when `raw` does not start with a chunk-size
 * line (the writer stored the body de-chunked). A cut body yields the chunks it has.
 */
export function dechunk(raw: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let total = 0;
  let pos = 0;
  while (pos < raw.length) {
    const lineEnd = raw.indexOf(0x0a, pos);
    if (lineEnd < 0 || lineEnd - pos > 1024) {
      if (pos === 0) return undefined;
      break;
    }
    const size = raw.toString('latin1', pos, lineEnd).split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]{1,8}$/.test(size)) {
      if (parts.length === 0 && pos === 0) return undefined;
      break;
    }
    const length = Number.parseInt(size, 16);
    if (length === 0) break;
    const start = lineEnd + 1;
    const end = Math.min(start + length, raw.length);
    parts.push(raw.subarray(start, end));
    total += end - start;
    pos = end;
    if (raw[pos] === 0x0d) pos++;
    if (raw[pos] === 0x0a) pos++;
  }
  return Buffer.concat(parts, total);
}

const IDENTITY = new Set(['', 'identity', 'none', 'utf-8', 'utf8', 'binary', '8bit', '7bit']);

function tokens(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => !IDENTITY.has(v));
}

type Codec = 'gunzip' | 'inflate' | 'inflateRaw' | 'brotli';

async function decodeOne(encoding: string, data: Buffer, maxBytes: number): Promise<DecodedBody> {
  let codec: Codec;
  if (encoding === 'gzip' || encoding === 'x-gzip') {
    if (data[0] !== 0x1f || data[1] !== 0x8b) return { body: data };
    codec = 'gunzip';
  } else if (encoding === 'deflate') {
    codec = isZlibHeader(data) ? 'inflate' : 'inflateRaw';
  } else if (encoding === 'br') {
    codec = 'brotli';
  } else {
    return { body: data, problem: `unsupported content-encoding ${encoding}` };
  }
  const decoded =
    decodeSync(codec, data, maxBytes) ?? (await decodeStreaming(codec, data, maxBytes));
  if (decoded.body.length > 0 || data.length === 0) return decoded;
  // Nothing decodes: servers that label plain HTML as compressed are common.
  if (looksLikeText(data)) return { body: data };
  return { body: decoded.body, problem: decoded.problem ?? `empty ${encoding} body` };
}

/** One synchronous call; undefined when the output would exceed the limit or the data is bad. */
function decodeSync(codec: Codec, data: Buffer, maxBytes: number): DecodedBody | undefined {
  try {
    switch (codec) {
      case 'gunzip':
        return { body: zlib.gunzipSync(data, { ...SYNC_FLUSH, maxOutputLength: maxBytes }) };
      case 'inflate':
        return { body: zlib.inflateSync(data, { ...SYNC_FLUSH, maxOutputLength: maxBytes }) };
      case 'inflateRaw':
        return { body: zlib.inflateRawSync(data, { ...SYNC_FLUSH, maxOutputLength: maxBytes }) };
      case 'brotli':
        return {
          body: zlib.brotliDecompressSync(data, {
            finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
            maxOutputLength: maxBytes,
          }),
        };
    }
  } catch {
    return undefined;
  }
}

const SYNC_FLUSH = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** Stream-decode, keeping the first `maxBytes` and whatever came out before an error. */
function decodeStreaming(codec: Codec, data: Buffer, maxBytes: number): Promise<DecodedBody> {
  const stream =
    codec === 'gunzip'
      ? zlib.createGunzip(SYNC_FLUSH)
      : codec === 'inflate'
        ? zlib.createInflate(SYNC_FLUSH)
        : codec === 'inflateRaw'
          ? zlib.createInflateRaw(SYNC_FLUSH)
          : zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let total = 0;
    let done = false;
    const finish = (problem?: string) => {
      if (done) return;
      done = true;
      stream.destroy();
      const body = Buffer.concat(parts, total);
      const cut = body.length > maxBytes ? body.subarray(0, maxBytes) : body;
      resolve(problem === undefined ? { body: cut } : { body: cut, problem });
    };
    stream.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      total += chunk.length;
      if (total >= maxBytes) finish();
    });
    stream.on('end', () => finish());
    stream.on('error', (error: Error) => finish(`${codec}: ${error.message}`));
    stream.end(data);
  });
}

function isZlibHeader(data: Buffer): boolean {
  const cmf = data[0];
  const flg = data[1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

function looksLikeText(data: Buffer): boolean {
  const sample = data.subarray(0, 512);
  let printable = 0;
  for (const byte of sample) {
    if (byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127)) printable++;
  }
  return sample.length > 0 && printable / sample.length > 0.95;
}
