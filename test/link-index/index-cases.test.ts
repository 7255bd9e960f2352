/**
 * Minimal hand-made cases where the link index once disagreed with the reference (found by the
 * differential test), each with its hand-computed answer: the index and the reference must both
 * give it.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterCondition, FilterOp } from '../../src/core/filter/types.js';
import type { Capture } from '../../src/core/types.js';
import type {
  DomainIntersectionItem,
  Engine,
  IntersectionResult,
  PageIntersectionItem,
} from '../../src/engine/types.js';
import { buildCapturesIndex, type CapturesIndex } from '../helpers/captures-index.js';
import { makeQuery } from '../reference/fixture-rows.js';
import { referenceIntersect } from '../reference/intersect.js';
import type { ReferenceData } from '../reference/reference-data.js';

const AT = '2026-03-01T00:00:00Z';

function page(url: string, ip: string, to: string[], anchor = 'x', rel?: string[]): Capture {
  return {
    url,
    fetched_at: AT,
    status: 200,
    ip,
    links: to.map((u) => ({ url: u, item_type: 'anchor', anchor, ...(rel ? { rel } : {}) })),
  };
}

/** Anchors on the corners of the string operators, each on its own page linking to s.com. */
const ANCHORS: Record<string, string> = {
  'https://q.com/emoji': 'a😀b',
  'https://q.com/backslash': 'ab\\',
  'https://q.com/percent': '100% sure',
  'https://q.com/accents': 'ÉCOLE Größe 2024',
  'https://q.com/cyrillic': 'Привет, мир',
  'https://q.com/empty': '',
};

/** Spellings of IPv6 addresses in one /64, on three hosts (domain_from_ip is per host) of one referring domain. */
const CAPTURES: Capture[] = [
  page('https://a.r.com/a', '2001:db8::1', ['https://t.com/']),
  page('https://b.r.com/b', '2001:0db8:0:0:0:0:0:1', ['https://t.com/']),
  page('https://c.r.com/c', '2001:DB8:0:0:1::', ['https://t.com/']),
  ...Object.entries(ANCHORS).map(([url, anchor], i) =>
    page(
      url,
      `10.0.0.${i + 1}`,
      ['https://s.com/', 'https://s.com/x'],
      anchor,
      i % 2 ? ['ugc'] : undefined,
    ),
  ),
  // A technical host and a plain blog, both linking to g.com, both scored by the build.
  {
    ...page('https://fonts.googleapis.com/css', '10.1.0.1', ['https://g.com/']),
    content_type: 'text/html',
  },
  {
    ...page('http://blog.n.com/post', '10.1.0.2', ['https://g.com/']),
    content_type: 'text/html',
    title: 'A post about gardening in small spaces',
    meta: { keywords: 'garden' },
    signals: { favicon: false, text_chars: 120 },
  },
];

