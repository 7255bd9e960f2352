import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountryTable, lookupCountry } from '../../../build/country/index.js';
import { scorePage, signalsOf } from '../../../build/spam/index.js';
import type { StoredCapture } from '../../types.js';
import { createDuckDBStore } from '../duckdb-link-store.js';

const T1 = '2026-01-15T10:00:00Z';
const T2 = '2026-04-15T10:00:00Z';
const GOOD = 'https://www.good.com/';
const ABOUT = 'https://www.good.com/about';
const SPAM = 'http://spam-site-99.xyz/';
const GOOD_SIGNALS = {
  head_hosts: ['www.googletagmanager.com'],
  software: ['wordpress'],
  contact: ['email' as const],
  favicon: true,
  text_chars: 2000,
};
const GOOD_META = {
  description: 'A plain description of what this page is about, nothing more.',
  'og:title': 'Good',
};

const html = (c: Partial<StoredCapture> & { url: string; fetched_at: string }): StoredCapture => ({
  status: 200,
  content_type: 'text/html',
  links: [],
  ...c,
});

const CAPTURES: StoredCapture[] = [
  html({
    url: GOOD,
    fetched_at: T1,
    ip: '1.0.0.1',
    title: 'Good things, written down carefully for you',
    meta: GOOD_META,
    signals: GOOD_SIGNALS,
    links: [
      { url: SPAM, item_type: 'anchor', anchor: 'spam' },
      { url: 'https://never-captured.com/', item_type: 'anchor', anchor: 'n' },
      { url: ABOUT, item_type: 'anchor', anchor: 'about' },
    ],
  }),
  html({ url: ABOUT, fetched_at: T2, title: 'About', links: [{ url: GOOD, item_type: 'anchor' }] }),
  html({ url: 'https://www.good.com/file.pdf', fetched_at: T1, content_type: 'application/pdf' }),
  html({ url: 'https://www.good.com/gone', fetched_at: T1, status: 404 }),
  html({
    url: SPAM,
    fetched_at: T1,
    ip: '1.0.1.1',
    signals: { head_hosts: [], favicon: false, text_chars: 10 },
    links: [{ url: GOOD, item_type: 'anchor', anchor: 'good' }],
  }),
  html({ url: SPAM, fetched_at: T2, signals: { head_hosts: [], favicon: false, text_chars: 10 } }),
  html({ url: 'https://fonts.googleapis.com/css', fetched_at: T1, content_type: 'text/css' }),
  // A links-CSV import's capture: 200 without content type or any HTML evidence.
  {
    url: 'https://csv-only.com/',
    fetched_at: T1,
    status: 200,
    links: [{ url: GOOD, item_type: 'anchor' }],
  },
];

type Row = Record<string, unknown>;

