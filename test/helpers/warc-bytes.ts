/**
 * Hand-built WARC bytes for tests and benchmarks: records, HTTP messages, chunked bodies, and
 * the three stored layouts (plain, gzip per record, whole-file gzip).
 */
import zlib from 'node:zlib';

/** One record to write. `fields` follow WARC-Type; Content-Length is added. */
export interface RecordSpec {
  version?: string;
  type: string;
  fields?: Array<[string, string]>;
  block?: Uint8Array | string;
}

/** The bytes of one record, including the trailing CRLF CRLF. */
export function warcRecord(spec: RecordSpec): Buffer {
  const block = toBytes(spec.block ?? '');
  const head = [
    spec.version ?? 'WARC/1.0',
    `WARC-Type: ${spec.type}`,
    ...(spec.fields ?? []).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

/** The usual fields of a capture record. */
export function captureFields(
  url: string,
  date = '2024-05-17T23:31:22Z',
  extra: Array<[string, string]> = [],
): Array<[string, string]> {
  return [
    ['WARC-Target-URI', url],
    ['WARC-Date', date],
    [
      'WARC-Record-ID',
      `<urn:uuid:${url.length.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000>`,
    ],
    ...extra,
  ];
}

/** An HTTP response message (status line, headers, blank line, body). */
export function httpResponse(
  status: number,
  headers: Array<[string, string]>,
  body: Uint8Array | string = '',
): Buffer {
  const head = [
    `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`,
    ...headers.map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), toBytes(body)]);
}

/** `body` in chunked transfer-encoding, cut into chunks of `size` bytes. */
export function chunked(body: Uint8Array | string, size: number): Buffer {
  const bytes = toBytes(body);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size);
    parts.push(Buffer.from(`${chunk.length.toString(16)};ext=1\r\n`), chunk, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** Records gzipped one member each, with the member offsets. */
export function gzipPerRecord(records: Buffer[]): { bytes: Buffer; offsets: number[] } {
  const offsets: number[] = [];
  const members: Buffer[] = [];
  let offset = 0;
  for (const record of records) {
    const member = zlib.gzipSync(record);
    offsets.push(offset);
    members.push(member);
    offset += member.length;
  }
  return { bytes: Buffer.concat(members), offsets };
}

/** Plain concatenation with the record offsets. */
export function plainFile(records: Buffer[]): { bytes: Buffer; offsets: number[] } {
  const offsets: number[] = [];
  let offset = 0;
  for (const record of records) {
    offsets.push(offset);
    offset += record.length;
  }
  return { bytes: Buffer.concat(records), offsets };
}

/** Feed `bytes` as an async source in chunks of `size` bytes. */
export async function* chunksOf(bytes: Uint8Array, size = 65536): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Collect an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function toBytes(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
}
