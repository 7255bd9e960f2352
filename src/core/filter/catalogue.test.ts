import { describe, expect, it } from 'vitest';
import type { Backlink, DomainTargetStats } from '../../engine/types.js';
import {
  BACKLINK_FIELDS,
  DOMAIN_STATS_FIELDS,
  fieldType,
  ITEM_FIELDS,
  OPERATORS_BY_TYPE,
  RANK_FIELDS,
} from './catalogue.js';

// Full objects typed against the engine contracts: adding a field there breaks this test
// until the catalogue (or the exclusion list) says what to do with it.
const backlink: Backlink = {
  type: 'backlinks_page_intersection',
  domain_from: 'a.com',
  url_from: 'https://a.com/',
  url_from_https: true,
  domain_to: 'b.com',
  url_to: 'https://b.com/',
  url_to_https: true,
  tld_from: 'com',
  is_new: false,
  is_lost: false,
  backlink_spam_score: 1,
  rank: 1,
  page_from_rank: 1,
  domain_from_rank: 1,
  domain_from_platform_type: ['blogs'],
  domain_from_is_ip: false,
  domain_from_ip: null,
  domain_from_country: null,
  page_from_external_links: 1,
  page_from_internal_links: 1,
  page_from_size: 1,
  page_from_encoding: 'utf-8',
  page_from_language: 'en',
  page_from_title: 't',
  page_from_status_code: 200,
  first_seen: '2024-01-01 00:00:00 +00:00',
  prev_seen: null,
  last_seen: '2024-01-01 00:00:00 +00:00',
  item_type: 'anchor',
  attributes: null,
  dofollow: true,
  original: true,
  alt: null,
  anchor: 'a',
  text_pre: null,
  text_post: null,
  semantic_location: '',
  links_count: 1,
  group_count: 0,
  is_broken: false,
  url_to_status_code: 200,
  url_to_spam_score: null,
  url_to_redirect_target: null,
  is_indirect_link: false,
  indirect_link_path: null,
};

const stats: DomainTargetStats = {
  type: 'backlinks_domain_intersection',
  target: 'a.com',
  rank: 1,
  backlinks: 1,
  first_seen: '2024-01-01 00:00:00 +00:00',
  lost_date: null,
  backlinks_spam_score: null,
  broken_backlinks: 0,
  broken_pages: 0,
  referring_domains: 1,
  referring_domains_nofollow: 0,
  referring_main_domains: 1,
  referring_main_domains_nofollow: 0,
  referring_ips: 0,
  referring_subnets: 0,
  referring_pages: 1,
  referring_pages_nofollow: 0,
  referring_links_tld: {},
  referring_links_types: {},
  referring_links_attributes: {},
  referring_links_platform_types: {},
  referring_links_semantic_locations: {},
  referring_links_countries: {},
};

describe('BACKLINK_FIELDS', () => {
  it('lists every Backlink field but type and indirect_link_path, in order', () => {
    const expected = Object.keys(backlink).filter(
      (k) => k !== 'type' && k !== 'indirect_link_path',
    );
    expect(Object.keys(BACKLINK_FIELDS)).toEqual(expected);
  });

  it('types each field after its value', () => {
    expect(BACKLINK_FIELDS.rank).toBe('num');
    expect(BACKLINK_FIELDS.anchor).toBe('str');
    expect(BACKLINK_FIELDS.dofollow).toBe('bool');
    expect(BACKLINK_FIELDS.first_seen).toBe('time');
    expect(BACKLINK_FIELDS.prev_seen).toBe('time');
    expect(BACKLINK_FIELDS.last_seen).toBe('time');
    expect(BACKLINK_FIELDS.attributes).toBe('array');
    expect(BACKLINK_FIELDS.domain_from_platform_type).toBe('array');
    for (const [name, type] of Object.entries(BACKLINK_FIELDS)) {
      const v = backlink[name as keyof Backlink];
      if (v === null || type === 'time' || type === 'array') continue;
      expect(typeof v, name).toBe({ num: 'number', str: 'string', bool: 'boolean' }[type]);
    }
  });
});

describe('DOMAIN_STATS_FIELDS', () => {
  it('lists every scalar field of DomainTargetStats but type, in order', () => {
    const maps = Object.keys(stats).filter((k) => k.startsWith('referring_links_'));
    expect(maps).toHaveLength(6);
    const expected = Object.keys(stats).filter((k) => k !== 'type' && !maps.includes(k));
    expect(Object.keys(DOMAIN_STATS_FIELDS)).toEqual(expected);
    expect(Object.keys(DOMAIN_STATS_FIELDS)).not.toContain('referring_links_tld');
  });

  it('types target as str, dates as time and counts as num', () => {
    expect(DOMAIN_STATS_FIELDS.target).toBe('str');
    expect(DOMAIN_STATS_FIELDS.first_seen).toBe('time');
    expect(DOMAIN_STATS_FIELDS.lost_date).toBe('time');
    expect(DOMAIN_STATS_FIELDS.referring_pages_nofollow).toBe('num');
    expect(DOMAIN_STATS_FIELDS.broken_pages).toBe('num');
  });
});

describe('ITEM_FIELDS and RANK_FIELDS', () => {
  it('has intersections_count as the only item field', () => {
    expect(ITEM_FIELDS).toEqual({ intersections_count: 'num' });
  });

  it('names the three rank fields', () => {
    expect([...RANK_FIELDS].sort()).toEqual(['domain_from_rank', 'page_from_rank', 'rank']);
  });
});

describe('OPERATORS_BY_TYPE', () => {
  it('gives comparisons to num and time', () => {
    for (const t of ['num', 'time'] as const) {
      expect([...OPERATORS_BY_TYPE[t]].sort()).toEqual(
        ['<', '<=', '<>', '=', '>', '>=', 'in', 'not_in'].sort(),
      );
    }
  });

  it('gives string operators to str only', () => {
    expect(OPERATORS_BY_TYPE.str).toContain('regex');
    expect(OPERATORS_BY_TYPE.str).toContain('not_match');
    expect(OPERATORS_BY_TYPE.str).not.toContain('<');
    expect(OPERATORS_BY_TYPE.num).not.toContain('like');
  });

  it('gives = and <> to bool, has/has_not to array', () => {
    expect(OPERATORS_BY_TYPE.bool).toEqual(['=', '<>']);
    expect(OPERATORS_BY_TYPE.array).toEqual(['has', 'has_not']);
  });
});

describe('fieldType', () => {
  it('finds own fields and ignores inherited keys', () => {
    expect(fieldType(BACKLINK_FIELDS, 'rank')).toBe('num');
    expect(fieldType(BACKLINK_FIELDS, 'constructor')).toBeUndefined();
    expect(fieldType(BACKLINK_FIELDS, 'type')).toBeUndefined();
    expect(fieldType(BACKLINK_FIELDS, 'indirect_link_path')).toBeUndefined();
  });
});
