import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { startTestWeb, type TestWebServer } from '../../../test/helpers/test-web-server.js';
import { captureFromHttp } from '../../ingest/http/index.js';
import type { ArchiveItem } from '../../ingest/types.js';
import { getField, readWarc, readWarcRecords, type WarcRecord } from '../../ingest/warc/index.js';
import { sha1Digest } from '../../warc/index.js';
import { createFetcher } from '../fetch/create-fetcher.js';
import type { FetchedResponse, Fetcher } from '../types.js';
import { CrawlWarcWriter } from './crawl-warc-writer.js';

const links = (n: number) =>
  `<html><head><title>P${n}</title></head><body>${Array.from(
    { length: n },
    (_, i) => `<a href="/p${i}" rel="${i % 2 ? 'nofollow' : ''}">link ${i}</a>`,
  ).join(' ')}<a href="https://other.test/x">out</a></body></html>`;
const CP1251 = iconv.encode(
  '<html><head><meta charset="windows-1251"><title>Страница</title></head><body><a href="/ru">ссылка</a></body></html>',
  'windows-1251',
);

const URLS = [
  'http://a.test/',
  'https://a.test/gz',
  'http://a.test/br',
  'http://a.test/chunked',
  'http://a.test/moved',
  'http://a.test/missing',
  'http://a.test/png',
  'http://a.test/ru',
  'http://a.test/huge',
  'http://b.test/?q=1',
];

let web: TestWebServer;
let fetcher: Fetcher;
let dir: string;
let fetched: FetchedResponse[];

beforeAll(async () => {
  web = await startTestWeb(
    {
      'a.test': {
        '/': { body: links(5) },
        '/gz': { body: links(20), encoding: 'gzip' },
        '/br': { body: links(8), encoding: 'br' },
        '/chunked': { body: links(30), chunked: true, drip: { bytes: 100, everyMs: 0 } },
        '/moved': { redirect: 'https://a.test/elsewhere' },
        '/missing': { status: 404, body: links(2) },
        '/png': { body: Buffer.from('89504e470d0a1a0a', 'hex'), contentType: 'image/png' },
        '/ru': { body: CP1251, contentType: 'text/html' },
        '/huge': { streamBytes: 3 * 1024 * 1024, chunked: true },
        '/etag': { body: links(3), etag: '"e1"' },
      },
      'b.test': { '/?q=1': { body: links(4), headers: [['X-Robots-Tag', 'noindex']] } },
    },
    { ips: { 'b.test': '127.0.0.2' } },
  );
  fetcher = createFetcher({
    userAgent: 'linkgap-test/1.0',
    connect: web.connect,
    dialPort: web.dialPort,
    maxBodyBytes: 1024 * 1024,
  });
  fetched = [];
  for (const url of URLS) {
    const o = await fetcher.fetch(url);
    if (!o.ok) throw new Error(`${url}: ${o.message}`);
    fetched.push(o.response);
  }
  dir = await mkdtemp(join(tmpdir(), 'linkgap-warc-'));
});

afterAll(async () => {
  await fetcher.close();
  await web.close();
  await rm(dir, { recursive: true, force: true });
});

async function items(files: string[]): Promise<ArchiveItem[]> {
  const out: ArchiveItem[] = [];
  for (const f of files) for await (const item of readWarc(createReadStream(f))) out.push(item);
  return out;
}

async function records(file: string): Promise<WarcRecord[]> {
  const out: WarcRecord[] = [];
  for await (const r of readWarcRecords(createReadStream(file), { maxBlockBytes: 64 << 20 })) {
    if (r.kind === 'error') throw new Error(r.message);
    out.push(r);
  }
  return out;
}

