import { describe, expect, it } from 'vitest';
import type { FilterCondition, FilterExpr } from '../../src/core/filter/types.js';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import type { IntersectionResult, PageIntersectionItem } from '../../src/engine/types.js';
import { makeData, makeLink, makeQuery, spec } from './fixture-rows.js';
import { referenceIntersect } from './intersect.js';

function pages(data: ReturnType<typeof makeData>, q: IntersectQuery) {
  return referenceIntersect(data, q) as IntersectionResult<PageIntersectionItem>;
}

/** Each item's url_from and linked keys. */
function summary(r: IntersectionResult<PageIntersectionItem>): string[] {
  return r.items.map((it) => {
    const keys = Object.keys(it.page_intersection);
    const from = it.page_intersection[keys[0] as string]?.[0]?.url_from;
    return `${from} ${keys.join(',')} ${it.summary.intersections_count}`;
  });
}

function c(
  target: number | null,
  name: string,
  type: FilterCondition['type'],
  op: FilterCondition['op'],
  value: FilterCondition['value'],
): FilterCondition {
  return { kind: 'cond', field: { target, name }, type, op, value };
}

const T2P = 'https://t2.com/p';
const web = makeData([
  makeLink('https://a.com/1', 'https://t1.com/x'),
  makeLink('https://a.com/1', T2P),
  makeLink('https://a.com/2', 'https://www.t1.com/'),
  makeLink('https://b.com/1', 'https://blog.t1.com/y'),
  makeLink('https://b.com/1', T2P, { is_lost: true }),
  makeLink('https://c.com/1', T2P),
  makeLink('https://c.com/1', 'https://t1.com/z'),
  makeLink('https://d.com/1', T2P, {
    is_indirect_link: true,
    url_to: T2P,
    indirect_link_path: [{ type: 'redirect', status_code: 301, url: 'https://t2.com/old' }],
  }),
  makeLink('https://t1.com/about', 'https://t1.com/'),
  makeLink('https://t1.com/about', T2P),
]);

describe('reference: k-of-n, status, subdomains', () => {
  it('all mode keeps pages linking to every target, default order by url', () => {
    const r = pages(web, makeQuery(['t1.com', T2P]));
    expect(summary(r)).toEqual(['https://a.com/1 1,2 2', 'https://c.com/1 1,2 2']);
    expect(r.total_count).toBe(2);
    expect(r.items_count).toBe(2);
    expect(r.targets).toEqual({ 1: 't1.com', 2: T2P });
  });

  it('partial mode keeps keys only for linked targets; internal links drop out', () => {
    const r = pages(web, makeQuery(['t1.com', T2P], { minMatching: 1 }));
    expect(summary(r)).toEqual([
      'https://a.com/1 1,2 2',
      'https://c.com/1 1,2 2',
      'https://a.com/2 1 1',
      'https://b.com/1 1 1',
      'https://d.com/1 2 1',
      'https://t1.com/about 2 1',
    ]);
    const noInternal = pages(web, makeQuery(['t1.com'], { excludeInternal: false }));
    expect(summary(noInternal)).toContain('https://t1.com/about 1 1');
  });

  it('status lost / all choose which links count', () => {
    expect(summary(pages(web, makeQuery(['t1.com', T2P], { status: 'all' })))).toEqual([
      'https://a.com/1 1,2 2',
      'https://b.com/1 1,2 2',
      'https://c.com/1 1,2 2',
    ]);
    expect(
      summary(pages(web, makeQuery(['t1.com', T2P], { status: 'lost', minMatching: 1 }))),
    ).toEqual(['https://b.com/1 2 1']);
  });

  it('without subdomains a host target matches itself and www. only', () => {
    const q = makeQuery(['t1.com']);
    q.targets = [{ ...spec('t1.com', false), key: '1' }];
    expect(summary(pages(web, q))).toEqual([
      'https://a.com/1 1 1',
      'https://a.com/2 1 1',
      'https://c.com/1 1 1',
    ]);
    const host = makeQuery(['blog.t1.com']);
    expect(summary(pages(web, host))).toEqual(['https://b.com/1 1 1']);
  });

  it('includeIndirect false drops indirect links; the indirect path is shown otherwise', () => {
    const q = makeQuery([T2P], { includeIndirect: false });
    expect(summary(pages(web, q))).not.toContain('https://d.com/1 1 1');
    const r = pages(web, makeQuery([T2P]));
    const d = r.items.find((it) => it.page_intersection['1']?.[0]?.url_from === 'https://d.com/1');
    expect(d?.page_intersection['1']?.[0]?.indirect_link_path).toEqual([
      { type: 'redirect', status_code: 301, url: 'https://t2.com/old' },
    ]);
    expect(r.items[0]?.page_intersection['1']?.[0]?.indirect_link_path).toBeNull();
  });
});