describe('link index: minimal cases', () => {
  let built: CapturesIndex | undefined;
  let engine: Engine | undefined;
  let data: ReferenceData;

  beforeAll(async () => {
    built = await buildCapturesIndex('index-cases', CAPTURES);
    engine = built.engine;
    data = built.data;
  }, 60_000);

  afterAll(async () => {
    await built?.close();
  });

  it('counts IPv6 subnets on the expanded address: 2001:db8:: and 2001:0db8:0:0:: are one', async () => {
    const q = makeQuery(['t.com'], { source: 'domain' });
    const expected = referenceIntersect(data, q) as IntersectionResult<DomainIntersectionItem>;
    const stats = expected.items[0]?.domain_intersection['1'];
    expect(stats?.referring_ips).toBe(3);
    // 2001:db8:0:0 for all three spellings.
    expect(stats?.referring_subnets).toBe(1);
    expect(await engine?.domainIntersection(q)).toEqual(expected);
  });

  /** Referring pages (page mode, target s.com) whose anchor passes `op value`, by both sides. */
  async function anchorsPassing(op: FilterOp, value: string): Promise<string[][]> {
    const cond: FilterCondition = {
      kind: 'cond',
      field: { target: 0, name: 'anchor' },
      type: 'str',
      op,
      value,
    };
    const q = makeQuery(['s.com'], { linkFilters: [cond] });
    const froms = (r: IntersectionResult<PageIntersectionItem>) =>
      r.items.map((it) => it.page_intersection['1']?.[0]?.url_from ?? '').sort();
    const expected = referenceIntersect(data, q) as IntersectionResult<PageIntersectionItem>;
    const actual = (await engine?.pageIntersection(q)) as IntersectionResult<PageIntersectionItem>;
    return [froms(expected), froms(actual)];
  }

  it.each([
    ['like', 'a_b', ['emoji']],
    ['like', 'ab\\', ['backslash']],
    ['like', 'ab\\\\', ['backslash']],
    ['like', '100\\%%', ['percent']],
    ['like', '%', ['accents', 'backslash', 'cyrillic', 'emoji', 'empty', 'percent']],
    ['ilike', '%école%', ['accents']],
    ['not_ilike', '%GRÖSSE%', ['accents', 'backslash', 'cyrillic', 'emoji', 'empty', 'percent']],
    ['match', 'größe 2024', ['accents']],
    ['match', 'МИР', ['cyrillic']],
    ['match', 'gr', []],
    ['match', '', ['accents', 'backslash', 'cyrillic', 'emoji', 'empty', 'percent']],
    ['regex', '^a.b$', ['emoji']],
  ] as Array<[FilterOp, string, string[]]>)('anchor %s %j', async (op, value, pages) => {
    const want = pages.map((p) => `https://q.com/${p}`);
    const [expected, actual] = await anchorsPassing(op, value);
    expect(expected, 'reference').toEqual(want);
    expect(actual, 'index').toEqual(want);
  });

  it('counts a target named twice as two intersections', async () => {
    const q = makeQuery(['s.com', 'https://s.com/x', 's.com'], { minMatching: 3 });
    const expected = referenceIntersect(data, q) as IntersectionResult<PageIntersectionItem>;
    expect(expected.total_count).toBe(6);
    expect(expected.items[0]?.summary.intersections_count).toBe(3);
    expect(await engine?.pageIntersection(q)).toEqual(expected);
  });

  it('has_not holds on links without attributes; has needs the attribute', async () => {
    const attr = (op: FilterOp): FilterCondition => ({
      kind: 'cond',
      field: { target: 0, name: 'attributes' },
      type: 'array',
      op,
      value: 'ugc',
    });
    for (const [op, n] of [
      ['has', 3],
      ['has_not', 3],
    ] as Array<[FilterOp, number]>) {
      const q = makeQuery(['s.com'], { itemFilter: attr(op) });
      const expected = referenceIntersect(data, q);
      expect(expected.total_count).toBe(n);
      expect(await engine?.pageIntersection(q)).toEqual(expected);
    }
  });

  it('drops technical hosts as prospects on request, in both modes', async () => {
    for (const source of ['page', 'domain'] as const) {
      const all = makeQuery(['g.com'], { source });
      const some = { ...all, excludeTechnicalHosts: true };
      expect(referenceIntersect(data, all).total_count).toBe(2);
      const expected = referenceIntersect(data, some);
      expect(expected.total_count).toBe(1);
      expect(
        await engine?.[source === 'page' ? 'pageIntersection' : 'domainIntersection'](some),
      ).toEqual(expected);
    }
  });

  it('explains the source page spam score with the signals the build found', async () => {
    const q = makeQuery(['g.com'], { explainSpam: true, excludeTechnicalHosts: true });
    const expected = referenceIntersect(data, q) as IntersectionResult<PageIntersectionItem>;
    const b = expected.items[0]?.page_intersection['1']?.[0];
    expect(b?.url_from).toBe('http://blog.n.com/post');
    const fired = (b?.backlink_spam_signals ?? []).map((s) => s.signal);
    expect(fired).toEqual(
      expect.arrayContaining(['plain_http', 'thin_content', 'no_favicon', 'meta_keywords']),
    );
    const sum = (b?.backlink_spam_signals ?? []).reduce((a, s) => a + s.weight, 0);
    expect(b?.backlink_spam_score).toBe(Math.max(0, Math.min(100, sum)));
    expect(await engine?.pageIntersection(q)).toEqual(expected);
  });
});