describe('page facts build step', () => {
  let dir: string;
  let pages: Map<string, Row>;
  let links: Row[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-facts-'));
    const path = join(dir, 'store.duckdb');
    const store = await createDuckDBStore({ path });
    const src = await store.openSource('s', 'f');
    await store.appendBatch(src, { captures: CAPTURES, errors: [], recordsDone: 1 });
    await store.build();
    await store.close();
    const db = await DuckDBInstance.create(path);
    const conn = await db.connect();
    const read = async (sql: string) =>
      (await conn.runAndReadAll(sql)).getRowObjectsJson() as Row[];
    pages = new Map((await read('SELECT * FROM pages')).map((r) => [String(r.url), r]));
    links = await read('SELECT * FROM links ORDER BY url_from, url_to');
    conn.closeSync();
    db.closeSync();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('scores 2xx HTML pages with the pure scorer and leaves the others null', () => {
    const good = pages.get(GOOD);
    const expected = scorePage({
      url: GOOD,
      title: 'Good things, written down carefully for you',
      meta: GOOD_META,
      signals: GOOD_SIGNALS,
      internalLinks: 1,
      externalLinks: 2,
    });
    expect(good?.spam_score).toBe(expected.score);
    expect(good?.spam_signals).toBe(expected.mask);
    const spam = pages.get(SPAM);
    expect(Number(spam?.spam_score)).toBeGreaterThan(60);
    expect(signalsOf(Number(spam?.spam_signals)).map((s) => s.code)).toEqual(
      expect.arrayContaining(['plain_http', 'spammy_tld', 'thin_content', 'no_favicon']),
    );
    for (const url of [
      'https://www.good.com/file.pdf',
      'https://www.good.com/gone',
      'https://fonts.googleapis.com/css',
      'https://csv-only.com/',
    ]) {
      expect(pages.get(url)?.spam_score, url).toBeNull();
      expect(pages.get(url)?.spam_signals, url).toBeNull();
    }
  });

  it('fills host and domain means over the scored pages only', () => {
    const a = Number(pages.get(GOOD)?.spam_score);
    const b = Number(pages.get(ABOUT)?.spam_score);
    expect(a).not.toBe(b);
    for (const url of [GOOD, ABOUT, 'https://www.good.com/gone']) {
      expect(pages.get(url)?.host_spam_score).toBe(Math.round((a + b) / 2));
      expect(pages.get(url)?.domain_spam_score).toBe(Math.round((a + b) / 2));
    }
    expect(pages.get('https://csv-only.com/')?.domain_spam_score).toBeNull();
  });

  it('gives domains their pages’ platform types, unknown without evidence, null without HTML', () => {
    expect(pages.get(ABOUT)?.platform_type).toEqual(['blogs', 'cms']);
    expect(pages.get(SPAM)?.platform_type).toEqual(['unknown']);
    expect(pages.get('https://fonts.googleapis.com/css')?.platform_type).toBeNull();
    expect(pages.get('https://csv-only.com/')?.platform_type).toBeNull();
  });

  it('fills the host’s most recent IP and its country', async () => {
    const table = await loadCountryTable();
    expect(pages.get(ABOUT)?.host_ip).toBe('1.0.0.1');
    expect(pages.get(GOOD)?.country).toBe(lookupCountry(table, '1.0.0.1'));
    expect(pages.get(GOOD)?.country).toMatch(/^[A-Z]{2}$/);
    // The newest capture of the spam page has no IP: the host keeps the last one seen.
    expect(pages.get(SPAM)?.host_ip).toBe('1.0.1.1');
    expect(pages.get(SPAM)?.country).toBe(lookupCountry(table, '1.0.1.1'));
    expect(pages.get('https://csv-only.com/')?.host_ip).toBeNull();
    expect(pages.get('https://csv-only.com/')?.country).toBeNull();
  });

  it('flags technical hosts', () => {
    expect(pages.get('https://fonts.googleapis.com/css')?.is_technical).toBe(true);
    expect(pages.get(GOOD)?.is_technical).toBe(false);
  });

  it('fills backlink and target spam scores of links', () => {
    const find = (from: string, to: string) =>
      links.find((l) => l.url_from === from && l.url_to === to);
    expect(find(GOOD, SPAM)?.backlink_spam_score).toBe(pages.get(GOOD)?.spam_score);
    expect(find(GOOD, SPAM)?.url_to_spam_score).toBe(pages.get(SPAM)?.spam_score);
    expect(find(GOOD, 'https://never-captured.com/')?.url_to_spam_score).toBeNull();
    expect(find('https://csv-only.com/', GOOD)?.backlink_spam_score).toBeNull();
    expect(find('https://csv-only.com/', GOOD)?.url_to_spam_score).toBe(
      pages.get(GOOD)?.spam_score,
    );
  });

  it('keeps every other column and row of pages and links', () => {
    expect(pages.size).toBe(7);
    expect(links).toHaveLength(6);
    expect(pages.get(GOOD)?.title).toBe('Good things, written down carefully for you');
    expect(Number(pages.get(GOOD)?.internal_links)).toBe(1);
    expect(find(links, GOOD, SPAM)?.anchor).toBe('spam');
  });
});

function find(links: Row[], from: string, to: string): Row | undefined {
  return links.find((l) => l.url_from === from && l.url_to === to);
}
