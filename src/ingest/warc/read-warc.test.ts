import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import {
  captureFields,
  chunked,
  chunksOf,
  collect,
  gzipPerRecord,
  httpResponse,
  plainFile,
  warcRecord,
} from '../../../test/helpers/warc-bytes.js';
import type { ArchiveItem } from '../types.js';
import { readWarc } from './read-warc.js';

const HTML = '<html><head><title>t</title></head><body><a href="/x">x</a></body></html>';

function sampleRecords(version = 'WARC/1.0'): Buffer[] {
  return [
    warcRecord({ version, type: 'warcinfo', block: 'software: test\r\n' }),
    warcRecord({
      version,
      type: 'request',
      fields: captureFields('http://example.com/'),
      block: 'GET / HTTP/1.1\r\nHost: example.com\r\n\r\n',
    }),
    warcRecord({
      version,
      type: 'response',
      fields: captureFields('http://Example.COM:80/#top', '2024-05-17T23:31:22Z', [
        ['WARC-IP-Address', '93.184.216.34'],
        ['WARC-Payload-Digest', 'sha1:AAAA'],
      ]),
      block: httpResponse(
        200,
        [
          ['Content-Type', 'text/html'],
          ['X-Multi', 'a'],
        ],
        HTML,
      ),
    }),
    warcRecord({
      version,
      type: 'metadata',
      fields: captureFields('http://example.com/'),
      block: 'a: b',
    }),
  ];
}

function kinds(items: ArchiveItem[]): string[] {
  return items.map((i) => i.kind);
}

function httpItem(items: ArchiveItem[], index: number) {
  const item = items[index];
  if (item?.kind !== 'http') throw new Error(`item ${index} is ${item?.kind}`);
  return item;
}

