import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDBStore, type DuckDBLinkStore } from '../store/index.js';
import { type CrawlDeps, type CrawlOptions, MAX_CRAWL_DELAY_MS, runCrawl } from './run-crawl.js';
import type { FetchedResponse, Fetcher, FetchOutcome, RobotsRules } from './types.js';

type Page = { status?: number; html?: string; headers?: Array<[string, string]>; fail?: 'timeout' };

/** An in-memory web: URL → page; records every fetch. */
function fakeWeb(pages: Record<string, Page>) {
  const log: Array<{ url: string; conditional: boolean }> = [];
  let clock = Date.parse('2026-12-01T00:00:00Z');
  const fetcher: Fetcher = {
    async fetch(url, opts): Promise<FetchOutcome> {
      log.push({ url, conditional: opts?.validators !== undefined });
      clock += 1000;
      const p = pages[url];
      if (p?.fail !== undefined) {
        return { ok: false, errorClass: p.fail, message: 'no answer', attempts: 3 };
      }
      const etag = p?.headers?.find(([k]) => k === 'ETag')?.[1];
      const notModified = etag !== undefined && opts?.validators?.etag === etag;
      const body = new TextEncoder().encode(notModified ? '' : (p?.html ?? 'not found'));
      const response: FetchedResponse = {
        url,
        fetchedAt: new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        status: notModified ? 304 : (p?.status ?? (p === undefined ? 404 : 200)),
        headers: [['Content-Type', 'text/html; charset=utf-8'], ...(p?.headers ?? [])],
        rawBody: body,
        body,
        ip: '192.0.2.1',
        request: { method: 'GET', headers: [] },
        truncated: false,
      };
      return { ok: true, response, attempts: 1 };
    },
    async close() {},
  };
  return {
    fetcher,
    log,
    now: () => clock,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

const html = (...hrefs: string[]) =>
  `<html><head><title>t</title></head><body>${hrefs.map((h) => `<a href="${h}">${h}</a>`).join(' ')}</body></html>`;

const allowAll: RobotsRules = { isAllowed: () => true, crawlDelayMs: null, source: 'fetched' };

describe('runCrawl', () => {
  let store: DuckDBLinkStore;
  beforeEach(async () => {
    store = await createDuckDBStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  const options = (o: Partial<CrawlOptions> = {}): CrawlOptions => ({
    seeds: ['https://a.com/'],
    scope: 'domain',
    maxPages: 100,
    maxDepth: 5,
    concurrency: 4,
    perHostDelayMs: 0,
    recrawlAfterMs: null,
    ...o,
  });
  const deps = (fetcher: Fetcher, extra: Partial<CrawlDeps> = {}): CrawlDeps => ({
    store,
    fetcher,
    robots: { rulesFor: async () => allowAll },
    gate: { run: (_h, _d, task) => task() },
    archive: null,
    now: () => Date.now(),
    ...extra,
  });

  const WEB: Record<string, Page> = {
    'https://a.com/': {
      html: `${html('/one', '/two', 'https://blog.a.com/', 'https://other.org/')}<img src="/img.png">`,
    },
    'https://a.com/one': { html: html('/two', '/three') },
    'https://a.com/two': { html: html('/') },
    'https://a.com/three': { status: 301, headers: [['Location', '/four']] },
    'https://a.com/four': { html: html('/five') },
    'https://a.com/five': {
      html: '<html><head><meta name="robots" content="nofollow"></head><body><a href="/hidden">h</a></body></html>',
    },
    'https://blog.a.com/': { html: html('https://a.com/slow') },
    'https://a.com/slow': { fail: 'timeout' },
  };

  it('crawls the scope breadth first, follows redirects, stops at nofollow, records failures', async () => {
    const { fetcher, log } = fakeWeb(WEB);
    const s = await runCrawl(options(), deps(fetcher));
    const fetched = log.map((l) => l.url);
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(fetched.sort()).toEqual(
      [
        'https://a.com/',
        'https://a.com/one',
        'https://a.com/two',
        'https://a.com/three',
        'https://a.com/four',
        'https://a.com/five',
        'https://blog.a.com/',
        'https://a.com/slow',
      ].sort(),
    );
    expect(s).toMatchObject({
      fetched: 8,
      captures: 7,
      errors: { timeout: 1 },
      interrupted: false,
    });
    expect(s.statuses).toEqual({ '2xx': 6, '3xx': 1 });
    expect(s.frontier).toEqual({ queued: 0, done: 7, failed: 1, disallowed: 0 });
    const stats = await store.stats();
    expect(stats.captures).toBe(7);
    // The links are recorded even where they are not followed (nofollow page, other domain).
    await store.build();
    const links: string[] = [];
    await store.exportLinks('ndjson', null, (l) => {
      const r = JSON.parse(l) as { url_from: string; url_to: string };
      links.push(`${r.url_from} ${r.url_to}`);
    });
    expect(links).toContain('https://a.com/five https://a.com/hidden');
    expect(links).toContain('https://a.com/ https://other.org/');
    expect(links).toContain('https://a.com/three https://a.com/four');
  });

  it('keeps to max depth and max pages, and a second run of the same crawl fetches nothing again', async () => {
    const { fetcher, log } = fakeWeb(WEB);
    const shallow = await runCrawl(options({ maxDepth: 1, maxPages: 3 }), deps(fetcher));
    expect(shallow.fetched).toBe(3);
    expect(log.map((l) => l.url)[0]).toBe('https://a.com/');
    const again = await runCrawl(options({ maxDepth: 1, maxPages: 3 }), deps(fetcher));
    expect(again.fetched).toBe(0);
    const more = await runCrawl(options({ maxDepth: 1, maxPages: 100 }), deps(fetcher));
    const all = log.map((l) => l.url);
    expect(new Set(all).size).toBe(all.length);
    expect(more.frontier.queued).toBe(0);
    // Depth 1: the seed's links (in scope) and nothing deeper.
    expect(all.sort()).toEqual(
      ['https://a.com/', 'https://a.com/one', 'https://a.com/two', 'https://blog.a.com/'].sort(),
    );
  });

  it('stops on abort, commits what it fetched, and resumes without fetching a page twice', async () => {
    const { fetcher, log } = fakeWeb(WEB);
    const ac = new AbortController();
    const first = await runCrawl(
      options({ concurrency: 1 }),
      deps(fetcher, { signal: ac.signal, onProgress: (p) => p.fetched >= 2 && ac.abort() }),
    );
    expect(first.interrupted).toBe(true);
    expect(first.fetched).toBeGreaterThanOrEqual(2);
    expect(first.frontier.done + first.frontier.failed).toBe(first.fetched);
    const second = await runCrawl(options(), deps(fetcher));
    expect(second.interrupted).toBe(false);
    const all = log.map((l) => l.url);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(8);
    expect((await store.stats()).captures).toBe(7);
  });

  it('ends a redirect loop: each URL of it fetched once, stored as its 3xx', async () => {
    const { fetcher, log } = fakeWeb({
      'https://a.com/': { html: html('/loop-a') },
      'https://a.com/loop-a': { status: 302, headers: [['Location', '/loop-b']] },
      'https://a.com/loop-b': { status: 301, headers: [['Location', '/loop-a']] },
    });
    const s = await runCrawl(options(), deps(fetcher));
    expect(log.map((l) => l.url).sort()).toEqual([
      'https://a.com/',
      'https://a.com/loop-a',
      'https://a.com/loop-b',
    ]);
    expect(s.statuses).toEqual({ '2xx': 1, '3xx': 2 });
    expect(s.frontier).toEqual({ queued: 0, done: 3, failed: 0, disallowed: 0 });
  });

  it('leaves pages robots.txt disallows unfetched', async () => {
    const { fetcher, log } = fakeWeb(WEB);
    const rules: RobotsRules = {
      isAllowed: (u) => !u.includes('/one'),
      crawlDelayMs: 5,
      source: 'fetched',
    };
    const delays: number[] = [];
    const s = await runCrawl(
      options(),
      deps(fetcher, {
        robots: { rulesFor: async () => rules },
        gate: {
          run: (_h, d, task) => {
            delays.push(d);
            return task();
          },
        },
      }),
    );
    expect(log.map((l) => l.url)).not.toContain('https://a.com/one');
    expect(s.disallowed).toBe(1);
    expect(s.frontier.disallowed).toBe(1);
    // robots.txt goes through the gate without a delay of its own; pages wait the Crawl-delay.
    expect(new Set(delays)).toEqual(new Set([0, 5]));
    const slow: RobotsRules = { ...rules, crawlDelayMs: 86_400_000 };
    const capped: number[] = [];
    await runCrawl(
      options({ seeds: ['https://b.com/'] }),
      deps(fakeWeb({ 'https://b.com/': { html: 'b' } }).fetcher, {
        robots: { rulesFor: async () => slow },
        gate: {
          run: (_h, d, task) => {
            capped.push(d);
            return task();
          },
        },
      }),
    );
    expect(Math.max(...capped)).toBe(MAX_CRAWL_DELAY_MS);
  });

  it('recrawls with conditional requests: a 304 is a revisit of the stored page', async () => {
    const web: Record<string, Page> = {
      'https://a.com/': { html: html('/b'), headers: [['ETag', '"v1"']] },
      'https://a.com/b': { html: html('/'), headers: [['ETag', '"b1"']] },
    };
    const { fetcher, log, now, tick } = fakeWeb(web);
    await runCrawl(options(), deps(fetcher, { now }));
    tick(86_400_000);
    web['https://a.com/b'] = { html: html('/c'), headers: [['ETag', '"b2"']] };
    web['https://a.com/c'] = { html: 'c' };
    const re = await runCrawl(options({ recrawlAfterMs: 3_600_000 }), deps(fetcher, { now }));
    expect(re.notModified).toBe(1);
    expect(
      log
        .filter((l) => l.conditional)
        .map((l) => l.url)
        .sort(),
    ).toEqual(['https://a.com/', 'https://a.com/b']);
    expect(log.map((l) => l.url)).toContain('https://a.com/c');
    await store.build();
    const links: Array<{ url_from: string; url_to: string; is_lost: boolean }> = [];
    await store.exportLinks('ndjson', null, (l) => {
      links.push(JSON.parse(l));
    });
    const home = links.filter((l) => l.url_from === 'https://a.com/');
    expect(home.map((l) => [l.url_to, l.is_lost])).toEqual([['https://a.com/b', false]]);
    const b = links
      .filter((l) => l.url_from === 'https://a.com/b')
      .map((l) => [l.url_to, l.is_lost]);
    expect(b.sort()).toEqual([
      ['https://a.com/', true],
      ['https://a.com/c', false],
    ]);
  });
});
