import { describe, expect, it } from 'vitest';
import type { FilterCondition } from '../../src/core/filter/types.js';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import type { IntersectionResult, PageIntersectionItem } from '../../src/engine/types.js';
import { DAY, makeData, makeLink, makeQuery } from './fixture-rows.js';
import { referenceIntersect } from './intersect.js';

function pages(data: ReturnType<typeof makeData>, q: IntersectQuery) {
  return referenceIntersect(data, q) as IntersectionResult<PageIntersectionItem>;
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

describe('reference: order, tie-breaks, windows, capping, rank scale', () => {
  const data = makeData([
    makeLink('https://p.com/1', 'https://t1.com/1', { rank: 499, page_from_rank: 200 }),
    makeLink('https://p.com/1', 'https://t1.com/2', { rank: 500, page_from_rank: 200 }),
    makeLink('https://q.com/1', 'https://t1.com/1', { rank: 300, page_from_rank: 900 }),
    makeLink('https://r.com/1', 'https://t1.com/1', { rank: null, page_from_rank: 200 }),
    makeLink('https://s.com/1', 'https://t1.com/1', { rank: 300 }),
  ]);
  const froms = (r: IntersectionResult<PageIntersectionItem>) =>
    r.items.map((it) => it.page_intersection['1']?.[0]?.url_from);
  const rankOrder = (direction: 'asc' | 'desc') =>
    makeQuery(['t1.com'], { order: [{ field: { target: 0, name: 'rank' }, direction }] });

  it('desc uses the max, asc the min; no value sorts last both ways; ties by url', () => {
    expect(froms(pages(data, rankOrder('desc')))).toEqual([
      'https://p.com/1',
      'https://q.com/1',
      'https://s.com/1',
      'https://r.com/1',
    ]);
    expect(froms(pages(data, rankOrder('asc')))).toEqual([
      'https://q.com/1',
      'https://s.com/1',
      'https://p.com/1',
      'https://r.com/1',
    ]);
  });

  it('default order: count desc, source page rank desc (nulls last), url asc', () => {
    expect(froms(pages(data, makeQuery(['t1.com'])))).toEqual([
      'https://q.com/1',
      'https://p.com/1',
      'https://r.com/1',
      'https://s.com/1',
    ]);
  });

  it('windows by offset and limit; total_count counts every result', () => {
    const r = pages(data, makeQuery(['t1.com'], { offset: 1, limit: 2 }));
    expect(froms(r)).toEqual(['https://p.com/1', 'https://r.com/1']);
    expect(r.total_count).toBe(4);
    expect(r.items_count).toBe(2);
    expect(pages(data, makeQuery(['t1.com'], { offset: 4 })).items).toEqual([]);
  });

  it('lists backlinks by (scaled) rank desc then link order, capped', () => {
    const top = pages(data, makeQuery(['t1.com'], { internalListLimit: 1 }));
    const p = top.items.find(
      (it) => it.page_intersection['1']?.[0]?.url_from === 'https://p.com/1',
    );
    expect(p?.page_intersection['1']?.map((b) => b.url_to)).toEqual(['https://t1.com/2']);
    // one_hundred: 499 and 500 both show 71, so the link order decides.
    const hundred = pages(data, makeQuery(['t1.com'], { rankScale: 'one_hundred' }));
    const ph = hundred.items.find(
      (it) => it.page_intersection['1']?.[0]?.url_from === 'https://p.com/1',
    );
    expect(ph?.page_intersection['1']?.map((b) => [b.url_to, b.rank])).toEqual([
      ['https://t1.com/1', 71],
      ['https://t1.com/2', 71],
    ]);
    expect(ph?.page_intersection['1']?.[0]?.page_from_rank).toBe(
      Math.round(Math.sin(200 / 636.62) * 100),
    );
  });

  it('equal ranks: direct before indirect, then by the first hop of the path', () => {
    const hop = (url: string) => [{ type: 'redirect', status_code: 301, url }];
    const same = { rank: 10, url_to: 'https://t1.com/' };
    const links = makeData([
      makeLink('https://p.com/1', 'https://t1.com/', {
        ...same,
        is_indirect_link: true,
        indirect_link_path: hop('https://t1.com/b'),
      }),
      makeLink('https://p.com/1', 'https://t1.com/', {
        ...same,
        is_indirect_link: true,
        indirect_link_path: hop('https://t1.com/a'),
      }),
      makeLink('https://p.com/1', 'https://t1.com/', same),
    ]);
    const r = pages(links, makeQuery(['t1.com']));
    expect(
      r.items[0]?.page_intersection['1']?.map((b) => b.indirect_link_path?.[0]?.url ?? ''),
    ).toEqual(['', 'https://t1.com/a', 'https://t1.com/b']);
  });

  it('filters compare scaled ranks', () => {
    const q = makeQuery(['t1.com'], {
      rankScale: 'one_hundred',
      itemFilter: c(0, 'rank', 'num', '=', 45),
    });
    expect(froms(pages(data, q))).toEqual(['https://q.com/1', 'https://s.com/1']);
  });
});

describe('reference: backlink object', () => {
  it('builds the 45 fields from the link and its page, arrays capped and null when empty', () => {
    const link = makeLink('http://a.com/1', 'https://t1.com/', {
      attributes: ['nofollow', 'noopener', 'ugc'],
      dofollow: false,
      prev_seen: 1767225600 + 45 * DAY,
    });
    const data = makeData([link]);
    const page = data.pages.get('http://a.com/1');
    if (page)
      Object.assign(page, { platform_type: ['blogs', 'cms'], ip: '1.2.3.4', country: 'US' });
    const q = makeQuery(['t1.com'], {
      internalListLimit: 2,
      itemFilter: c(0, 'attributes', 'array', 'has', 'noopener'),
    });
    const b = pages(data, q).items[0]?.page_intersection['1']?.[0];
    expect(Object.keys(b ?? {})).toHaveLength(45);
    expect(b).toMatchObject({
      type: 'backlinks_page_intersection',
      url_from_https: false,
      tld_from: 'com',
      attributes: ['nofollow', 'noopener'],
      domain_from_platform_type: ['blogs', 'cms'],
      domain_from_ip: '1.2.3.4',
      domain_from_country: 'US',
      page_from_title: 'Title of http://a.com/1',
      first_seen: '2026-01-01 00:00:00 +00:00',
      prev_seen: '2026-02-15 00:00:00 +00:00',
      last_seen: '2026-04-01 00:00:00 +00:00',
      group_count: 0,
      indirect_link_path: null,
    });
    const plain = pages(makeData([makeLink('https://a.com/1', 'https://t1.com/')]), q);
    expect(plain.total_count).toBe(0);
    // Filters see the backlink object's arrays, capped by internalListLimit.
    const ugc = c(0, 'attributes', 'array', 'has', 'ugc');
    expect(pages(data, { ...q, itemFilter: ugc }).total_count).toBe(0);
    expect(pages(data, { ...q, itemFilter: ugc, internalListLimit: 3 }).total_count).toBe(1);
    expect(pages(data, { ...q, itemFilter: null, linkFilters: [ugc] }).total_count).toBe(0);
    const notCms = c(0, 'domain_from_platform_type', 'array', 'has_not', 'cms');
    expect(pages(data, { ...q, itemFilter: notCms, internalListLimit: 1 }).total_count).toBe(1);
    expect(pages(data, { ...q, itemFilter: notCms }).total_count).toBe(0);
    const noAttrs = pages(
      makeData([makeLink('https://a.com/1', 'https://t1.com/')]),
      makeQuery(['t1.com']),
    );
    expect(noAttrs.items[0]?.page_intersection['1']?.[0]?.attributes).toBeNull();
    expect(noAttrs.items[0]?.page_intersection['1']?.[0]?.domain_from_platform_type).toBeNull();
  });
});
