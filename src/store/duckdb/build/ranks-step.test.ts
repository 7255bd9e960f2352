import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphBuilder,
  inflowMultiples,
  pageRank,
  passMultiples,
  ranksOf,
} from '../../../build/rank/index.js';
import type { Capture, LinkOccurrence } from '../../../core/types.js';
import { createDuckDBStore } from '../duckdb-link-store.js';

const T1 = '2026-01-15T00:00:00Z';
const T2 = '2026-04-15T00:00:00Z';
const A = 'https://a.com/';
const A2 = 'https://a.com/2';
const B = 'https://b.com/';
const C = 'https://c.com/x';
const D = 'https://d.com/';
const U = 'https://u.org/uncrawled';

const link = (url: string, rel?: string[]): LinkOccurrence => ({
  url,
  item_type: 'anchor',
  anchor: 'x',
  ...(rel ? { rel } : {}),
});
const page = (url: string, at: string, links: LinkOccurrence[]): Capture => ({
  url,
  fetched_at: at,
  status: 200,
  links,
});

/** a → b (twice), a → a, a ⇢ c (nofollow), a → u (never crawled), a/2 → b, b → c, c → a;
 * b → d only in the first visit of b (lost); d links nowhere. */
const CAPTURES: Capture[] = [
  page(A, T2, [link(B), link(A), link(C, ['nofollow']), link(B), link(U)]),
  page(A2, T2, [link(B)]),
  page(B, T1, [link(C), link(D)]),
  page(B, T2, [link(C)]),
  page(C, T2, [link(A)]),
  page(D, T2, []),
];

/** Ranks by the pure functions on the graphs drawn above (ids = sorted node names). */
function expected(nodes: string[], edges: Array<[string, string]>) {
  const b = createGraphBuilder();
  b.add(
    edges.map(([f]) => nodes.indexOf(f)),
    edges.map(([, t]) => nodes.indexOf(t)),
  );
  const g = b.build(nodes.length);
  const pass = passMultiples(g, pageRank(g).scores);
  const rank = ranksOf(inflowMultiples(g, pass));
  const passRank = ranksOf(pass);
  return new Map(nodes.map((n, i) => [n, { rank: rank[i], pass: passRank[i] }]));
}

const PAGES = expected(
  [A, A2, B, C, D, U],
  [
    [A, B],
    [A, U],
    [A2, B],
    [B, C],
    [C, A],
  ],
);
const DOMAINS = expected(
  ['a.com', 'b.com', 'c.com', 'd.com', 'u.org'],
  [
    ['a.com', 'b.com'],
    ['a.com', 'u.org'],
    ['b.com', 'c.com'],
    ['c.com', 'a.com'],
  ],
);

describe('the ranks build step', () => {
  let dir: string;
  let pages: Record<string, Record<string, unknown>>;
  let links: Array<Record<string, unknown>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-ranks-'));
    const path = join(dir, 'store.duckdb');
    const store = await createDuckDBStore({ path, threads: 1 });
    const src = await store.openSource('s', 'f');
    await store.appendBatch(src, { captures: CAPTURES, errors: [], recordsDone: CAPTURES.length });
    const steps: string[] = [];
    await store.build((step) => steps.push(step));
    expect(steps).toContain('ranks: page rank');
    await store.close();
    const db = await DuckDBInstance.create(path);
    const conn = await db.connect();
    const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
    pages = Object.fromEntries(
      (
        await read('SELECT url, page_rank, page_pass, domain_rank, domain_pass, domain FROM pages')
      ).map((r) => [String(r.url), r]),
    );
    links = await read(
      `SELECT url_from, url_to, dofollow, is_lost, rank, page_from_rank, domain_from_rank
       FROM links ORDER BY url_from, url_to`,
    );
    conn.closeSync();
    db.closeSync();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores page and domain ranks computed from the live dofollow graphs', () => {
    for (const url of [A, A2, B, C, D]) {
      const p = pages[url] as Record<string, unknown>;
      const dom = DOMAINS.get(String(p.domain));
      expect(p, url).toEqual({
        url,
        domain: p.domain,
        page_rank: PAGES.get(url)?.rank,
        page_pass: PAGES.get(url)?.pass,
        domain_rank: dom?.rank,
        domain_pass: dom?.pass,
      });
    }
  });

  it('gives rank 0 to pages and domains without a live dofollow inbound link', () => {
    expect(pages[A2]?.page_rank).toBe(0);
    expect(pages[D]?.page_rank).toBe(0);
    expect(pages[D]?.domain_rank).toBe(0);
    expect(pages[B]?.page_rank).toBeGreaterThan(0);
    expect(pages[D]?.page_pass).toBeGreaterThan(0);
  });

  it('sets the backlink rank to the source page pass, 0 for nofollow, lost links included', () => {
    const byPair = (f: string, t: string) =>
      links.find((l) => l.url_from === f && l.url_to === t) as Record<string, unknown>;
    const ab = byPair(A, B);
    expect(ab).toMatchObject({
      rank: PAGES.get(A)?.pass,
      page_from_rank: PAGES.get(A)?.rank,
      domain_from_rank: DOMAINS.get('a.com')?.rank,
    });
    expect(byPair(A, C)).toMatchObject({ dofollow: false, rank: 0 });
    expect(byPair(B, D)).toMatchObject({ is_lost: true, rank: PAGES.get(B)?.pass });
    expect(byPair(A, A)).toMatchObject({ rank: PAGES.get(A)?.pass });
    for (const l of links) expect(l.page_from_rank).toBe(pages[String(l.url_from)]?.page_rank);
  });

  it('counts the uncrawled target as a node: a.com/ splits its pass between b.com/ and it', () => {
    expect(PAGES.get(U)?.rank).toBeGreaterThan(0);
    const twoTargets = expected(
      [A, B, U],
      [
        [A, B],
        [A, U],
      ],
    );
    const oneTarget = expected([A, B, U], [[A, B]]);
    expect(twoTargets.get(A)?.pass).toBeLessThan(oneTarget.get(A)?.pass as number);
    expect(pages[A]?.page_pass).toBe(PAGES.get(A)?.pass);
  });
});