describe('readWarc record types and versions', () => {
  for (const version of ['WARC/1.0', 'WARC/1.1', 'WARC/0.17']) {
    it(`reads a plain ${version} file`, async () => {
      const file = plainFile(sampleRecords(version));
      const items = await collect(readWarc(chunksOf(file.bytes)));
      expect(kinds(items)).toEqual(['skipped', 'skipped', 'http', 'skipped']);
      expect(items.map((i) => i.index)).toEqual([0, 1, 2, 3]);
      expect(items.map((i) => i.offset)).toEqual(file.offsets);
      const response = httpItem(items, 2);
      expect(response.payloadDigest).toBe('sha1:AAAA');
      expect(response.input).toEqual({
        url: 'http://example.com/',
        fetchedAt: '2024-05-17T23:31:22Z',
        ip: '93.184.216.34',
        status: 200,
        headers: [
          ['Content-Type', 'text/html'],
          ['X-Multi', 'a'],
        ],
        body: Buffer.from(HTML),
      });
    });
  }

  it('reads WARC/1.1 bracketed target URIs and fractional dates', async () => {
    const record = warcRecord({
      version: 'WARC/1.1',
      type: 'response',
      fields: [
        ['WARC-Target-URI', '<https://example.org/a?b=1>'],
        ['WARC-Date', '2024-05-17T23:31:22.987654Z'],
      ],
      block: httpResponse(404, [], 'gone'),
    });
    const [item] = await collect(readWarc(chunksOf(record)));
    expect(item?.kind === 'http' && item.input).toMatchObject({
      url: 'https://example.org/a?b=1',
      fetchedAt: '2024-05-17T23:31:22Z',
      status: 404,
    });
  });

  it('removes chunked transfer-encoding and gzip content-encoding', async () => {
    const payload = `${HTML}${'<p>filler</p>'.repeat(500)}`;
    const body = chunked(zlib.gzipSync(payload), 100);
    const headers: Array<[string, string]> = [
      ['Transfer-Encoding', 'chunked'],
      ['Content-Encoding', 'gzip'],
    ];
    const record = warcRecord({
      type: 'response',
      fields: captureFields('http://example.com/'),
      block: httpResponse(200, headers, body),
    });
    const items = await collect(readWarc(chunksOf(gzipPerRecord([record]).bytes)));
    expect(httpItem(items, 0).input.body.toString()).toBe(payload);
    expect(httpItem(items, 0).input.headers).toEqual(headers);
  });

  it('undoes deflate (zlib and raw) and br content-encodings', async () => {
    const encoders: Array<[string, (b: Buffer) => Buffer]> = [
      ['deflate', (b) => zlib.deflateSync(b)],
      ['deflate', (b) => zlib.deflateRawSync(b)],
      ['br', (b) => zlib.brotliCompressSync(b)],
    ];
    const records = encoders.map(([name, encode]) =>
      warcRecord({
        type: 'response',
        fields: captureFields('http://example.com/'),
        block: httpResponse(200, [['Content-Encoding', name]], encode(Buffer.from(HTML))),
      }),
    );
    const items = await collect(readWarc(chunksOf(plainFile(records).bytes)));
    expect(items.map((_, i) => httpItem(items, i).input.body.toString())).toEqual([
      HTML,
      HTML,
      HTML,
    ]);
  });

  it('keeps a body labelled gzip that is not gzip', async () => {
    const record = warcRecord({
      type: 'response',
      fields: captureFields('http://example.com/'),
      block: httpResponse(200, [['Content-Encoding', 'gzip']], HTML),
    });
    const items = await collect(readWarc(chunksOf(record)));
    expect(httpItem(items, 0).input.body.toString()).toBe(HTML);
  });

  it('maps revisit records with and without HTTP headers', async () => {
    const refers: Array<[string, string]> = [
      ['WARC-Refers-To-Target-URI', 'http://example.com/'],
      ['WARC-Refers-To-Date', '2024-01-01T00:00:00Z'],
      ['WARC-Payload-Digest', 'sha1:BBBB'],
      ['WARC-IP-Address', '10.0.0.1'],
    ];
    const records = [
      warcRecord({
        type: 'revisit',
        fields: captureFields('http://example.com/', '2024-02-02T02:02:02Z', refers),
        block: httpResponse(304, [['ETag', '"x"']]),
      }),
      warcRecord({ type: 'revisit', fields: captureFields('http://example.com/b'), block: '' }),
    ];
    const items = await collect(readWarc(chunksOf(gzipPerRecord(records).bytes)));
    expect(items[0]).toEqual({
      kind: 'revisit',
      index: 0,
      offset: 0,
      url: 'http://example.com/',
      fetchedAt: '2024-02-02T02:02:02Z',
      status: 304,
      ip: '10.0.0.1',
      payloadDigest: 'sha1:BBBB',
      refersToUri: 'http://example.com/',
      refersToDate: '2024-01-01T00:00:00Z',
    });
    expect(items[1]).toMatchObject({ kind: 'revisit', url: 'http://example.com/b' });
    expect(items[1]).not.toHaveProperty('status');
  });

  it('maps resource records to status 200 with their Content-Type', async () => {
    const record = warcRecord({
      type: 'resource',
      fields: [...captureFields('https://example.com/page.html'), ['Content-Type', 'text/html']],
      block: HTML,
    });
    const items = await collect(readWarc(chunksOf(record)));
    expect(httpItem(items, 0).input).toMatchObject({
      url: 'https://example.com/page.html',
      status: 200,
      headers: [['Content-Type', 'text/html']],
      body: Buffer.from(HTML),
    });
  });

  it('skips and reports records whose URL is not http(s)', async () => {
    const records = [
      warcRecord({ type: 'response', fields: captureFields('dns:example.com'), block: '1.2.3.4' }),
      warcRecord({ type: 'resource', fields: captureFields('metadata://x/y.txt'), block: 'x' }),
    ];
    const items = await collect(readWarc(chunksOf(plainFile(records).bytes)));
    expect(items).toMatchObject([
      { kind: 'skipped', reason: expect.stringContaining('dns:') },
      { kind: 'skipped', reason: expect.stringContaining('metadata:') },
    ]);
  });

  it('gives every record of a whole-file gzip the member offset 0', async () => {
    const records = sampleRecords();
    const items = await collect(readWarc(chunksOf(zlib.gzipSync(Buffer.concat(records)), 100)));
    expect(kinds(items)).toEqual(['skipped', 'skipped', 'http', 'skipped']);
    expect(items.map((i) => i.offset)).toEqual([0, 0, 0, 0]);
  });

  it('gives per-record gzip members their own offsets, whatever the chunking', async () => {
    const file = gzipPerRecord(sampleRecords());
    for (const size of [1, 7, 4096]) {
      const items = await collect(readWarc(chunksOf(file.bytes, size)));
      expect(items.map((i) => i.offset)).toEqual(file.offsets);
      expect(kinds(items)).toEqual(['skipped', 'skipped', 'http', 'skipped']);
    }
  });

  it('reads records written by warcio', async () => {
    const record = WARCRecord.create(
      {
        url: 'https://example.net/p',
        date: '2023-03-04T05:06:07Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      (async function* () {
        yield new TextEncoder().encode(HTML);
      })(),
    );
    const bytes = await WARCSerializer.serialize(record, { gzip: true });
    const items = await collect(readWarc(chunksOf(Buffer.concat([bytes, bytes]))));
    expect(kinds(items)).toEqual(['http', 'http']);
    expect(items[1]?.offset).toBe(bytes.length);
    expect(httpItem(items, 0).input).toMatchObject({
      url: 'https://example.net/p',
      fetchedAt: '2023-03-04T05:06:07Z',
      status: 200,
      body: Buffer.from(HTML),
    });
  });
});