describe('reference: excludes', () => {
  const partial = { minMatching: 1 };
  it('a prefix exclude drops pages with a live link under it', () => {
    const q = makeQuery(['t1.com', T2P], { ...partial, excludes: [spec('https://t2.com/*')] });
    expect(summary(pages(web, q))).toEqual(['https://a.com/2 1 1', 'https://b.com/1 1 1']);
    const narrow = makeQuery(['t1.com'], { excludes: [spec('https://t1.com/x*')] });
    expect(summary(pages(web, narrow))).toEqual([
      'https://a.com/2 1 1',
      'https://b.com/1 1 1',
      'https://c.com/1 1 1',
    ]);
  });

  it('status all / lost: lost links hit excludes too', () => {
    const all = makeQuery(['t1.com'], { status: 'all', excludes: [spec(T2P)] });
    expect(summary(pages(web, all))).toEqual(['https://a.com/2 1 1']);
    const lost = makeQuery([T2P], { status: 'lost', excludes: [spec('t2.com')] });
    expect(pages(web, lost).total_count).toBe(0);
  });

  it('excludes ignore excludeInternal and link filters, but not includeIndirect', () => {
    const q = makeQuery([T2P], { excludes: [spec('t1.com')] });
    expect(summary(pages(web, q))).toEqual(['https://d.com/1 1 1']);
    const filtered = makeQuery([T2P], {
      excludes: [spec('t1.com')],
      linkFilters: [c(0, 'is_indirect_link', 'bool', '=', true)],
    });
    expect(summary(pages(web, filtered))).toEqual(['https://d.com/1 1 1']);
    // Excludes match url_to, not the hops of an indirect path.
    const hops = makeQuery(['t1.com'], { excludes: [spec('https://t2.com/old')] });
    expect(summary(pages(web, hops))).toHaveLength(4);
  });

  it("the target's link filter does not narrow the exclusion set", () => {
    const data = makeData([
      makeLink('https://x.com/1', 'https://t1.com/a'),
      makeLink('https://x.com/1', T2P, {
        is_indirect_link: true,
        indirect_link_path: [{ type: 'canonical', status_code: 200, url: 'https://t2.com/c' }],
      }),
      makeLink('https://y.com/1', 'https://t1.com/b'),
    ]);
    const q = makeQuery(['t1.com'], {
      excludes: [spec(T2P)],
      linkFilters: [c(0, 'is_indirect_link', 'bool', '=', false)],
    });
    expect(summary(pages(data, q))).toEqual(['https://y.com/1 1 1']);
    expect(summary(pages(data, { ...q, includeIndirect: false }))).toEqual([
      'https://x.com/1 1 1',
      'https://y.com/1 1 1',
    ]);
  });
});

describe('reference: link filter vs item filter', () => {
  const data = makeData([
    makeLink('https://e.com/1', 'https://t1.com/a', { anchor: 'foo' }),
    makeLink('https://e.com/1', 'https://t1.com/b', { anchor: 'bar', dofollow: false }),
  ]);
  const both: FilterExpr = {
    kind: 'and',
    items: [c(0, 'dofollow', 'bool', '=', true), c(0, 'anchor', 'str', 'like', '%bar%')],
  };

  it('a link filter needs one link to satisfy every condition', () => {
    expect(pages(data, makeQuery(['t1.com'], { linkFilters: [both] })).total_count).toBe(0);
    const dofollow = pages(data, makeQuery(['t1.com'], { linkFilters: [both.items[0] ?? null] }));
    expect(dofollow.items[0]?.page_intersection['1']?.map((b) => b.anchor)).toEqual(['foo']);
  });

  it('an item filter holds when some link satisfies each condition; all links stay listed', () => {
    const r = pages(data, makeQuery(['t1.com'], { itemFilter: both }));
    expect(r.items[0]?.page_intersection['1']?.map((b) => b.anchor)).toEqual(['foo', 'bar']);
    const none = makeQuery(['t1.com', 't2.com'], {
      minMatching: 1,
      itemFilter: c(1, 'anchor', 'str', '<>', null),
    });
    expect(pages(data, none).total_count).toBe(0);
    const negative = makeQuery(['t1.com', 't2.com'], {
      minMatching: 1,
      itemFilter: c(1, 'anchor', 'str', 'not_like', 'x'),
    });
    expect(pages(data, negative).total_count).toBe(0);
    const count = makeQuery(['t1.com'], {
      itemFilter: c(null, 'intersections_count', 'num', '>', 1),
    });
    expect(pages(data, count).total_count).toBe(0);
  });
});
