/**
 * `Engine.linkIntersect` (Moz link_intersect) on a small real index: hand-computed answers for
 * the scopes, excludes, grouping of scheme-less page targets, sorts and paging, and agreement
 * with the reference implementation of page/domain intersection on the same query.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { parseMozRequest } from '../../src/api/moz/index.js';
import { authorityFromRank } from '../../src/build/rank/index.js';
import type { Capture } from '../../src/core/types.js';
import type { MozDomainRow, MozPageRow, MozQuery } from '../../src/engine/moz-types.js';
import type {
  DomainIntersectionItem,
  Engine,
  IntersectionResult,
  PageIntersectionItem,
} from '../../src/engine/types.js';
import { buildCapturesIndex, type CapturesIndex } from '../helpers/captures-index.js';
import { serveApp } from '../helpers/http-app.js';
import { referenceIntersect } from '../reference/intersect.js';
import type { ReferenceData } from '../reference/reference-data.js';

const AT = '2026-03-01T00:00:00Z';

function page(url: string, ip: string, to: string[], title?: string): Capture {
  return {
    url,
    fetched_at: AT,
    status: 200,
    ip,
    content_type: 'text/html',
    ...(title === undefined ? {} : { title }),
    links: to.map((u) => ({ url: u, item_type: 'anchor', anchor: 'x' })),
  };
}

const CAPTURES: Capture[] = [
  page('https://www.a.com/', '10.0.0.1', ['https://t1.com/', 'https://t2.com/x'], 'A home'),
  page('https://a.com/post?id=1', '10.0.0.1', ['https://t1.com/', 'https://t3.com/']),
  page('http://blog.b.com/p', '10.0.0.2', ['https://t1.com/', 'https://sub.t2.com/y']),
  page('https://c.com/p', '10.0.0.3', ['https://t1.com/', 'https://t2.com/', 'https://neg.com/']),
  page('https://d.org/q', '10.0.0.4', ['http://t3.com/page']),
  page('https://e.net/', '10.0.0.5', ['https://t3.com/page']),
  // Pages linking to the sources, so that ranks differ.
  page('https://f.com/1', '10.0.0.6', ['https://c.com/p', 'https://www.a.com/']),
  page('https://g.com/1', '10.0.0.7', ['https://c.com/p']),
];

type Body = Record<string, unknown>;
const rd = (target: string) => ({ target, scope: 'root_domain' });

describe('Engine.linkIntersect on a small index', () => {
  let built: CapturesIndex | undefined;
  let engine: Engine | undefined;
  let data: ReferenceData;

  beforeAll(async () => {
    built = await buildCapturesIndex('moz', CAPTURES);
    engine = built.engine;
    data = built.data;
  }, 60_000);

  afterAll(async () => {
    await built?.close();
  });

  function mozQuery(body: Body, limit = 50, offset = 0): MozQuery {
    const r = parseMozRequest({ limit, ...body });
    if (!r.ok) throw new Error(r.message);
    return { ...r.value.query, offset };
  }

  async function pages(body: Body): Promise<MozPageRow[]> {
    return (await engine?.linkIntersect(mozQuery(body)))?.results as MozPageRow[];
  }

  it('returns scheme-less pages with Moz fields, www and query kept, matching indexes ascending', async () => {
    const rows = await pages({ positive_targets: [rd('t1.com'), rd('t2.com'), rd('t3.com')] });
    const byPage = Object.fromEntries(rows.map((r) => [r.page, r]));
    expect(Object.keys(byPage).sort()).toEqual([
      'a.com/post?id=1',
      'blog.b.com/p',
      'c.com/p',
      'd.org/q',
      'e.net/',
      'www.a.com/',
    ]);
    expect(byPage['www.a.com/']?.title).toBe('A home');
    expect(byPage['c.com/p']?.title).toBe('');
    expect(byPage['www.a.com/']?.matching_target_indexes).toEqual([0, 1]);
    expect(byPage['a.com/post?id=1']?.matching_target_indexes).toEqual([0, 2]);
    expect(byPage['blog.b.com/p']?.matching_target_indexes).toEqual([0, 1]);
    for (const r of rows) {
      expect(r.domain_authority).toBeGreaterThanOrEqual(1);
      expect(r.domain_authority).toBeLessThanOrEqual(100);
      expect(r.spam_score === -1 || (r.spam_score >= 0 && r.spam_score <= 100)).toBe(true);
    }
    // Default sort: matching target count desc first.
    const counts = rows.map((r) => r.matching_target_indexes.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(2);
  });

  it('honours subdomain scope (host and www. only) and root_domain scope (all subdomains)', async () => {
    const sub = await pages({ positive_targets: [{ target: 't2.com', scope: 'subdomain' }] });
    expect(sub.map((r) => r.page).sort()).toEqual(['c.com/p', 'www.a.com/']);
    const root = await pages({ positive_targets: [rd('www.t2.com')] });
    expect(root.map((r) => r.page).sort()).toEqual(['blog.b.com/p', 'c.com/p', 'www.a.com/']);
  });

  it('matches a scheme-less page target over http and https, counted once', async () => {
    const rows = await pages({
      positive_targets: [{ target: 't3.com/page', scope: 'page' }, rd('t1.com')],
    });
    const byPage = Object.fromEntries(rows.map((r) => [r.page, r.matching_target_indexes]));
    expect(byPage['d.org/q']).toEqual([0]);
    expect(byPage['e.net/']).toEqual([0]);
    const https = await pages({
      positive_targets: [{ target: 'https://t3.com/page', scope: 'page' }],
    });
    expect(https.map((r) => r.page)).toEqual(['e.net/']);
    const both = await pages({
      positive_targets: [{ target: 't3.com/page', scope: 'page' }, rd('t1.com')],
      min_matching_targets: 2,
    });
    expect(both).toEqual([]);
  });

  it('drops sources reaching a negative target and applies min_matching_targets', async () => {
    const rows = await pages({
      positive_targets: [rd('t1.com'), rd('t2.com')],
      negative_targets: [rd('neg.com')],
      min_matching_targets: 2,
    });
    expect(rows.map((r) => r.page).sort()).toEqual(['blog.b.com/p', 'www.a.com/']);
  });

  it('sorts by domain authority and by spam score with a total order', async () => {
    const body = { positive_targets: [rd('t1.com'), rd('t2.com'), rd('t3.com')] };
    const byDa = await pages({ ...body, sort: 'source_domain_authority' });
    const da = byDa.map((r) => r.domain_authority);
    expect(da).toEqual([...da].sort((a, b) => b - a));
    const bySpam = await pages({ ...body, sort: 'source_spam_score' });
    const key = (s: number) => (s < 0 ? 1e9 : s);
    const spam = bySpam.map((r) => key(r.spam_score));
    expect(spam).toEqual([...spam].sort((a, b) => a - b));
    expect(new Set(bySpam.map((r) => r.page)).size).toBe(bySpam.length);
  });

  it('pages through the same total order by offset', async () => {
    const body = { positive_targets: [rd('t1.com'), rd('t2.com'), rd('t3.com')] };
    for (const sort of ['matching_target_count', 'source_domain_authority', 'source_spam_score']) {
      const all = await engine?.linkIntersect(mozQuery({ ...body, sort }, 50));
      const walked: unknown[] = [];
      for (let offset = 0; offset < (all?.total ?? 0); offset += 4) {
        const part = await engine?.linkIntersect(mozQuery({ ...body, sort }, 4, offset));
        expect(part?.total).toBe(all?.total);
        walked.push(...(part?.results ?? []));
      }
      expect(walked).toEqual(all?.results);
    }
  });

  it('agrees with the reference page intersection on sources, titles and domain authority', async () => {
    const body = { positive_targets: [rd('t1.com'), rd('t2.com'), rd('t3.com')], limit: 50 };
    const q = mozQuery(body);
    const ref = referenceIntersect(data, {
      ...q.query,
      minMatching: 1,
      limit: 1000,
    }) as IntersectionResult<PageIntersectionItem>;
    const expected = ref.items.map((it) => {
      const keys = Object.keys(it.page_intersection);
      const b = it.page_intersection[keys[0] as string]?.[0];
      return {
        page: (b?.url_from ?? '').replace(/^https?:\/\//, ''),
        title: b?.page_from_title ?? '',
        domain_authority: authorityFromRank(b?.domain_from_rank ?? 0),
        matching_target_indexes: keys.map((k) => Number(k) - 1).sort((x, y) => x - y),
      };
    });
    const got = (await pages(body)).map(({ spam_score: _, ...rest }) => rest);
    const byPage = (a: { page: string }, b: { page: string }) => a.page.localeCompare(b.page);
    expect(got.sort(byPage)).toEqual(expected.sort(byPage));
  });

  it('returns root domains with their best source page per matched target', async () => {
    const q = mozQuery({
      positive_targets: [rd('t1.com'), rd('t2.com'), rd('t3.com')],
      source_scope: 'root_domain',
    });
    const res = await engine?.linkIntersect(q);
    const rows = res?.results as MozDomainRow[];
    const a = rows.find((r) => r.root_domain === 'a.com');
    expect(a?.matching_target_indexes).toEqual([0, 1, 2]);
    expect(a?.matching_source_pages.map((p) => p.page)).toEqual([
      // www.a.com/ has an inbound link, so it outranks a.com/post for t1.
      'www.a.com/',
      'www.a.com/',
      'a.com/post?id=1',
    ]);
    for (const p of a?.matching_source_pages ?? []) {
      expect(p.page_authority).toBeGreaterThanOrEqual(1);
    }
    expect(rows[0]?.root_domain).toBe('a.com');
    const ref = referenceIntersect(data, {
      ...q.query,
      minMatching: 1,
      limit: 1000,
    }) as IntersectionResult<DomainIntersectionItem>;
    expect(res?.total).toBe(ref.total_count);
    const names = ref.items.map((it) => Object.values(it.domain_intersection)[0]?.target);
    expect(rows.map((r) => r.root_domain).sort()).toEqual([...names].sort());
  });

  it('pages over HTTP through every result with next_token, for both source scopes', async () => {
    if (engine === undefined) throw new Error('no engine');
    const api = await serveApp(createApp({ engine, auth: null }));
    try {
      for (const source_scope of ['page', 'root_domain']) {
        const body = {
          positive_targets: [rd('t1.com'), rd('t2.com'), { target: 't3.com/page', scope: 'page' }],
          negative_targets: [rd('neg.com')],
          source_scope,
        };
        const all = await api.post('/v2/link_intersect', { ...body, limit: 50 });
        expect(all.status).toBe(200);
        const whole = all.json as { results: unknown[]; next_token: string };
        expect(whole.next_token).toBe('');
        expect(whole.results.length).toBeGreaterThan(2);
        const walked: unknown[] = [];
        let token = '';
        let calls = 0;
        do {
          const r = await api.post('/v2/link_intersect', { ...body, limit: 2, next_token: token });
          expect(r.status).toBe(200);
          const b = r.json as { results: unknown[]; next_token: string };
          walked.push(...b.results);
          token = b.next_token;
          calls++;
        } while (token !== '' && calls < 20);
        expect(calls).toBe(Math.ceil(whole.results.length / 2));
        expect(walked).toEqual(whole.results);
      }
    } finally {
      await api.close();
    }
  });
});
