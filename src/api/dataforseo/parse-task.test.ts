import { describe, expect, it } from 'vitest';
import type { IntersectQuery } from '../../core/query/intersect-query.js';
import { type IntersectionEndpoint, isValidRe2Pattern, parseTask } from './parse-task.js';

const two = { '1': 'a.com', '2': 'https://b.com/page' };

function query(
  task: Record<string, unknown>,
  endpoint: IntersectionEndpoint = 'page_intersection',
) {
  const r = parseTask(endpoint, task);
  if (!r.ok) throw new Error(`expected a query: ${r.message} (${r.detail})`);
  return r.query;
}

function failure(task: unknown, endpoint: IntersectionEndpoint = 'page_intersection') {
  const r = parseTask(endpoint, task);
  if (r.ok) throw new Error(`expected ${JSON.stringify(task)} to fail`);
  return r;
}

/** Expect the task to fail on `field` with the 40501 message. */
function rejects(
  field: string,
  task: Record<string, unknown>,
  endpoint: IntersectionEndpoint = 'page_intersection',
) {
  const r = failure(task, endpoint);
  expect(r.field, JSON.stringify(task)).toBe(field);
  expect(r.message).toBe(`Invalid Field: '${field}'.`);
  expect(r.detail).toContain(field);
}

describe('parseTask: defaults', () => {
  it('fills every default for a task with only targets (page)', () => {
    const q = query({ targets: two });
    expect(q).toEqual<IntersectQuery>({
      source: 'page',
      targets: [
        { key: '1', kind: 'domain', value: 'a.com', includeSubdomains: true, raw: 'a.com' },
        {
          key: '2',
          kind: 'page',
          value: 'https://b.com/page',
          includeSubdomains: true,
          raw: 'https://b.com/page',
        },
      ],
      excludes: [],
      minMatching: 2,
      status: 'live',
      includeIndirect: true,
      excludeInternal: true,
      linkFilters: [null, null],
      itemFilter: null,
      order: [],
      offset: 0,
      limit: 100,
      rankScale: 'one_thousand',
      internalListLimit: 10,
      excludeTechnicalHosts: false,
      explainSpam: false,
    });
  });

  it('sets source domain for domain_intersection', () => {
    const q = query({ targets: two }, 'domain_intersection');
    expect(q.source).toBe('domain');
    expect(q.linkFilters).toEqual([null, null]);
  });

  it('reads null for every optional field as absent', () => {
    const nulls = {
      exclude_targets: null,
      backlinks_status_type: null,
      filters: null,
      order_by: null,
      offset: null,
      limit: null,
      internal_list_limit: null,
      backlinks_filters: null,
      include_subdomains: null,
      include_indirect_links: null,
      exclude_internal_backlinks: null,
      intersection_mode: null,
      rank_scale: null,
      tag: null,
    };
    for (const endpoint of ['page_intersection', 'domain_intersection'] as const) {
      const q = query({ targets: two, ...nulls }, endpoint);
      expect(q).toEqual(query({ targets: two }, endpoint));
    }
  });
});

