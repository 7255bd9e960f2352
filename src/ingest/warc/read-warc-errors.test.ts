import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  captureFields,
  chunksOf,
  collect,
  gzipPerRecord,
  httpResponse,
  plainFile,
  warcRecord,
} from '../../../test/helpers/warc-bytes.js';
import type { ArchiveItem } from '../types.js';
import { readWarc } from './read-warc.js';

function page(n: number, body: Uint8Array | string = `<p>page ${n}</p>`): Buffer {
  return warcRecord({
    type: 'response',
    fields: captureFields(`http://example.com/${n}`),
    block: httpResponse(200, [['Content-Type', 'text/html']], body),
  });
}

function pages(count: number): Buffer[] {
  return Array.from({ length: count }, (_, n) => page(n));
}

/** Deterministic incompressible bytes. */
function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function summary(items: ArchiveItem[]): Array<[string, number, number]> {
  return items.map((i) => [i.kind, i.index, i.offset]);
}

describe('readWarc on damaged input', () => {
  it('reports a corrupt gzip member once and reads the members after it', async () => {
    const file = gzipPerRecord(pages(5));
    const bytes = Buffer.from(file.bytes);
    const start = file.offsets[2] as number;
    const end = file.offsets[3] as number;
    for (let i = start + 14; i < end - 10; i += 3) bytes[i] = (bytes[i] as number) ^ 0x5a;
    const items = await collect(readWarc(chunksOf(bytes, 1000)));
    expect(summary(items)).toEqual([
      ['http', 0, file.offsets[0]],
      ['http', 1, file.offsets[1]],
      ['error', 2, start],
      ['http', 3, file.offsets[3]],
      ['http', 4, file.offsets[4]],
    ]);
    expect(items[2]).toMatchObject({ message: expect.stringContaining('corrupt gzip member') });
  });

  it('catches a flipped byte that still inflates, by its CRC', async () => {
    const file = gzipPerRecord([page(0, 'a'.repeat(50)), page(1), page(2)]);
    const bytes = Buffer.from(file.bytes);
    const member = zlib.gzipSync(page(0, 'a'.repeat(50)));
    // Flip the last byte of the deflate data: the stream usually still ends cleanly.
    const at = (file.offsets[0] as number) + member.length - 9;
    bytes[at] = (bytes[at] as number) ^ 0x01;
    const items = await collect(readWarc(chunksOf(bytes)));
    expect(items.map((i) => i.kind)).toEqual(['error', 'http', 'http']);
    expect(items[0]?.offset).toBe(0);
  });

  it('resynchronises after a member whose gzip header is destroyed', async () => {
    const file = gzipPerRecord(pages(4));
    const bytes = Buffer.from(file.bytes);
    bytes.fill(0x41, file.offsets[1], (file.offsets[1] as number) + 4);
    const items = await collect(readWarc(chunksOf(bytes)));
    expect(summary(items)).toEqual([
      ['http', 0, file.offsets[0]],
      ['error', 1, file.offsets[1]],
      ['http', 2, file.offsets[2]],
      ['http', 3, file.offsets[3]],
    ]);
  });

  it('reports a member that inflates to something other than a record', async () => {
    const records = pages(3);
    records[1] = Buffer.from('this is not a WARC record\r\n\r\n');
    const file = gzipPerRecord(records);
    const items = await collect(readWarc(chunksOf(file.bytes)));
    expect(summary(items)).toEqual([
      ['http', 0, file.offsets[0]],
      ['error', 1, file.offsets[1]],
      ['http', 2, file.offsets[2]],
    ]);
  });

  it('ends a gzip file cut inside its last member with one error', async () => {
    const file = gzipPerRecord(pages(3));
    const cut = file.bytes.subarray(0, (file.offsets[2] as number) + 30);
    const items = await collect(readWarc(chunksOf(cut)));
    expect(summary(items)).toEqual([
      ['http', 0, file.offsets[0]],
      ['http', 1, file.offsets[1]],
      ['error', 2, file.offsets[2]],
    ]);
    expect(items[2]).toMatchObject({ message: expect.stringContaining('truncated') });
  });

  it('ends a plain file cut inside its last record with one error', async () => {
    const file = plainFile(pages(3));
    for (const extra of [5, 60, 150]) {
      const cut = file.bytes.subarray(0, (file.offsets[2] as number) + extra);
      const items = await collect(readWarc(chunksOf(cut, 64)));
      expect(summary(items)).toEqual([
        ['http', 0, file.offsets[0]],
        ['http', 1, file.offsets[1]],
        ['error', 2, file.offsets[2]],
      ]);
    }
  });

  it('resynchronises a plain file on the next WARC/ line after a garbled record', async () => {
    const file = plainFile(pages(4));
    const bytes = Buffer.from(file.bytes);
    bytes.write('XXXX/1.0', file.offsets[1] as number);
    const items = await collect(readWarc(chunksOf(bytes, 50)));
    expect(summary(items)).toEqual([
      ['http', 0, file.offsets[0]],
      ['error', 1, file.offsets[1]],
      ['http', 2, file.offsets[2]],
      ['http', 3, file.offsets[3]],
    ]);
  });

  it('survives a Content-Length that is too short', async () => {
    const records = pages(3);
    records[1] = Buffer.from(
      records[1]?.toString('latin1').replace(/Content-Length: \d+/, 'Content-Length: 20') ?? '',
      'latin1',
    );
    const file = plainFile(records);
    const items = await collect(readWarc(chunksOf(file.bytes)));
    expect(items.map((i) => i.kind)).toEqual(['http', 'http', 'error', 'http']);
    expect(items[3]?.offset).toBe(file.offsets[2]);
  });

  it('skips zero padding after the last member and reads nothing from an empty source', async () => {
    const file = gzipPerRecord(pages(2));
    const padded = Buffer.concat([file.bytes, Buffer.alloc(512)]);
    expect((await collect(readWarc(chunksOf(padded)))).map((i) => i.kind)).toEqual([
      'http',
      'http',
    ]);
    expect(await collect(readWarc(chunksOf(Buffer.alloc(0))))).toEqual([]);
  });

  it('reports a file of garbage once', async () => {
    const items = await collect(readWarc(chunksOf(noise(100_000))));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'error', index: 0, offset: 0 });
  });

  it('turns unparseable HTTP blocks and bad dates into errors and goes on', async () => {
    const records = [
      warcRecord({
        type: 'response',
        fields: captureFields('http://a.com/'),
        block: 'HTTP/1.1 abc\r\n\r\n',
      }),
      warcRecord({ type: 'response', fields: captureFields('http://a.com/'), block: '<html>' }),
      warcRecord({
        type: 'response',
        fields: captureFields('http://a.com/', 'yesterday'),
        block: httpResponse(200, []),
      }),
      page(3),
    ];
    const items = await collect(readWarc(chunksOf(plainFile(records).bytes)));
    expect(items.map((i) => i.kind)).toEqual(['error', 'error', 'error', 'http']);
  });

  it('rejects a 2xx body no encoding can be undone for, but keeps a 404', async () => {
    const broken = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]),
      noise(200),
    ]);
    const records = [200, 404].map((status) =>
      warcRecord({
        type: 'response',
        fields: captureFields('http://a.com/'),
        block: httpResponse(status, [['Content-Encoding', 'gzip']], broken),
      }),
    );
    const items = await collect(readWarc(chunksOf(plainFile(records).bytes)));
    expect(items.map((i) => i.kind)).toEqual(['error', 'http']);
  });
});

