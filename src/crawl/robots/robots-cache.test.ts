import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robotsTxt } from '../../../test/helpers/test-web-routes.js';
import {
  startTestWeb,
  type TestWeb,
  type TestWebServer,
} from '../../../test/helpers/test-web-server.js';
import { createFetcher } from '../fetch/create-fetcher.js';
import type { Fetcher } from '../types.js';
import { createRobotsCache, type RobotsCacheOptions } from './robots-cache.js';

const RULES = `User-agent: *
Disallow: /

User-agent: linkgap
Disallow: /private
Allow: /private/ok
Crawl-delay: 1.5
`;

let web: TestWebServer;
let base: TestWeb;
let fetcher: Fetcher;

beforeAll(async () => {
  const hops: Record<string, { redirect: string }> = {};
  for (let i = 0; i < 7; i++) hops[`/hop${i}`] = { redirect: `/hop${i + 1}` };
  base = {
    'rules.test': { '/robots.txt': robotsTxt(RULES) },
    'star.test': { '/robots.txt': robotsTxt('User-agent: *\nDisallow: /x\nCrawl-delay: 4\n') },
    'gone.test': { '/robots.txt': robotsTxt('nothing', 404) },
    'limit.test': { '/robots.txt': robotsTxt('', 429) },
    'down.test': { '/robots.txt': robotsTxt('', 503) },
    'moved.test': { '/robots.txt': { redirect: 'https://rules.test/robots.txt' } },
    'chain.test': { '/robots.txt': { redirect: '/hop0' }, ...hops },
    'loop.test': { '/robots.txt': { redirect: '/again' }, '/again': { redirect: '/robots.txt' } },
    'big.test': {
      '/robots.txt': robotsTxt(
        `User-agent: *\nDisallow: /a\n${'# filler\n'.repeat(70_000)}Disallow: /b\n`,
      ),
    },
    'flip.test': { '/robots.txt': robotsTxt('User-agent: *\nDisallow: /old\n') },
  };
  web = await startTestWeb(base, { unresolvable: ['nxdomain.test'] });
  fetcher = createFetcher({
    userAgent: 'x',
    connect: web.connect,
    dialPort: web.dialPort,
    retries: 0,
  });
});

afterAll(async () => {
  await fetcher.close();
  await web.close();
});

function cache(extra: Partial<RobotsCacheOptions> = {}) {
  return createRobotsCache({
    fetcher,
    userAgent: 'linkgap/0.1 (+https://example.org/bot)',
    ...extra,
  });
}

function robotsRequests(host: string): number {
  return web.requests(host).filter((e) => e.path === '/robots.txt').length;
}

describe('createRobotsCache', () => {
  it("applies our group's rules and Crawl-delay", async () => {
    const robots = cache();
    const rules = await robots.rulesFor('http://rules.test/anything');
    expect(rules.source).toBe('fetched');
    expect(rules.crawlDelayMs).toBe(1500);
    expect(await robots.isAllowed('http://rules.test/public')).toBe(true);
    expect(await robots.isAllowed('http://rules.test/private/x')).toBe(false);
    expect(await robots.isAllowed('http://rules.test/private/ok')).toBe(true);
    expect(await robots.isAllowed('http://rules.test/robots.txt')).toBe(true);
  });

  it('falls back to the * group', async () => {
    const rules = await cache().rulesFor('http://star.test/');
    expect(rules.isAllowed('http://star.test/x/1')).toBe(false);
    expect(rules.isAllowed('http://star.test/y')).toBe(true);
    expect(rules.crawlDelayMs).toBe(4000);
  });

  it('fetches each origin once while fresh, even when asked concurrently', async () => {
    let t = 0;
    const robots = cache({ now: () => t, ttlMs: 1000 });
    const before = robotsRequests('rules.test');
    await Promise.all([1, 2, 3, 4].map((i) => robots.isAllowed(`http://rules.test/p${i}`)));
    await robots.isAllowed('http://rules.test/again');
    expect(robotsRequests('rules.test') - before).toBe(1);
    t = 1001;
    await robots.isAllowed('http://rules.test/later');
    expect(robotsRequests('rules.test') - before).toBe(2);
    // Another scheme is another origin.
    await robots.isAllowed('https://rules.test/');
    expect(robotsRequests('rules.test') - before).toBe(3);
  });

  it('allows everything on a 4xx (unavailable)', async () => {
    const rules = await cache().rulesFor('http://gone.test/');
    expect(rules.source).toBe('unavailable');
    expect(rules.isAllowed('http://gone.test/anything')).toBe(true);
  });

  it.each([
    ['a 5xx', 'http://down.test/page'],
    ['a 429', 'http://limit.test/page'],
    ['a DNS failure', 'http://nxdomain.test/page'],
  ])('disallows everything on %s (unreachable) and asks again soon', async (_what, url) => {
    let t = 0;
    const robots = cache({ now: () => t, unreachableRetryMs: 60_000 });
    const rules = await robots.rulesFor(url);
    expect(rules.source).toBe('unreachable');
    expect(rules.isAllowed(url)).toBe(false);
    const host = new URL(url).hostname;
    const before = robotsRequests(host);
    t = 59_000;
    await robots.rulesFor(url);
    expect(robotsRequests(host)).toBe(before);
    t = 61_000;
    await robots.rulesFor(url);
    if (host !== 'nxdomain.test') expect(robotsRequests(host)).toBe(before + 1);
  });

  it('keeps the last rules while a refresh finds the file unreachable', async () => {
    let t = 0;
    const robots = cache({ now: () => t, ttlMs: 1000, unreachableRetryMs: 100 });
    expect(await robots.isAllowed('http://flip.test/old')).toBe(false);
    web.setWeb({ ...base, 'flip.test': { '/robots.txt': robotsTxt('', 500) } });
    t = 2000;
    const stale = await robots.rulesFor('http://flip.test/');
    expect(stale.source).toBe('fetched');
    expect(stale.isAllowed('http://flip.test/old')).toBe(false);
    web.setWeb({
      ...base,
      'flip.test': { '/robots.txt': robotsTxt('User-agent: *\nDisallow: /new\n') },
    });
    t = 2050;
    expect(await robots.isAllowed('http://flip.test/new')).toBe(true);
    t = 2101;
    expect(await robots.isAllowed('http://flip.test/new')).toBe(false);
  });

  it('follows redirects, to another host too, up to 5 hops', async () => {
    const robots = cache();
    const moved = await robots.rulesFor('http://moved.test/');
    expect(moved.source).toBe('fetched');
    expect(moved.isAllowed('http://moved.test/private/x')).toBe(false);
    expect(moved.isAllowed('http://moved.test/public')).toBe(true);
    const chain = await robots.rulesFor('http://chain.test/');
    expect(chain.source).toBe('unavailable');
    expect(web.requests('chain.test').map((e) => e.path)).toEqual([
      '/robots.txt',
      '/hop0',
      '/hop1',
      '/hop2',
      '/hop3',
      '/hop4',
    ]);
    expect((await robots.rulesFor('http://loop.test/')).source).toBe('unavailable');
  });

  it('reads at most 500 KiB of robots.txt', async () => {
    const rules = await cache().rulesFor('http://big.test/');
    expect(rules.isAllowed('http://big.test/a')).toBe(false);
    expect(rules.isAllowed('http://big.test/b')).toBe(true);
  });
});