describe('parseTask: targets', () => {
  it('keeps the object key order and the raw strings', () => {
    const q = query({ targets: { b: 'Blog.A.com', a: 'https://A.com/x?y#z', c: 'a.co.uk' } });
    expect(q.targets.map((t) => [t.key, t.kind, t.value, t.raw])).toEqual([
      ['b', 'host', 'blog.a.com', 'Blog.A.com'],
      ['a', 'page', 'https://a.com/x?y', 'https://A.com/x?y#z'],
      ['c', 'domain', 'a.co.uk', 'a.co.uk'],
    ]);
  });

  it('accepts one target and twenty targets', () => {
    expect(query({ targets: { '1': 'a.com' } }).targets).toHaveLength(1);
    const twenty = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`${i + 1}`, `d${i}.com`]),
    );
    expect(query({ targets: twenty }).targets).toHaveLength(20);
  });

  it('says targets is required when missing or null', () => {
    for (const task of [{}, { targets: null }, { limit: 10 }]) {
      const r = failure(task);
      expect(r.field).toBe('targets');
      expect(r.message).toBe("Invalid Field: 'targets' is required");
    }
  });

  it('says targets is required when the task is not an object', () => {
    for (const task of [null, undefined, 'x', 42, [], [{ targets: two }]]) {
      const r = failure(task);
      expect(r.field).toBe('targets');
      expect(r.message).toBe("Invalid Field: 'targets' is required");
      expect(r.data).toEqual({ api: 'backlinks', function: 'page_intersection' });
    }
  });

  it('rejects targets that are not an object or hold 0 or more than 20 entries', () => {
    const many = Object.fromEntries(
      Array.from({ length: 21 }, (_, i) => [`${i + 1}`, `d${i}.com`]),
    );
    for (const targets of [['a.com'], 'a.com', 1, true, {}, many]) rejects('targets', { targets });
  });

  it('rejects empty or overlong keys', () => {
    rejects('targets', { targets: { '': 'a.com' } });
    rejects('targets', { targets: { '12345678901': 'a.com' } });
    expect(query({ targets: { '1234567890': 'a.com' } }).targets[0]?.key).toBe('1234567890');
  });

  it('rejects values that are not non-empty valid targets', () => {
    for (const v of [
      '',
      '  ',
      1,
      null,
      ['a.com'],
      'a.com/path',
      'https://a.com/*',
      'ftp://a.com',
    ]) {
      rejects('targets', { targets: { '1': 'b.com', '2': v } });
    }
  });

  it('applies include_subdomains to host and domain targets', () => {
    const q = query({ targets: { '1': 'a.com', '2': 'blog.b.com' }, include_subdomains: false });
    expect(q.targets.map((t) => t.includeSubdomains)).toEqual([false, false]);
  });
});

describe('parseTask: exclude_targets', () => {
  it('parses URLs, prefixes and hosts with include_subdomains', () => {
    const q = query({
      targets: two,
      exclude_targets: ['https://c.com/iphone/*', 'https://c.com/x', 'C.com'],
      include_subdomains: false,
    });
    expect(q.excludes).toEqual([
      {
        kind: 'prefix',
        value: 'https://c.com/iphone/',
        includeSubdomains: false,
        raw: 'https://c.com/iphone/*',
      },
      { kind: 'page', value: 'https://c.com/x', includeSubdomains: false, raw: 'https://c.com/x' },
      { kind: 'domain', value: 'c.com', includeSubdomains: false, raw: 'C.com' },
    ]);
  });

  it('accepts an empty list and ten entries', () => {
    expect(query({ targets: two, exclude_targets: [] }).excludes).toEqual([]);
    const ten = Array.from({ length: 10 }, (_, i) => `x${i}.com`);
    expect(query({ targets: two, exclude_targets: ten }).excludes).toHaveLength(10);
  });

  it('rejects non-arrays, more than ten entries and bad entries', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `x${i}.com`);
    for (const v of [
      'c.com',
      { '1': 'c.com' },
      eleven,
      [''],
      [1],
      ['c.com/x'],
      ['https://c.com/*/x'],
    ]) {
      rejects('exclude_targets', { targets: two, exclude_targets: v });
    }
  });
});

describe('parseTask: filters (page)', () => {
  it('splits link filters from the item filter', () => {
    const q = query({
      targets: two,
      filters: [
        ['2.domain_from_rank', '>', 400],
        'and',
        ['1.dofollow', '=', true],
        'and',
        ['intersections_count', '>=', '2'],
      ],
    });
    expect(q.linkFilters).toEqual([
      { kind: 'cond', field: { target: 0, name: 'dofollow' }, type: 'bool', op: '=', value: true },
      {
        kind: 'cond',
        field: { target: 1, name: 'domain_from_rank' },
        type: 'num',
        op: '>',
        value: 400,
      },
    ]);
    expect(q.itemFilter).toEqual({
      kind: 'cond',
      field: { target: null, name: 'intersections_count' },
      type: 'num',
      op: '>=',
      value: 2,
    });
  });

  it('accepts the MCP server nesting [[cond]]', () => {
    const q = query({ targets: two, filters: [['1.dofollow', '=', true]] });
    expect(q.linkFilters[0]).toMatchObject({ op: '=', value: true });
  });

  it('rejects malformed filters, unknown fields, bad operators and > 8 conditions', () => {
    const cond = ['1.rank', '>', 1];
    const nine = [
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
    ];
    for (const filters of [
      'x',
      ['1.rank', '>'],
      ['3.rank', '>', 1],
      ['1.referring_pages', '>', 1],
      ['1.rank', 'like', '%a%'],
      ['1.rank', '>', 'abc'],
      [cond, 'xor', cond],
      nine,
      ['1.anchor', 'regex', '(?=lookahead)'],
      ['1.anchor', 'regex', 'a('],
    ]) {
      rejects('filters', { targets: two, filters });
    }
  });

  it('names the filter problem in the detail', () => {
    const r = failure({ targets: two, filters: ['1.nope', '=', 1] });
    expect(r.detail).toMatch(/unknown filter field '1.nope'/);
  });

  it('accepts a valid RE2 regex', () => {
    const q = query({ targets: two, filters: ['1.anchor', 'regex', '^seo\\s+\\w+$'] });
    expect(q.linkFilters[0]).toMatchObject({ op: 'regex', value: '^seo\\s+\\w+$' });
  });
});