describe('CrawlWarcWriter', () => {
  it('round-trips: readWarc gives back the captures of the fetched responses', async () => {
    const writer = new CrawlWarcWriter({ dir: join(dir, 'round-trip') });
    for (const r of fetched) await writer.write(r);
    await writer.close();
    const read = (await items(writer.files)).filter((i) => i.kind === 'http');
    expect(read).toHaveLength(fetched.length);
    for (const [i, r] of fetched.entries()) {
      const item = read[i];
      if (item?.kind !== 'http') throw new Error('expected an http item');
      expect(captureFromHttp(item.input), r.url).toEqual(captureFromHttp(r));
      expect(item.payloadDigest).toBe(sha1Digest(r.rawBody));
    }
    const capture = (url: string) => captureFromHttp(fetched[URLS.indexOf(url)] as FetchedResponse);
    expect(capture('http://a.test/').links.length).toBe(6);
    expect(capture('http://a.test/moved').redirect_location).toBe('https://a.test/elsewhere');
    expect(capture('http://b.test/?q=1').ip).toBe('127.0.0.2');
    expect(capture('http://a.test/ru').title).toBe('Страница');
  });

  it('writes warcinfo, then linked request/response pairs with digests and the IP', async () => {
    const writer = new CrawlWarcWriter({
      dir: join(dir, 'fields'),
      warcinfo: [['http-header-user-agent', 'linkgap-test/1.0']],
      now: () => Date.UTC(2026, 11, 4, 10, 11, 12),
    });
    const result = await writer.write(fetched[9] as FetchedResponse);
    const huge = await writer.write(fetched[8] as FetchedResponse);
    await writer.close();
    const [file] = writer.files;
    expect(basename(file as string)).toBe('linkgap-crawl-20261204101112-00000.warc.gz');
    const [info, request, response, , cut] = await records(file as string);
    const f = (r: WarcRecord | undefined, name: string) => getField(r?.fields ?? [], name);
    expect(f(info, 'WARC-Type')).toBe('warcinfo');
    expect(info?.block.toString()).toContain('http-header-user-agent: linkgap-test/1.0');
    expect(f(request, 'WARC-Type')).toBe('request');
    expect(f(response, 'WARC-Type')).toBe('response');
    expect(f(response, 'WARC-Record-ID')).toBe(result.recordId);
    expect(f(request, 'WARC-Concurrent-To')).toBe(f(response, 'WARC-Record-ID'));
    expect(f(response, 'WARC-Concurrent-To')).toBe(f(request, 'WARC-Record-ID'));
    expect(f(request, 'WARC-Warcinfo-ID')).toBe(f(info, 'WARC-Record-ID'));
    expect(f(response, 'WARC-IP-Address')).toBe('127.0.0.2');
    expect(f(response, 'WARC-Target-URI')).toBe('http://b.test/?q=1');
    expect(f(response, 'WARC-Date')).toBe(fetched[9]?.fetchedAt);
    for (const r of [request, response])
      expect(f(r, 'WARC-Block-Digest')).toBe(sha1Digest(r?.block as Buffer));
    expect(request?.block.toString()).toMatch(/^GET \/\?q=1 HTTP\/1\.1\r\nhost: b\.test\r\n/);
    expect(f(cut, 'WARC-Truncated')).toBe('length');
    const head = cut?.block.subarray(0, cut.block.indexOf('\r\n\r\n')).toString() ?? '';
    expect(head).not.toMatch(/transfer-encoding/i);
    expect(head).toContain(`Content-Length: ${1024 * 1024}`);
    expect(huge.length).toBeGreaterThan(0);
  });

  it('is readable by warcio (a third-party reader), digests checked', async () => {
    const writer = new CrawlWarcWriter({ dir: join(dir, 'warcio') });
    for (const r of fetched) await writer.write(r);
    await writer.close();
    const types: string[] = [];
    for await (const record of new WARCParser(createReadStream(writer.files[0] as string), {
      parseHttp: false,
    })) {
      const block = Buffer.from(await record.readFully());
      types.push(record.warcType ?? '');
      if (record.warcType !== 'warcinfo')
        expect(record.warcHeader('warc-block-digest')).toBe(sha1Digest(block));
    }
    expect(types).toEqual(['warcinfo', ...fetched.flatMap(() => ['request', 'response'])]);
  });

  it('writes a 304 as a server-not-modified revisit of the earlier response', async () => {
    const writer = new CrawlWarcWriter({ dir: join(dir, 'revisit') });
    const first = await fetcher.fetch('http://a.test/etag');
    const again = await fetcher.fetch('http://a.test/etag', { validators: { etag: '"e1"' } });
    if (!first.ok || !again.ok) throw new Error('fetch failed');
    expect(again.response.status).toBe(304);
    const original = await writer.write(first.response);
    const revisit = await writer.write(again.response, {
      revisitOf: {
        url: first.response.url,
        date: first.response.fetchedAt,
        recordId: original.recordId,
        payloadDigest: original.payloadDigest,
      },
    });
    await writer.close();
    expect(revisit.payloadDigest).toBe(original.payloadDigest);
    const read = await items(writer.files);
    expect(read.map((i) => i.kind)).toEqual(['skipped', 'skipped', 'http', 'skipped', 'revisit']);
    expect(read[4]).toMatchObject({
      kind: 'revisit',
      url: 'http://a.test/etag',
      status: 304,
      payloadDigest: original.payloadDigest,
      refersToUri: 'http://a.test/etag',
      refersToDate: first.response.fetchedAt,
    });
    const recs = await records(writer.files[0] as string);
    expect(getField(recs[4]?.fields ?? [], 'WARC-Profile')).toBe(
      'http://netpreserve.org/warc/1.1/revisit/server-not-modified',
    );
    expect(getField(recs[4]?.fields ?? [], 'WARC-Refers-To')).toBe(original.recordId);
  });

  it('rolls files at maxFileBytes, each opened by its own warcinfo', async () => {
    const writer = new CrawlWarcWriter({ dir: join(dir, 'roll'), maxFileBytes: 6000 });
    const small = fetched.filter((r) => r.rawBody.length < 20_000);
    await Promise.all(small.map((r) => writer.write(r)));
    await writer.close();
    expect(writer.files.length).toBeGreaterThan(1);
    const infoIds = new Set<string>();
    const urls: string[] = [];
    for (const file of writer.files) {
      expect(basename(file)).toMatch(/^linkgap-crawl-\d{14}-\d{5}\.warc\.gz$/);
      const recs = await records(file);
      const info = recs[0];
      expect(getField(info?.fields ?? [], 'WARC-Type')).toBe('warcinfo');
      expect(getField(info?.fields ?? [], 'WARC-Filename')).toBe(basename(file));
      const infoId = getField(info?.fields ?? [], 'WARC-Record-ID') as string;
      infoIds.add(infoId);
      for (const r of recs.slice(1)) {
        expect(getField(r.fields, 'WARC-Warcinfo-ID')).toBe(infoId);
        if (getField(r.fields, 'WARC-Type') === 'response')
          urls.push(getField(r.fields, 'WARC-Target-URI') as string);
      }
      // Only a file's first fetch may take it past the limit.
      if (recs.length > 3) expect(readFileSync(file).length).toBeLessThanOrEqual(6000);
    }
    expect(infoIds.size).toBe(writer.files.length);
    expect(urls).toEqual(small.map((r) => r.url));
  });

  it('appends in call order, and close waits for writes not awaited', async () => {
    const writer = new CrawlWarcWriter({ dir: join(dir, 'order'), gzipLevel: 9 });
    const order = [fetched[8], fetched[0], fetched[9], fetched[8]] as FetchedResponse[];
    for (const r of order) void writer.write(r);
    await writer.close();
    expect(writer.files).toHaveLength(1);
    const read = (await items(writer.files)).filter((i) => i.kind === 'http');
    expect(read.map((i) => (i.kind === 'http' ? i.input.url : ''))).toEqual(
      order.map((r) => r.url),
    );
  });

  it('leaves only complete gzip members on disk after every write', async () => {
    const writer = new CrawlWarcWriter({ dir: join(dir, 'complete') });
    for (const r of fetched.slice(0, 4)) {
      await writer.write(r);
      const read = await items(writer.files);
      expect(read.filter((i) => i.kind === 'error')).toEqual([]);
    }
    await writer.close();
  });
});
