import { createServer } from 'node:net';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWeb, type TestWebServer } from '../../../test/helpers/test-web-server.js';
import { captureFromHttp } from '../../ingest/http/index.js';
import type { FetchedResponse, FetchOutcome } from '../types.js';
import { parseConnectTo } from './connect-to.js';
import { createFetcher, type FetcherOptions } from './create-fetcher.js';

const PAGE = '<html><head><title>A</title></head><body><a href="/next">next</a></body></html>';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);
const CP1251 = iconv.encode(
  '<html><head><meta charset="windows-1251"><title>Привет</title></head><body>мир</body></html>',
  'windows-1251',
);
const MIB = 1024 * 1024;

let web: TestWebServer;
let retryAfterCalls = 0;

beforeAll(async () => {
  web = await startTestWeb(
    {
      'a.test': {
        '/': {
          body: PAGE,
          headers: [
            ['X-One', '1'],
            ['x-two', '2'],
          ],
        },
        '/gz': { body: PAGE, encoding: 'gzip' },
        '/br': { body: PAGE, encoding: 'br' },
        '/deflate': { body: PAGE, encoding: 'deflate' },
        '/chunked': { body: PAGE, chunked: true, drip: { bytes: 10, everyMs: 1 } },
        '/moved': { redirect: '/', status: 302 },
        '/slow-head': { body: PAGE, headersDelayMs: 5000 },
        '/hang-head': { hang: 'before-headers' },
        '/hang-body': { body: PAGE, hang: 'mid-body' },
        '/drip': { body: 'x'.repeat(4000), drip: { bytes: 1, everyMs: 20 } },
        '/huge': { streamBytes: 20 * MIB, contentType: 'application/octet-stream' },
        '/huge-chunked': { streamBytes: 20 * MIB, chunked: true },
        '/png': { body: PNG, contentType: 'image/png' },
        '/cp1251': { body: CP1251, contentType: 'text/html' },
        '/etag': { body: PAGE, etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' },
        '/flaky': { body: PAGE, failFirst: 2 },
        '/down': { failFirst: 1000, failStatus: 502 },
        '/missing': { status: 404, body: 'gone' },
        '/garbage': (_req, res) => {
          res.socket?.end('NOT-HTTP garbage\r\n\r\n');
        },
        '/retry-after': (_req, res) => {
          retryAfterCalls++;
          if (retryAfterCalls === 1) res.writeHead(503, { 'Retry-After': '7' }).end();
          else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        },
      },
      'b.test': { '/': { body: PAGE } },
    },
    { ips: { 'b.test': '127.0.0.2' }, unresolvable: ['nowhere.test'] },
  );
});

afterAll(async () => {
  await web.close();
});

function fetcher(extra: Partial<FetcherOptions> = {}) {
  return createFetcher({
    userAgent: 'linkgap-test/1.0',
    connect: web.connect,
    dialPort: web.dialPort,
    backoffMs: 1,
    ...extra,
  });
}

async function ok(o: FetchOutcome): Promise<FetchedResponse> {
  if (!o.ok) throw new Error(`expected a response, got ${o.errorClass}: ${o.message}`);
  return o.response;
}

describe('createFetcher', () => {
  it('GETs with our headers and returns head, body, IP and the request as sent', async () => {
    const f = fetcher({ now: () => Date.UTC(2026, 11, 4, 10, 11, 12, 999) });
    const r = await ok(await f.fetch('http://a.test/'));
    await f.close();
    expect(r.status).toBe(200);
    expect(r.statusText).toBe('OK');
    expect(r.fetchedAt).toBe('2026-12-04T10:11:12Z');
    expect(Buffer.from(r.body).toString()).toBe(PAGE);
    expect(r.ip).toBe('127.0.0.1');
    expect(r.truncated).toBe(false);
    expect(r.headers.slice(0, 3)).toEqual([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['X-One', '1'],
      ['x-two', '2'],
    ]);
    const seen = web.requests('a.test').at(-1);
    expect(seen?.headers['user-agent']).toBe('linkgap-test/1.0');
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(r.request.method).toBe('GET');
    expect(r.request.headers.slice(0, 3)).toEqual([
      ['host', 'a.test'],
      ['connection', 'keep-alive'],
      ['User-Agent', 'linkgap-test/1.0'],
    ]);
  });

  it('reads the server IP from the socket (a host resolved to 127.0.0.2)', async () => {
    const f = fetcher();
    const [a, b] = await Promise.all([f.fetch('http://a.test/'), f.fetch('https://b.test/')]);
    await f.close();
    expect((await ok(a)).ip).toBe('127.0.0.1');
    expect((await ok(b)).ip).toBe('127.0.0.2');
    expect(web.requests('b.test').at(-1)?.ip).toBe('127.0.0.2');
  });

  it('dials where --connect-to rules say, without a lookup', async () => {
    const rules = web.connectTo.map((spec) => {
      const r = parseConnectTo(spec);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    });
    const f = createFetcher({
      userAgent: 'linkgap-test/1.0',
      connect: { rejectUnauthorized: false },
      connectTo: rules,
    });
    const a = await ok(await f.fetch('https://a.test/'));
    const b = await ok(await f.fetch('http://b.test/'));
    await f.close();
    expect([a.status, a.ip, b.status, b.ip]).toEqual([200, '127.0.0.1', 200, '127.0.0.2']);
    expect(web.requests('a.test').at(-1)?.origin).toBe('https://a.test');
  });

  it('keeps one connection alive per origin', async () => {
    const f = fetcher();
    const before = web.log.length;
    for (let i = 0; i < 3; i++) await ok(await f.fetch('http://a.test/'));
    await f.close();
    const ids = new Set(web.log.slice(before).map((e) => e.connection));
    expect(ids.size).toBe(1);
  });

  it('undoes gzip, br and deflate into body and keeps rawBody as transferred', async () => {
    const f = fetcher();
    for (const path of ['/gz', '/br', '/deflate', '/chunked']) {
      const r = await ok(await f.fetch(`https://a.test${path}`));
      expect(Buffer.from(r.body).toString(), path).toBe(PAGE);
    }
    const gz = await ok(await f.fetch('http://a.test/gz'));
    await f.close();
    expect(gunzipSync(gz.rawBody).toString()).toBe(PAGE);
    expect(gz.rawBody.length).not.toBe(gz.body.length);
  });

  it('returns a redirect as is, without following it', async () => {
    const f = fetcher();
    const o = await f.fetch('http://a.test/moved');
    await f.close();
    const r = await ok(o);
    expect(r.status).toBe(302);
    expect(r.headers).toContainEqual(['Location', '/']);
    expect(captureFromHttp({ ...r, body: r.body }).redirect_location).toBe('http://a.test/');
  });

  it('sends If-None-Match / If-Modified-Since and returns the 304', async () => {
    const f = fetcher();
    const full = await ok(await f.fetch('http://a.test/etag'));
    expect(full.status).toBe(200);
    const again = await ok(
      await f.fetch('http://a.test/etag', {
        validators: { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' },
      }),
    );
    const byDate = await ok(
      await f.fetch('http://a.test/etag', {
        validators: { lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' },
      }),
    );
    await f.close();
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(byDate.status).toBe(304);
    const sent = web.requests('a.test').at(-2)?.headers;
    expect(sent?.['if-none-match']).toBe('"v1"');
    expect(sent?.['if-modified-since']).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
  });

  it('fetches non-HTML and non-UTF-8 pages byte for byte', async () => {
    const f = fetcher();
    const png = await ok(await f.fetch('http://a.test/png'));
    const ru = await ok(await f.fetch('http://a.test/cp1251'));
    await f.close();
    expect(Buffer.from(png.body).equals(PNG)).toBe(true);
    expect(captureFromHttp(png).links).toEqual([]);
    expect(Buffer.from(ru.body).equals(CP1251)).toBe(true);
    expect(captureFromHttp(ru).title).toBe('Привет');
  });

  it.each([
    ['/slow-head', 'a response head that comes too late'],
    ['/hang-head', 'a server that never answers'],
    ['/hang-body', 'a body that stops halfway'],
  ])('ends %s (%s) as a timeout, retried', async (path) => {
    const f = fetcher({ timeoutMs: 200, retries: 1 });
    const before = web.requests('a.test').filter((e) => e.path === path).length;
    const o = await f.fetch(`http://a.test${path}`);
    await f.close();
    expect(o).toMatchObject({ ok: false, errorClass: 'timeout', attempts: 2 });
    expect(web.requests('a.test').filter((e) => e.path === path).length - before).toBe(2);
  });

  it('ends a slow drip at the attempt deadline', async () => {
    const f = fetcher({ timeoutMs: 1000, deadlineMs: 300, retries: 0 });
    const o = await f.fetch('http://a.test/drip');
    await f.close();
    expect(o).toMatchObject({ ok: false, errorClass: 'timeout', attempts: 1 });
  });

  it('cuts a huge body at maxBodyBytes and keeps what arrived', async () => {
    const f = fetcher({ maxBodyBytes: MIB });
    const r = await ok(await f.fetch('http://a.test/huge'));
    const chunked = await ok(await f.fetch('http://a.test/huge-chunked'));
    const small = await ok(await f.fetch('http://a.test/huge', { maxBodyBytes: 1000 }));
    await f.close();
    expect(r.truncated).toBe(true);
    expect(r.rawBody.length).toBe(MIB);
    expect(r.body.length).toBe(MIB);
    expect(chunked.truncated).toBe(true);
    expect(chunked.rawBody.length).toBe(MIB);
    expect(small.rawBody.length).toBe(1000);
  });

  it("with oversize 'fail', reports too-large without retrying", async () => {
    const f = fetcher({ maxBodyBytes: MIB, oversize: 'fail' });
    const declared = await f.fetch('http://a.test/huge');
    const streamed = await f.fetch('http://a.test/huge-chunked');
    await f.close();
    expect(declared).toMatchObject({ ok: false, errorClass: 'too-large', attempts: 1 });
    expect(streamed).toMatchObject({ ok: false, errorClass: 'too-large', attempts: 1 });
  });

  it('retries a 5xx with backoff and returns the success', async () => {
    const waits: number[] = [];
    const f = fetcher({
      backoffMs: 100,
      random: () => 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const o = await f.fetch('http://a.test/flaky');
    await f.close();
    expect(o.ok && o.response.status).toBe(200);
    expect(o.attempts).toBe(3);
    expect(waits).toEqual([50, 100]);
  });

  it('returns the last 5xx as a response after the last retry', async () => {
    const f = fetcher({ retries: 3 });
    const o = await f.fetch('http://a.test/down');
    await f.close();
    expect(o.ok && o.response.status).toBe(502);
    expect(o.attempts).toBe(4);
  });

  it('honours Retry-After on a 503', async () => {
    const waits: number[] = [];
    const f = fetcher({ sleep: async (ms) => void waits.push(ms) });
    const o = await f.fetch('http://a.test/retry-after');
    await f.close();
    expect(o.ok && o.response.status).toBe(200);
    expect(waits).toEqual([7000]);
  });

  it('does not retry a 4xx', async () => {
    const f = fetcher();
    const o = await f.fetch('http://a.test/missing');
    await f.close();
    expect(o.ok && o.response.status).toBe(404);
    expect(o.attempts).toBe(1);
  });

  it('classifies failures: dns, network (retried), tls, protocol', async () => {
    const closed = await closedPort();
    const f = fetcher();
    const dns = await f.fetch('http://nowhere.test/');
    const strict = fetcher({ connect: { ...web.connect, rejectUnauthorized: true } });
    const tls = await strict.fetch('https://a.test/');
    const garbage = await f.fetch('http://a.test/garbage');
    const scheme = await f.fetch('ftp://a.test/');
    const refused = await fetcher({ dialPort: () => closed }).fetch('http://a.test/');
    await Promise.all([f.close(), strict.close()]);
    expect(dns).toMatchObject({ ok: false, errorClass: 'dns', attempts: 1 });
    expect(tls).toMatchObject({ ok: false, errorClass: 'tls', attempts: 1 });
    expect(garbage).toMatchObject({ ok: false, errorClass: 'protocol', attempts: 1 });
    expect(scheme).toMatchObject({ ok: false, errorClass: 'protocol', attempts: 0 });
    expect(refused).toMatchObject({ ok: false, errorClass: 'network', attempts: 3 });
  });

  it('rejects with the reason when the signal aborts', async () => {
    const f = fetcher();
    const ac = new AbortController();
    const pending = f.fetch('http://a.test/hang-head', { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('stop')), 50);
    await expect(pending).rejects.toThrow('stop');
    await expect(f.fetch('http://a.test/', { signal: ac.signal })).rejects.toThrow('stop');
    await f.close();
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