describe('parseTask: filters and backlinks_filters (domain)', () => {
  it('keeps filters as the item filter and gives backlinks_filters to every target', () => {
    const q = query(
      {
        targets: two,
        filters: [['2.referring_pages', '>', '2'], 'and', ['1.backlinks', '>', '10']],
        backlinks_filters: [['dofollow', '=', true]],
      },
      'domain_intersection',
    );
    const dofollow = {
      kind: 'cond',
      field: { target: null, name: 'dofollow' },
      type: 'bool',
      op: '=',
      value: true,
    };
    expect(q.linkFilters).toEqual([dofollow, dofollow]);
    expect(q.itemFilter).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'cond',
          field: { target: 1, name: 'referring_pages' },
          type: 'num',
          op: '>',
          value: 2,
        },
        { kind: 'cond', field: { target: 0, name: 'backlinks' }, type: 'num', op: '>', value: 10 },
      ],
    });
  });

  it('uses the domain catalogue for filters', () => {
    rejects(
      'filters',
      { targets: two, filters: ['1.anchor', 'like', '%a%'] },
      'domain_intersection',
    );
  });

  it('counts the two filters’ conditions separately', () => {
    const cond = ['1.backlinks', '>', 1];
    const eight = [
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
      'and',
      cond,
    ];
    const bcond = ['dofollow', '=', true];
    const beight = [
      bcond,
      'and',
      bcond,
      'and',
      bcond,
      'and',
      bcond,
      'and',
      bcond,
      'and',
      bcond,
      'and',
      bcond,
      'and',
      bcond,
    ];
    const q = query(
      { targets: two, filters: eight, backlinks_filters: beight },
      'domain_intersection',
    );
    expect(q.itemFilter).toMatchObject({ kind: 'and' });
    rejects(
      'backlinks_filters',
      { targets: two, backlinks_filters: [...beight, 'and', bcond] },
      'domain_intersection',
    );
  });

  it('rejects prefixed and unknown fields in backlinks_filters', () => {
    for (const backlinks_filters of [['1.dofollow', '=', true], ['backlinks', '>', 1], 'x']) {
      rejects('backlinks_filters', { targets: two, backlinks_filters }, 'domain_intersection');
    }
  });

  it('ignores backlinks_filters on page_intersection, even invalid, and does not echo it', () => {
    const r = parseTask('page_intersection', { targets: two, backlinks_filters: 'garbage' });
    expect(r.ok).toBe(true);
    expect(r.data).not.toHaveProperty('backlinks_filters');
  });
});

describe('parseTask: order_by', () => {
  it('parses rules with the endpoint’s fields', () => {
    expect(
      query({ targets: two, order_by: ['1.rank,desc', 'intersections_count,asc'] }).order,
    ).toEqual([
      { field: { target: 0, name: 'rank' }, direction: 'desc' },
      { field: { target: null, name: 'intersections_count' }, direction: 'asc' },
    ]);
    expect(
      query({ targets: two, order_by: ['2.backlinks,desc'] }, 'domain_intersection').order,
    ).toEqual([{ field: { target: 1, name: 'backlinks' }, direction: 'desc' }]);
  });

  it('rejects more than three rules and malformed rules', () => {
    for (const order_by of [
      ['1.rank,desc', '1.rank,asc', '2.rank,desc', '2.rank,asc'],
      '1.rank,desc',
      ['1.rank,sideways'],
      ['9.rank,desc'],
      ['1.attributes,asc'],
      [1],
    ]) {
      rejects('order_by', { targets: two, order_by });
    }
    rejects('order_by', { targets: two, order_by: ['1.anchor,desc'] }, 'domain_intersection');
  });
});

