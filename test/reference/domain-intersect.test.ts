import { describe, expect, it } from 'vitest';
import type { FilterCondition } from '../../src/core/filter/types.js';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import type { DomainIntersectionItem, IntersectionResult } from '../../src/engine/types.js';
import { DAY, makeData, makeLink, makePage, makeQuery, T0 } from './fixture-rows.js';
import { referenceIntersect } from './intersect.js';

function domains(q: IntersectQuery) {
  return referenceIntersect(data, q) as IntersectionResult<DomainIntersectionItem>;
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

const data = makeData(
  [
    makeLink('https://x.com/a', 'https://t1.com/1', { rank: 300, backlink_spam_score: 10 }),
    makeLink('https://x.com/a', 'https://t1.com/2', {
      rank: 600,
      backlink_spam_score: 21,
      dofollow: false,
      attributes: ['nofollow'],
      item_type: 'image',
      semantic_location: '',
      first_seen: T0 - 10 * DAY,
      is_broken: true,
    }),
    makeLink('https://blog.x.com/b', 'https://t1.com/2', {
      dofollow: false,
      attributes: ['nofollow', 'ugc'],
      is_broken: true,
    }),
    makeLink('https://x.com/c', 'https://t1.com/3', {
      rank: 100,
      backlink_spam_score: 12,
      attributes: ['noopener'],
      semantic_location: 'footer',
      is_broken: true,
    }),
    makeLink('https://x.com/c', 'https://t2.com/', {
      is_lost: true,
      dofollow: false,
      last_seen: T0 + 30 * DAY,
    }),
    makeLink('https://y.com/', 'https://t1.com/1', { domain_from_rank: 700 }),
    makeLink('https://y.com/', 'https://t2.com/', { domain_from_rank: 700 }),
  ],
  [
    makePage('https://x.com/a', {
      ip: '10.0.0.1',
      country: 'US',
      platform_type: ['blogs', 'cms'],
      domain_pass: 600,
      spam_score: 25,
      spam_signals: 0b1001,
    }),
    makePage('https://blog.x.com/b', {
      ip: '10.0.0.9',
      host_ip: '10.0.0.2',
      country: 'US',
      platform_type: ['blogs'],
      domain_pass: 600,
      spam_score: 20,
      spam_signals: 0b1000,
    }),
    makePage('https://x.com/c', { ip: '10.0.1.1', domain_pass: 600, is_technical: true }),
  ],
);

const base = makeQuery(['t1.com', 't2.com'], { source: 'domain', status: 'all' });

describe('reference: domain stats', () => {
  it('aggregates the links of one referring domain to one target', () => {
    const r = domains(base);
    expect(r.items.map((it) => it.domain_intersection['1']?.target)).toEqual(['y.com', 'x.com']);
    const x = r.items[1];
    expect(x?.summary).toEqual({ intersections_count: 2 });
    expect(x?.domain_intersection['1']).toEqual({
      type: 'backlinks_domain_intersection',
      target: 'x.com',
      rank: 600,
      backlinks: 4,
      first_seen: '2025-12-22 00:00:00 +00:00',
      lost_date: null,
      backlinks_spam_score: 14,
      broken_backlinks: 3,
      broken_pages: 2,
      referring_domains: 1,
      referring_domains_nofollow: 0,
      referring_main_domains: 1,
      referring_main_domains_nofollow: 0,
      referring_ips: 3,
      referring_subnets: 2,
      referring_pages: 3,
      referring_pages_nofollow: 1,
      referring_links_tld: { com: 4 },
      referring_links_types: { anchor: 3, image: 1 },
      referring_links_attributes: { nofollow: 2, noopener: 1, ugc: 1 },
      referring_links_platform_types: { blogs: 3, cms: 2 },
      referring_links_semantic_locations: { article: 2, '': 1, footer: 1 },
      referring_links_countries: { US: 3 },
    });
    expect(Object.keys(x?.domain_intersection['1']?.referring_links_attributes ?? {})).toEqual([
      'nofollow',
      'noopener',
      'ugc',
    ]);
    expect(x?.domain_intersection['2']).toMatchObject({
      rank: 0,
      backlinks: 1,
      lost_date: '2026-01-31 00:00:00 +00:00',
      backlinks_spam_score: null,
      referring_domains_nofollow: 1,
      referring_main_domains_nofollow: 1,
      referring_ips: 1,
      referring_pages_nofollow: 1,
      referring_links_attributes: {},
      referring_links_countries: {},
    });
  });

  it('explains spam over the scored source pages on request', () => {
    expect(domains(base).items[1]?.domain_intersection['1']?.spam_signals).toBeUndefined();
    const st = domains({ ...base, explainSpam: true }).items[1]?.domain_intersection['1'];
    expect(st?.spam_signals).toEqual([
      { signal: 'spammy_tld', weight: 20, pages: 2 },
      { signal: 'domain_length', weight: 10, pages: 1 },
    ]);
  });

  it('drops links from technical hosts on request, before counting', () => {
    const st = domains({ ...base, minMatching: 1, excludeTechnicalHosts: true }).items.find(
      (it) => it.domain_intersection['1']?.target === 'x.com',
    );
    expect(st?.domain_intersection['1']?.referring_pages).toBe(2);
    expect(st?.domain_intersection['2']).toBeUndefined();
  });

  it('caps count maps except countries at internalListLimit', () => {
    const st = domains({ ...base, internalListLimit: 2 }).items[1]?.domain_intersection['1'];
    expect(Object.entries(st?.referring_links_attributes ?? {})).toEqual([
      ['nofollow', 2],
      ['noopener', 1],
    ]);
    expect(Object.entries(st?.referring_links_semantic_locations ?? {})).toEqual([
      ['article', 2],
      ['', 1],
    ]);
    expect(st?.referring_links_countries).toEqual({ US: 3 });
  });

  it('default order: count desc, then domain_from_rank desc; rank scaled on request', () => {
    const live = domains({ ...base, status: 'live', minMatching: 1 });
    expect(live.items.map((it) => [it.domain_intersection['1']?.target, it.summary])).toEqual([
      ['y.com', { intersections_count: 2 }],
      ['x.com', { intersections_count: 1 }],
    ]);
    const hundred = domains({ ...base, rankScale: 'one_hundred' });
    expect(hundred.items[1]?.domain_intersection['1']?.rank).toBe(81);
  });

  it('backlinks_filters narrow every target; item filters see the stats', () => {
    const dofollow = c(null, 'dofollow', 'bool', '=', true);
    const r = domains({ ...base, minMatching: 1, linkFilters: [dofollow, dofollow] });
    const x = r.items.find((it) => it.domain_intersection['1']?.target === 'x.com');
    expect(x?.summary.intersections_count).toBe(1);
    expect(x?.domain_intersection['1']?.backlinks).toBe(2);
    expect(Object.keys(x?.domain_intersection ?? {})).toEqual(['1']);

    const many = domains({ ...base, itemFilter: c(0, 'backlinks', 'num', '>', 3) });
    expect(many.items.map((it) => it.domain_intersection['1']?.target)).toEqual(['x.com']);
    const lost = domains({ ...base, itemFilter: c(1, 'lost_date', 'time', '>', T0 + 29 * DAY) });
    expect(lost.total_count).toBe(1);
    const noLost = domains({ ...base, itemFilter: c(1, 'lost_date', 'time', '=', null) });
    expect(noLost.items.map((it) => it.domain_intersection['1']?.target)).toEqual(['y.com']);
  });

  it('orders by stats fields with the domain as the tie-break', () => {
    const by = (name: string, direction: 'asc' | 'desc') =>
      domains({ ...base, order: [{ field: { target: 0, name }, direction }] }).items.map(
        (it) => it.domain_intersection['1']?.target,
      );
    expect(by('backlinks', 'desc')).toEqual(['x.com', 'y.com']);
    expect(by('backlinks', 'asc')).toEqual(['y.com', 'x.com']);
    expect(by('rank', 'asc')).toEqual(['x.com', 'y.com']);
    expect(by('referring_domains', 'desc')).toEqual(['x.com', 'y.com']);
  });
});
