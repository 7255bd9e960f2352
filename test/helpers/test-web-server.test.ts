import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { createFetcher } from '../../src/crawl/index.js';
import { generateWeb } from '../../src/generate/index.js';
import { captureFromHttp } from '../../src/ingest/http/index.js';
import { loopbackLookup } from './loopback-lookup.js';
import { comparableToTruth, loadGeneratedWeb } from './test-web-from-generate.js';
import { robotsTxt } from './test-web-routes.js';
import { startTestWeb, type TestWebServer } from './test-web-server.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(port: number, host: string, path: string, headers = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { host, ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

describe('startTestWeb', () => {
  let web: TestWebServer;
  beforeAll(async () => {
    web = await startTestWeb({
      'a.test': {
        '/': { body: 'a home' },
        '/robots.txt': robotsTxt('User-agent: *\nDisallow: /private\n'),
        '/loop1': { redirect: '/loop2' },
        '/loop2': { redirect: '/loop1', status: 308 },
        '/flaky': { body: 'finally', failFirst: 2, failStatus: 500 },
        '/slow': { body: 'slow', headersDelayMs: 100 },
      },
      'https://a.test': { '/': { body: 'a home over tls' } },
      'http://b.test': { '/': { body: 'b home', headers: [['X-Site', 'b']] } },
    });
  });
  afterAll(async () => {
    await web.close();
  });

  it('routes on the Host header, origin keys before bare hosts', async () => {
    expect((await get(web.ports.http, 'a.test', '/')).body).toBe('a home');
    expect((await get(web.ports.http, 'A.TEST:80', '/')).body).toBe('a home');
    expect((await get(web.ports.http, 'b.test', '/')).headers['x-site']).toBe('b');
    expect((await get(web.ports.http, 'c.test', '/')).status).toBe(404);
    expect((await get(web.ports.http, 'a.test', '/nope')).status).toBe(404);
    const f = createFetcher({ userAgent: 't', connect: web.connect, dialPort: web.dialPort });
    const tls = await f.fetch('https://a.test/');
    const plainOnly = await f.fetch('https://b.test/');
    await f.close();
    expect(tls.ok && Buffer.from(tls.response.body).toString()).toBe('a home over tls');
    expect(plainOnly.ok && plainOnly.response.status).toBe(404);
  });

  it('serves robots.txt, redirect loops and failures before success', async () => {
    const robots = await get(web.ports.http, 'a.test', '/robots.txt');
    expect(robots.headers['content-type']).toBe('text/plain');
    expect(robots.body).toContain('Disallow: /private');
    const loop1 = await get(web.ports.http, 'a.test', '/loop1');
    const loop2 = await get(web.ports.http, 'a.test', '/loop2');
    expect([loop1.status, loop1.headers.location, loop2.status, loop2.headers.location]).toEqual([
      301,
      '/loop2',
      308,
      '/loop1',
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await get(web.ports.http, 'a.test', '/flaky')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('logs every request and counts what is in flight per host', async () => {
    const before = web.log.length;
    await Promise.all([1, 2, 3].map(() => get(web.ports.http, 'a.test', '/slow')));
    const entries = web.log.slice(before);
    expect(entries.map((e) => [e.host, e.path, e.method, e.origin])).toEqual(
      Array(3).fill(['a.test', '/slow', 'GET', 'http://a.test']),
    );
    expect(entries.every((e) => e.endedAt !== undefined && e.endedAt >= e.startedAt)).toBe(true);
    expect(web.maxInFlight('a.test')).toBe(3);
    expect(web.requests('b.test').every((e) => e.host === 'b.test')).toBe(true);
  });

  it('lists URLs requested more than once', async () => {
    expect(web.fetchedTwice()).toContain('http://a.test/flaky');
    expect(web.fetchedTwice()).not.toContain('http://a.test/loop1');
  });

  it('swaps the whole web with setWeb', async () => {
    web.setWeb({ 'a.test': { '/': { body: 'new' } } });
    expect((await get(web.ports.http, 'a.test', '/')).body).toBe('new');
    expect((await get(web.ports.http, 'b.test', '/')).status).toBe(404);
  });
});

describe('loopbackLookup', () => {
  it('resolves every name to loopback, some to other addresses, and fails the listed ones', async () => {
    const lookup = loopbackLookup({ 'b.test': '127.0.0.2' }, ['gone.test']);
    const one = (name: string, all: boolean) =>
      new Promise((resolve) =>
        lookup(name, { all }, (err, address) => resolve(err === null ? address : err.code)),
      );
    expect(await one('anything.example', false)).toBe('127.0.0.1');
    expect(await one('B.test', true)).toEqual([{ address: '127.0.0.2', family: 4 }]);
    expect(await one('gone.test', false)).toBe('ENOTFOUND');
  });
});

describe('loadGeneratedWeb', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-testweb-'));
    await generateWeb({ outDir: dir, pages: 80, seed: 11, snapshots: 2 });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("serves a generated snapshot so fetched captures equal the generator's ground truth", async () => {
    const [first, second] = await loadGeneratedWeb(dir);
    if (first === undefined || second === undefined) throw new Error('two snapshots expected');
    const truth = readFileSync(join(dir, 'truth.captures.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Capture)
      .slice(0, first.urls.length);
    expect(truth.map((c) => c.url)).toEqual(first.urls);
    const web = await startTestWeb(first.web);
    const f = createFetcher({ userAgent: 't', connect: web.connect, dialPort: web.dialPort });
    try {
      for (const expected of truth) {
        const o = await f.fetch(expected.url);
        if (!o.ok) throw new Error(`${expected.url}: ${o.message}`);
        expect(comparableToTruth(captureFromHttp(o.response)), expected.url).toEqual(
          comparableToTruth(expected),
        );
      }
      expect(Object.keys(second.web).length).toBeGreaterThanOrEqual(Object.keys(first.web).length);
      expect(second.urls.length).toBeGreaterThan(0);
    } finally {
      await f.close();
      await web.close();
    }
  });
});