describe('parseTask: numbers', () => {
  it('reads offset, limit and internal_list_limit', () => {
    const q = query({ targets: two, offset: 20, limit: 1000, internal_list_limit: 1 });
    expect([q.offset, q.limit, q.internalListLimit]).toEqual([20, 1000, 1]);
    const q2 = query({ targets: two, offset: 1_000_000, limit: 1, internal_list_limit: 1000 });
    expect([q2.offset, q2.limit, q2.internalListLimit]).toEqual([1_000_000, 1, 1000]);
  });

  it('rejects out-of-range, fractional and non-number values', () => {
    for (const offset of [-1, 1_000_001, 1.5, '5', true])
      rejects('offset', { targets: two, offset });
    for (const limit of [0, 1001, -5, 2.5, '100', []]) rejects('limit', { targets: two, limit });
    for (const v of [0, 1001, '10', 0.5])
      rejects('internal_list_limit', { targets: two, internal_list_limit: v });
  });
});

describe('parseTask: enums, booleans and tag', () => {
  it('reads backlinks_status_type', () => {
    for (const s of ['live', 'lost', 'all'] as const) {
      expect(query({ targets: two, backlinks_status_type: s }).status).toBe(s);
    }
    for (const v of ['LIVE', 'dead', 1])
      rejects('backlinks_status_type', { targets: two, backlinks_status_type: v });
  });

  it('maps intersection_mode to minMatching', () => {
    const three = { '1': 'a.com', '2': 'b.com', '3': 'c.com' };
    expect(query({ targets: three, intersection_mode: 'all' }).minMatching).toBe(3);
    expect(query({ targets: three, intersection_mode: 'partial' }).minMatching).toBe(1);
    expect(query({ targets: three }).minMatching).toBe(3);
    for (const v of ['any', 'All', 2])
      rejects('intersection_mode', { targets: two, intersection_mode: v });
  });

  it('reads rank_scale', () => {
    expect(query({ targets: two, rank_scale: 'one_hundred' }).rankScale).toBe('one_hundred');
    expect(query({ targets: two, rank_scale: 'one_thousand' }).rankScale).toBe('one_thousand');
    for (const v of ['hundred', 100]) rejects('rank_scale', { targets: two, rank_scale: v });
  });

  it('reads the five booleans (two of them our extensions, off by default)', () => {
    expect([
      query({ targets: two }).excludeTechnicalHosts,
      query({ targets: two }).explainSpam,
    ]).toEqual([false, false]);
    const q = query({
      targets: two,
      include_subdomains: false,
      include_indirect_links: false,
      exclude_internal_backlinks: false,
      exclude_technical_hosts: true,
      explain_spam: true,
    });
    expect([
      q.includeIndirect,
      q.excludeInternal,
      q.targets[0]?.includeSubdomains,
      q.excludeTechnicalHosts,
      q.explainSpam,
    ]).toEqual([false, false, false, true, true]);
    for (const field of [
      'include_subdomains',
      'include_indirect_links',
      'exclude_internal_backlinks',
      'exclude_technical_hosts',
      'explain_spam',
    ]) {
      for (const v of ['true', 1, 0, 'false']) rejects(field, { targets: two, [field]: v });
    }
  });

  it('accepts a tag of up to 255 chars', () => {
    expect(parseTask('page_intersection', { targets: two, tag: 'x'.repeat(255) }).ok).toBe(true);
    rejects('tag', { targets: two, tag: 'x'.repeat(256) });
    rejects('tag', { targets: two, tag: 5 });
  });
});

