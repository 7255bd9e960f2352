/**
 * `linkgap crawl` end to end: the built CLI crawls a generated web served on loopback by one
 * server that routes on the Host header (`--connect-to` sends every host there, `--insecure`
 * accepts its test certificate). The crawl's captures equal the generator's ground truth, each
 * page is fetched once and politely (one request in flight per host), the WARC archive reads back
 * to the same captures, a SIGKILLed crawl resumes without refetching what it stored, a recrawl of
 * the next snapshot moves link history, and `build` + `gap` answer from the crawled index.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { generateWeb } from '../../src/generate/index.js';
import {
  comparableToTruth,
  type GeneratedSnapshot,
  loadGeneratedWeb,
} from '../helpers/test-web-from-generate.js';
import { startTestWeb, type TestWebServer } from '../helpers/test-web-server.js';
import { ndjson, runCli, startCli } from './run-cli.js';

describe('linkgap crawl', () => {
  let dir = '';
  let snapshots: GeneratedSnapshot[] = [];
  let truth: Capture[] = [];
  let web: TestWebServer;
  let seeds = '';
  /** Every host to the test web (its certificate accepted), no delay. */
  const reach = () => [
    '--connect-to',
    `:80:127.0.0.1:${web.ports.http}`,
    '--connect-to',
    `:443:127.0.0.1:${web.ports.https}`,
    '--insecure',
    '--per-host-delay',
    '0',
  ];
  const net = () => [...reach(), '--scope', 'any'];
  const exportCaptures = async (db: string) => {
    const r = await runCli(['export', '--captures', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    return ndjson<Capture>(r.stdout);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-crawl-e2e-'));
    const out = join(dir, 'web');
    await generateWeb({ outDir: out, pages: 160, seed: 9, snapshots: 2 });
    snapshots = await loadGeneratedWeb(out);
    const first = snapshots[0] as GeneratedSnapshot;
    truth = readFileSync(join(out, 'truth.captures.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Capture)
      .slice(0, first.urls.length);
    // A URL captured twice in a snapshot (a revisit) is one page to the crawler.
    const seen = new Set<string>();
    truth = truth.filter((t) => !seen.has(t.url) && seen.add(t.url) !== undefined);
    web = await startTestWeb(first.web);
    seeds = join(dir, 'seeds.txt');
    writeFileSync(seeds, `${truth.map((t) => t.url).join('\n')}\n`);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('fetches every seed once, politely, into captures equal to the ground truth and a WARC archive', async () => {
    const db = join(dir, 'crawl.duckdb');
    const before = web.log.length;
    const r = await runCli([
      'crawl',
      '--db',
      db,
      '--seeds-file',
      seeds,
      '--max-depth',
      '0',
      '--concurrency',
      '8',
      '--json',
      ...net(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      fetched: number;
      captures: number;
      interrupted: boolean;
    };
    expect(summary).toMatchObject({
      fetched: truth.length,
      captures: truth.length,
      interrupted: false,
    });
    const requests = web.log.slice(before);
    const pages = requests
      .filter((q) => q.path !== '/robots.txt')
      .map((q) => `${q.origin}${q.path}`);
    // A page is asked for once; only a 5xx answer is retried (the fetcher's retries).
    const statusOf = new Map(truth.map((t) => [t.url, t.status]));
    const twice = pages.filter((p, i) => pages.indexOf(p) !== i);
    for (const p of twice) expect(statusOf.get(p), p).toBeGreaterThanOrEqual(500);
    const robots = requests.filter((q) => q.path === '/robots.txt').map((q) => q.origin);
    expect(new Set(robots).size).toBe(robots.length);
    for (const host of new Set(requests.map((q) => q.host))) {
      expect(web.maxInFlight(host), host).toBe(1);
    }
    const got = await exportCaptures(db);
    const byUrl = new Map(got.map((c) => [c.url, c]));
    expect(got).toHaveLength(truth.length);
    for (const t of truth) {
      const c = byUrl.get(t.url);
      expect(c, t.url).toBeDefined();
      expect(comparableToTruth(c as Capture), t.url).toEqual(comparableToTruth(t));
      expect(c?.ip).toBe('127.0.0.1');
    }
    // The WARC archive, ingested elsewhere, gives the same captures.
    const warcDir = `${db}.warc`;
    const files = readdirSync(warcDir).filter((f) => f.endsWith('.warc.gz'));
    expect(files.length).toBeGreaterThan(0);
    const again = join(dir, 'from-warc.duckdb');
    const ing = await runCli(['ingest', '--db', again, warcDir]);
    expect(ing.code, ing.stderr).toBe(0);
    const fromWarc = await exportCaptures(again);
    expect(fromWarc.map((c) => [c.url, c.fetched_at, c.status]).sort()).toEqual(
      got.map((c) => [c.url, c.fetched_at, c.status]).sort(),
    );
    // build, then gap answers from the crawled index.
    const built = await runCli(['build', '--db', db]);
    expect(built.code, built.stderr).toBe(0);
    const stats = await runCli(['stats', '--db', db, '--json']);
    const links = (JSON.parse(stats.stdout) as { built: { links: number } }).built.links;
    expect(links).toBeGreaterThan(100);
    const target = new URL(
      (truth.find((t) => t.status === 200 && t.links.length > 0) as Capture).links[0]?.url ?? '',
    ).hostname;
    const gap = await runCli([
      'gap',
      '--db',
      db,
      '--target',
      target,
      '--min-matching',
      '1',
      '--json',
    ]);
    expect(gap.code, gap.stderr).toBe(0);
    expect((JSON.parse(gap.stdout) as { total_count: number }).total_count).toBeGreaterThan(0);
  }, 180_000);

  it('resumes a SIGKILLed crawl without fetching again what it stored, and ends with every page once', async () => {
    const db = join(dir, 'killed.duckdb');
    const args = [
      'crawl',
      '--db',
      db,
      '--seeds-file',
      seeds,
      '--max-depth',
      '0',
      '--concurrency',
      '2',
      '--no-warc',
      ...net(),
    ];
    const start = web.log.length;
    const child = startCli(args);
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // Kill it once a third of the pages were requested.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (web.log.length - start >= truth.length / 3) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    child.kill('SIGKILL');
    await exited;
    const firstRun = web.log.slice(start).filter((q) => q.path !== '/robots.txt');
    expect(existsSync(db)).toBe(true);
    const stored = new Set((await exportCaptures(db)).map((c) => c.url));
    expect(stored.size).toBeGreaterThan(0);
    const mid = web.log.length;
    const r = await runCli([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const secondRun = web.log.slice(mid).filter((q) => q.path !== '/robots.txt');
    const key = (q: { origin: string; path: string }) => `${q.origin}${q.path}`;
    const refetched = secondRun.filter((q) => firstRun.some((f) => key(f) === key(q)));
    // Nothing stored is asked again; only what was in flight or not yet committed at the kill
    // (a few times the concurrency: commit backpressure bounds it).
    expect(firstRun.length).toBeGreaterThan(20);
    expect(secondRun.filter((q) => stored.has(key(q)))).toEqual([]);
    expect(refetched.length).toBeLessThanOrEqual(10);
    const got = await exportCaptures(db);
    expect(got.map((c) => c.url).sort()).toEqual(truth.map((t) => t.url).sort());
  }, 180_000);

  it('rechecks the prospects of a gap against the next snapshot: still linking, removed, gone', async () => {
    const db = join(dir, 'crawl.duckdb');
    const first = snapshots[0] as GeneratedSnapshot;
    const all = readFileSync(join(dir, 'web', 'truth.captures.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Capture);
    const next = new Map(all.slice(first.urls.length).map((c) => [c.url, c]));
    // A host that some first-snapshot pages still link to in the next one, and some no longer.
    const hostsOf = (c: Capture) =>
      new Set(
        c.links
          .filter((l) => l.item_type === 'anchor')
          .map((l) => new URL(l.url).hostname)
          .filter((h) => h !== new URL(c.url).hostname),
      );
    const tally = new Map<string, { still: number; changed: number }>();
    for (const t of truth) {
      const now = next.get(t.url);
      const nowHosts = now === undefined || now.status >= 300 ? new Set<string>() : hostsOf(now);
      for (const h of hostsOf(t)) {
        const e = tally.get(h) ?? { still: 0, changed: 0 };
        if (nowHosts.has(h)) e.still++;
        else e.changed++;
        tally.set(h, e);
      }
    }
    const target = [...tally]
      .filter(([h, e]) => e.still > 0 && e.changed > 0 && !h.startsWith('www.'))
      .sort((a, b) => b[1].still + b[1].changed - (a[1].still + a[1].changed))[0]?.[0] as string;
    expect(target).toBeDefined();
    web.setWeb((snapshots[1] as GeneratedSnapshot).web);
    const r = await runCli([
      'recheck',
      '--db',
      db,
      '--target',
      target,
      '--limit',
      '1000',
      '--json',
      ...reach(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const checks = ndjson<{
      url: string;
      page: string;
      status: number | null;
      checkedAt: string | null;
      targets: Array<{ verdict: string; indexed: boolean; anchors: string[] }>;
    }>(r.stdout);
    expect(checks.length).toBeGreaterThan(3);
    const onHost = (u: string) => {
      const h = new URL(u).hostname;
      return h === target || h.endsWith(`.${target}`);
    };
    const verdicts = new Map<string, number>();
    for (const c of checks) {
      expect(c.targets[0]?.indexed, c.url).toBe(true);
      const now = next.get(c.url);
      let expected: string;
      if (now === undefined || now.status >= 400) expected = 'gone';
      else if (now.status >= 300) expected = 'redirected';
      else expected = now.links.some((l) => onHost(l.url)) ? 'links' : 'removed';
      const got = c.page === 'ok' ? (c.targets[0]?.verdict ?? '') : c.page;
      expect(got, c.url).toBe(expected);
      expect(c.checkedAt).not.toBeNull();
      verdicts.set(got, (verdicts.get(got) ?? 0) + 1);
    }
    expect(verdicts.get('links') ?? 0, JSON.stringify([...verdicts])).toBeGreaterThan(0);
    const changed = (verdicts.get('removed') ?? 0) + (verdicts.get('gone') ?? 0);
    expect(changed, JSON.stringify([...verdicts])).toBeGreaterThan(0);
    // The same question saved as an explorer URL, on the index the recheck rebuilt: the pages
    // that still link are its prospects now, and they still link.
    const saved = await runCli([
      'recheck',
      '--db',
      db,
      '--prospects-of',
      `http://127.0.0.1:8080/?c=${target}&mode=pages`,
      '--limit',
      '1000',
      '--no-build',
      '--json',
      ...reach(),
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const again = ndjson<{ url: string; page: string; targets: Array<{ verdict: string }> }>(
      saved.stdout,
    );
    const verdictOf = (c: { page: string; targets: Array<{ verdict: string }> }) =>
      c.page === 'ok' ? c.targets[0]?.verdict : c.page;
    expect(again.map((c) => c.url).sort()).toEqual(
      checks
        .filter((c) => verdictOf(c) === 'links')
        .map((c) => c.url)
        .sort(),
    );
    expect(new Set(again.map(verdictOf))).toEqual(new Set(['links']));
  }, 180_000);

  it('recrawls the next snapshot: link history moves after build', async () => {
    const db = join(dir, 'crawl.duckdb');
    web.setWeb((snapshots[1] as GeneratedSnapshot).web);
    const r = await runCli([
      'crawl',
      '--db',
      db,
      '--seeds-file',
      seeds,
      '--max-depth',
      '0',
      '--recrawl-after',
      '1ms',
      '--json',
      ...net(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { fetched: number };
    expect(s.fetched).toBe(truth.length);
    const built = await runCli(['build', '--db', db, '--json']);
    expect(built.code, built.stderr).toBe(0);
    const b = JSON.parse(built.stdout) as { lostLinks: number; crawlDates: string[] };
    expect(b.lostLinks).toBeGreaterThan(0);
  }, 180_000);
});
