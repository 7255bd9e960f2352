import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { runCli } from './run-cli.js';

const T1 = '2026-03-01T12:00:00Z';
const GOOD = 'https://www.good-example.com/';
const SPAM = 'http://cheap-pills-24x7.xyz/';

/** Two sites: a tidy WordPress blog and a spammy page that links to it. */
const CAPTURES: Capture[] = [
  {
    url: GOOD,
    fetched_at: T1,
    status: 200,
    ip: '1.0.0.1',
    content_type: 'text/html',
    title: 'A tidy blog about gardening and other slow hobbies',
    meta: {
      description: 'Notes on gardening, compost and the patience both of them need.',
      'og:title': 'A tidy blog',
      generator: 'WordPress 6.5',
    },
    signals: {
      head_hosts: ['fonts.googleapis.com'],
      contact: ['email'],
      favicon: true,
      text_chars: 4000,
    },
    links: [{ url: `${GOOD}about`, item_type: 'anchor', anchor: 'about' }],
  },
  {
    url: SPAM,
    fetched_at: T1,
    status: 200,
    ip: '1.0.1.1',
    content_type: 'text/html',
    title: 'Casino',
    meta: { keywords: 'pills, casino' },
    signals: { head_hosts: [], favicon: false, text_chars: 40 },
    links: [{ url: GOOD, item_type: 'anchor', anchor: 'good' }],
  },
  {
    url: `${SPAM}other`,
    fetched_at: T1,
    status: 200,
    content_type: 'text/html',
    title: 'Cheap pills, delivered overnight to your door, no questions',
    links: [],
  },
];

describe('linkgap explain', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-explain-'));
    db = join(dir, 'x.duckdb');
    const file = join(dir, 'captures.ndjson');
    await writeFile(file, `${CAPTURES.map((c) => JSON.stringify(c)).join('\n')}\n`);
    expect((await runCli(['ingest', '--db', db, file])).code).toBe(0);
    const build = await runCli(['build', '--db', db]);
    expect(build.code).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints help', async () => {
    const r = await runCli(['explain', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: linkgap explain');
    expect(r.stdout).toContain('--db <file>');
    expect(r.stdout).toContain('--json');
  });

  it('explains a page: score, each fired signal with weight and description, facts', async () => {
    const r = await runCli(['explain', SPAM, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/spam score: +100\/100 \(high\)/);
    expect(r.stdout).toMatch(/plain_http +\+30 +served over plain HTTP/);
    expect(r.stdout).toMatch(/spammy_tld +\+20/);
    expect(r.stdout).toMatch(/poison_words +\+15/);
    expect(r.stdout).toContain('host IP:        1.0.1.1');
    expect(r.stdout).toContain('platform types: unknown');
    expect(r.stdout).toContain('page rank:');
  });

  it('prints a page as JSON with its signals spelled out', async () => {
    const r = await runCli(['explain', GOOD, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      kind: string;
      spamScore: number;
      signals: Array<{ code: string; weight: number }>;
      platformTypes: string[];
      hostIp: string;
      country: string | null;
      isTechnical: boolean;
      pageRank: number | null;
      domainRank: number | null;
    };
    expect(j.kind).toBe('page');
    // Linked from the spam page: the rank step gives it a rank above 0.
    expect(j.pageRank).toBeGreaterThan(0);
    expect(j.domainRank).toBeGreaterThan(0);
    expect(j.spamScore).toBe(0);
    expect(j.signals.map((s) => s.code)).toEqual([
      'trusted_google',
      'social_meta_tags',
      'contact_info',
      'title_good',
      'description_good',
    ]);
    expect(j.platformTypes).toEqual(['blogs', 'cms']);
    expect(j.hostIp).toBe('1.0.0.1');
    expect(j.country).toMatch(/^[A-Z]{2}$/);
    expect(j.isTechnical).toBe(false);
  });

  it('explains a domain: mean score, signals by page count, top pages', async () => {
    const r = await runCli(['explain', 'cheap-pills-24x7.xyz', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('domain:         cheap-pills-24x7.xyz');
    expect(r.stdout).toMatch(/mean over 2 scored of 2 pages/);
    expect(r.stdout).toMatch(/plain_http +\+30 +2 +served over plain HTTP/);
    expect(r.stdout).toMatch(/poison_words +\+15 +1 /);
    expect(r.stdout).toContain('highest-scoring pages:');
    const j = JSON.parse(
      (await runCli(['explain', 'cheap-pills-24x7.xyz', '--db', db, '--json'])).stdout,
    ) as {
      kind: string;
      pagesScored: number;
      topPages: Array<{ url: string; spamScore: number }>;
    };
    expect(j.kind).toBe('domain');
    expect(j.pagesScored).toBe(2);
    expect(j.topPages[0]?.url).toBe(SPAM);
  });

  it('explains a host', async () => {
    const r = await runCli(['explain', 'www.good-example.com', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { kind: string; domain: string; hostIp: string };
    expect(j).toMatchObject({ kind: 'host', domain: 'good-example.com', hostIp: '1.0.0.1' });
  });

  it('exits 1 with a clear message for a target not in the index, 2 for a bad argument', async () => {
    for (const target of ['https://nowhere.example/', 'nowhere.example', `${GOOD}about`]) {
      const r = await runCli(['explain', target, '--db', db]);
      expect(r.code, target).toBe(1);
      expect(r.stderr).toMatch(/is not in the index/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const bad = await runCli(['explain', 'not a host!', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('neither a URL');
    const missing = await runCli(['explain', GOOD, '--db', join(dir, 'missing.duckdb')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no index at');
  });
});