describe('parseTask: error order', () => {
  it('reports the first bad field in the fixed order, targets first', () => {
    const allBad = {
      tag: 5,
      rank_scale: 'x',
      intersection_mode: 'x',
      explain_spam: 'x',
      exclude_technical_hosts: 'x',
      exclude_internal_backlinks: 'x',
      include_indirect_links: 'x',
      include_subdomains: 'x',
      backlinks_filters: 'x',
      backlinks_status_type: 'x',
      internal_list_limit: 0,
      limit: 0,
      offset: -1,
      order_by: 'x',
      filters: 'x',
      exclude_targets: 'x',
      targets: [],
    };
    const order = [
      'targets',
      'exclude_targets',
      'filters',
      'backlinks_filters',
      'order_by',
      'offset',
      'limit',
      'internal_list_limit',
      'backlinks_status_type',
      'include_subdomains',
      'include_indirect_links',
      'exclude_internal_backlinks',
      'exclude_technical_hosts',
      'explain_spam',
      'intersection_mode',
      'rank_scale',
      'tag',
    ];
    const task: Record<string, unknown> = { ...allBad };
    for (const field of order) {
      expect(failure(task, 'domain_intersection').field).toBe(field);
      task[field] = field === 'targets' ? two : null;
    }
    expect(parseTask('domain_intersection', task).ok).toBe(true);
  });
});

describe('parseTask: data echo', () => {
  it('starts with api and function, then the recognised fields in request order', () => {
    const task = {
      limit: 5,
      unknown_field: 1,
      targets: two,
      search_after_token: 'x',
      tag: 'hello',
      filters: null,
      order_by: ['1.rank,desc'],
    };
    const r = parseTask('page_intersection', task);
    expect(r.ok).toBe(true);
    expect(Object.entries(r.data)).toEqual([
      ['api', 'backlinks'],
      ['function', 'page_intersection'],
      ['limit', 5],
      ['targets', two],
      ['tag', 'hello'],
      ['filters', null],
      ['order_by', ['1.rank,desc']],
    ]);
  });

  it('echoes invalid values as sent', () => {
    const r = parseTask('domain_intersection', {
      targets: [],
      limit: 'lots',
      backlinks_filters: 7,
    });
    expect(r.ok).toBe(false);
    expect(r.data).toEqual({
      api: 'backlinks',
      function: 'domain_intersection',
      targets: [],
      limit: 'lots',
      backlinks_filters: 7,
    });
  });

  it('echoes every recognised field of each endpoint', () => {
    const page = [
      'targets',
      'exclude_targets',
      'backlinks_status_type',
      'filters',
      'order_by',
      'offset',
      'limit',
      'internal_list_limit',
      'include_subdomains',
      'include_indirect_links',
      'exclude_internal_backlinks',
      'exclude_technical_hosts',
      'explain_spam',
      'intersection_mode',
      'rank_scale',
      'tag',
    ];
    const task = Object.fromEntries(
      [...page, 'backlinks_filters', 'api', 'function'].map((k) => [k, null]),
    );
    expect(Object.keys(parseTask('page_intersection', task).data)).toEqual([
      'api',
      'function',
      ...page,
    ]);
    expect(Object.keys(parseTask('domain_intersection', task).data)).toEqual([
      'api',
      'function',
      ...page,
      'backlinks_filters',
    ]);
    expect(parseTask('domain_intersection', task).data.function).toBe('domain_intersection');
  });
});

describe('parseTask: robustness', () => {
  it('never throws on odd input', () => {
    const odd: unknown[] = [
      { targets: { '1': 'a.com' }, filters: [[[[[[]]]]]] },
      { targets: { '1': 'a.com' }, filters: [null, 'and', null] },
      { targets: { '1': 'a.com' }, order_by: [null] },
      { targets: { '1': 'a.com' }, exclude_targets: [null] },
      { targets: Object.create(null) },
      JSON.parse('{"targets":{"__proto__":"a.com"}}'),
    ];
    for (const task of odd) expect(() => parseTask('page_intersection', task)).not.toThrow();
  });

  it('treats a __proto__ key from JSON as an ordinary target key', () => {
    const q = query(JSON.parse('{"targets":{"__proto__":"a.com"}}'));
    expect(q.targets.map((t) => t.key)).toEqual(['__proto__']);
  });
});

describe('isValidRe2Pattern', () => {
  it('accepts RE2 syntax and rejects what RE2 cannot compile', () => {
    expect(isValidRe2Pattern('^a+b?$')).toBe(true);
    expect(isValidRe2Pattern('\\p{L}+')).toBe(true);
    expect(isValidRe2Pattern('(a')).toBe(false);
    expect(isValidRe2Pattern('(?=a)')).toBe(false);
    expect(isValidRe2Pattern('(a)\\1')).toBe(false);
  });
});