describe('readWarc on large records', () => {
  it('cuts bodies at maxBodyBytes and keeps the capture', async () => {
    const big = 'x'.repeat(10_000);
    const items = await collect(readWarc(chunksOf(page(0, big)), { maxBodyBytes: 1000 }));
    expect(items[0]?.kind === 'http' && items[0].input.body.toString()).toBe('x'.repeat(1000));
  });

  it('caps a content-encoded body that expands past the limit', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(20_000_000));
    const record = warcRecord({
      type: 'response',
      fields: captureFields('http://a.com/'),
      block: httpResponse(200, [['Content-Encoding', 'gzip']], bomb),
    });
    const items = await collect(readWarc(chunksOf(record), { maxBodyBytes: 100_000 }));
    expect(items[0]?.kind === 'http' && items[0].input.body.length).toBe(100_000);
  });

  it('streams a member larger than the fast-path limit and keeps the offsets after it', async () => {
    const records = [page(0), page(1, noise(3_000_000)), page(2)];
    const file = gzipPerRecord(records);
    const items = await collect(readWarc(chunksOf(file.bytes), { maxBodyBytes: 1000 }));
    expect(summary(items)).toEqual([
      ['http', 0, file.offsets[0]],
      ['http', 1, file.offsets[1]],
      ['http', 2, file.offsets[2]],
    ]);
    expect(items[1]?.kind === 'http' && items[1].input.body.length).toBe(1000);
  });

  it('streams a large whole-file gzip', async () => {
    const records = Array.from({ length: 40 }, (_, n) => page(n, noise(100_000, n + 1)));
    const bytes = zlib.gzipSync(Buffer.concat(records));
    const items = await collect(readWarc(chunksOf(bytes), { maxBodyBytes: 50 }));
    expect(items).toHaveLength(40);
    expect(items.every((i) => i.kind === 'http' && i.offset === 0)).toBe(true);
  });

  it('reports a cut whole-file gzip once', async () => {
    const records = Array.from({ length: 40 }, (_, n) => page(n, noise(100_000, n + 1)));
    const bytes = zlib.gzipSync(Buffer.concat(records));
    const items = await collect(
      readWarc(chunksOf(bytes.subarray(0, 2_500_000)), { maxBodyBytes: 50 }),
    );
    expect(items.slice(0, -1).every((i) => i.kind === 'http')).toBe(true);
    expect(items.at(-1)).toMatchObject({ kind: 'error', offset: 0 });
  });

  it('reports corruption inside a streamed member and reads the members after it', async () => {
    const records = [page(0, noise(3_000_000)), page(1)];
    const file = gzipPerRecord(records);
    const bytes = Buffer.from(file.bytes);
    for (let i = 1_000_000; i < 1_000_400; i++) bytes[i] = 0xff;
    const items = await collect(readWarc(chunksOf(bytes), { maxBodyBytes: 1000 }));
    expect(items.at(-1)).toMatchObject({ kind: 'http', offset: file.offsets[1] });
    expect(items.filter((i) => i.kind === 'error')).toHaveLength(1);
  });
});
