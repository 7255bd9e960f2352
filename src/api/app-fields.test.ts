/**
 * Every DataForSEO request field over HTTP: how it reaches the engine's query, and the 40501
 * task each invalid value gets (cost 0, result null, the bad value echoed in data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeEngine, type FakeEngine } from '../../test/helpers/fake-engine.js';
import { type ServedApp, serveApp } from '../../test/helpers/http-app.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { createApp } from './app.js';

const PAGE = '/v3/backlinks/page_intersection/live';
const DOMAIN = '/v3/backlinks/domain_intersection/live';
const TARGETS = { '1': 'a.com', '2': 'b.com' };

interface Task {
  status_code: number;
  status_message: string;
  cost: number;
  result_count: number;
  data: Record<string, unknown>;
  result: unknown[] | null;
}

let engine: FakeEngine;
let api: ServedApp;

beforeAll(async () => {
  engine = createFakeEngine();
  api = await serveApp(createApp({ engine, auth: null, pricing: { base: 1, perItem: 0 } }));
});
afterAll(async () => {
  await api.close();
});

async function task(path: string, body: Record<string, unknown>): Promise<Task> {
  const r = await api.post(path, [body]);
  expect(r.status).toBe(200);
  const env = r.json as { status_code: number; tasks: Task[] };
  expect(env.status_code).toBe(20000);
  return env.tasks[0] as Task;
}

async function query(path: string, extra: Record<string, unknown>): Promise<IntersectQuery> {
  const before = engine.queries.length;
  const t = await task(path, { targets: TARGETS, ...extra });
  expect(t.status_code, t.status_message).toBe(20000);
  expect(engine.queries.length).toBe(before + 1);
  return engine.queries.at(-1) as IntersectQuery;
}

describe('request fields reach the query', () => {
  it('applies DataForSEO defaults when only targets are sent', async () => {
    const q = await query(PAGE, {});
    expect(q).toMatchObject({
      source: 'page',
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
    });
    expect(q.targets.map((t) => [t.key, t.kind, t.value, t.includeSubdomains])).toEqual([
      ['1', 'domain', 'a.com', true],
      ['2', 'domain', 'b.com', true],
    ]);
  });

  it('treats null optional fields as absent', async () => {
    const nulls = Object.fromEntries(
      [
        'exclude_targets',
        'filters',
        'order_by',
        'offset',
        'limit',
        'internal_list_limit',
        'backlinks_status_type',
        'include_subdomains',
        'include_indirect_links',
        'exclude_internal_backlinks',
        'intersection_mode',
        'rank_scale',
        'tag',
      ].map((f) => [f, null]),
    );
    const q = await query(PAGE, nulls);
    expect(q).toMatchObject({
      limit: 100,
      offset: 0,
      status: 'live',
      minMatching: 2,
      itemFilter: null,
    });
    const d = await query(DOMAIN, { ...nulls, backlinks_filters: null });
    expect(d.linkFilters).toEqual([null, null]);
  });

  it('maps every field', async () => {
    const q = await query(PAGE, {
      targets: { '1': 'a.com', '2': 'https://b.com/page', '3': 'blog.c.com' },
      exclude_targets: ['mine.com', 'https://mine.org/blog/*'],
      filters: [['1.dofollow', '=', true], 'and', ['intersections_count', '>=', 2]],
      order_by: ['1.rank,desc', 'intersections_count,asc'],
      offset: 5,
      limit: 7,
      internal_list_limit: 3,
      backlinks_status_type: 'all',
      include_subdomains: false,
      include_indirect_links: false,
      exclude_internal_backlinks: false,
      intersection_mode: 'partial',
      rank_scale: 'one_hundred',
      tag: 'my-tag',
    });
    expect(q.targets.map((t) => t.kind)).toEqual(['domain', 'page', 'host']);
    expect(q.targets.every((t) => t.kind === 'page' || !t.includeSubdomains)).toBe(true);
    expect(q.excludes.map((e) => e.kind)).toEqual(['domain', 'prefix']);
    expect(q.linkFilters[0]).not.toBeNull();
    expect(q.itemFilter).not.toBeNull();
    expect(q.order).toEqual([
      { field: { target: 0, name: 'rank' }, direction: 'desc' },
      { field: { target: null, name: 'intersections_count' }, direction: 'asc' },
    ]);
    expect(q).toMatchObject({
      offset: 5,
      limit: 7,
      internalListLimit: 3,
      status: 'all',
      includeIndirect: false,
      excludeInternal: false,
      minMatching: 1,
      rankScale: 'one_hundred',
    });
  });

  it('echoes the sent fields in data, in request order, and drops unknown ones', async () => {
    const t = await task(PAGE, { limit: 3, targets: TARGETS, bogus: 1, tag: 't' });
    expect(Object.keys(t.data)).toEqual(['api', 'function', 'limit', 'targets', 'tag']);
    expect(t.cost).toBe(1);
  });

  it('sends backlinks_filters of domain_intersection to every target link filter', async () => {
    const q = await query(DOMAIN, { backlinks_filters: [['dofollow', '=', true]] });
    expect(q.source).toBe('domain');
    expect(q.linkFilters).toHaveLength(2);
    expect(q.linkFilters.every((f) => f !== null)).toBe(true);
  });
});

const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('invalid fields answer 40501', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['targets missing', 'targets', {}],
    ['targets as an array', 'targets', { targets: ['a.com', 'b.com'] }],
    ['targets empty', 'targets', { targets: {} }],
    [
      '21 targets',
      'targets',
      { targets: Object.fromEntries(many(21, (i) => [`${i + 1}`, `t${i}.com`])) },
    ],
    ['a non-string target', 'targets', { targets: { '1': 5 } }],
    ['a prefix target', 'targets', { targets: { '1': 'https://a.com/*' } }],
    [
      '11 excludes',
      'exclude_targets',
      { targets: TARGETS, exclude_targets: many(11, (i) => `x${i}.com`) },
    ],
    ['excludes as a string', 'exclude_targets', { targets: TARGETS, exclude_targets: 'x.com' }],
    ['an unknown filter field', 'filters', { targets: TARGETS, filters: ['1.nope', '=', 1] }],
    ['a bad operator', 'filters', { targets: TARGETS, filters: ['1.rank', '~', 1] }],
    [
      '9 filter conditions',
      'filters',
      {
        targets: TARGETS,
        filters: many(17, (i) => (i % 2 === 1 ? 'and' : ['1.rank', '>', i])),
      },
    ],
    ['4 order rules', 'order_by', { targets: TARGETS, order_by: many(4, () => '1.rank,desc') }],
    ['a malformed order rule', 'order_by', { targets: TARGETS, order_by: ['1.rank,sideways'] }],
    ['a negative offset', 'offset', { targets: TARGETS, offset: -1 }],
    ['limit 0', 'limit', { targets: TARGETS, limit: 0 }],
    ['limit 1001', 'limit', { targets: TARGETS, limit: 1001 }],
    ['a string limit', 'limit', { targets: TARGETS, limit: 'ten' }],
    ['internal_list_limit 0', 'internal_list_limit', { targets: TARGETS, internal_list_limit: 0 }],
    [
      'internal_list_limit 1001',
      'internal_list_limit',
      { targets: TARGETS, internal_list_limit: 1001 },
    ],
    [
      'a bad status type',
      'backlinks_status_type',
      { targets: TARGETS, backlinks_status_type: 'dead' },
    ],
    [
      'include_subdomains as a number',
      'include_subdomains',
      { targets: TARGETS, include_subdomains: 1 },
    ],
    [
      'include_indirect_links as a string',
      'include_indirect_links',
      { targets: TARGETS, include_indirect_links: 'yes' },
    ],
    [
      'exclude_internal_backlinks as an array',
      'exclude_internal_backlinks',
      { targets: TARGETS, exclude_internal_backlinks: [] },
    ],
    [
      'a bad intersection mode',
      'intersection_mode',
      { targets: TARGETS, intersection_mode: 'some' },
    ],
    ['a bad rank scale', 'rank_scale', { targets: TARGETS, rank_scale: 'ten' }],
    ['a 256-char tag', 'tag', { targets: TARGETS, tag: 'x'.repeat(256) }],
  ])('page_intersection: %s', async (_, field, body) => {
    const before = engine.queries.length;
    const t = await task(PAGE, body);
    expect(t.status_code).toBe(40501);
    expect(t.status_message).toContain(`Invalid Field: '${field}'`);
    expect(t).toMatchObject({ cost: 0, result_count: 0, result: null });
    expect(t.data).toMatchObject({ api: 'backlinks', function: 'page_intersection' });
    if (field in body) expect(t.data[field]).toEqual(body[field]);
    expect(engine.queries.length).toBe(before);
  });

  it('domain_intersection: a malformed backlinks_filters', async () => {
    const t = await task(DOMAIN, { targets: TARGETS, backlinks_filters: [['nope', '=', 1]] });
    expect(t.status_code).toBe(40501);
    expect(t.status_message).toContain("'backlinks_filters'");
    expect(t.data.backlinks_filters).toEqual([['nope', '=', 1]]);
  });

  it('counts the failed task in tasks_error and charges nothing', async () => {
    const r = await api.post(PAGE, [{ targets: TARGETS, limit: 0 }]);
    expect(r.json).toMatchObject({ status_code: 20000, cost: 0, tasks_count: 1, tasks_error: 1 });
  });
});

describe('.ai variants', () => {
  it('page_intersection/live.ai answers id, status and pruned items', async () => {
    const r = await api.post(`${PAGE}.ai`, [{ targets: TARGETS }]);
    expect(r.status).toBe(200);
    const ai = r.json as {
      id: string;
      status_code: number;
      status_message: string;
      items: unknown[];
    };
    expect(Object.keys(ai)).toEqual(['id', 'status_code', 'status_message', 'items']);
    expect(ai.id).toMatch(/-0287-0000-/);
    expect(ai.status_code).toBe(20000);
    const backlink = (
      ai.items[0] as { page_intersection: Record<string, Array<Record<string, unknown>>> }
    ).page_intersection['1']?.[0];
    expect(backlink?.url_from).toBe('https://blog.example.org/post');
    // null (prev_seen), false (is_new), "" (text_pre) are dropped; 0 and true stay.
    expect(backlink).not.toHaveProperty('prev_seen');
    expect(backlink).not.toHaveProperty('is_new');
    expect(backlink).not.toHaveProperty('text_pre');
    expect(backlink?.group_count).toBe(0);
    expect(backlink?.dofollow).toBe(true);
    expect(r.text).toContain('https:\\/\\/blog.example.org');
  });

  it('domain_intersection/live.ai answers the domain items', async () => {
    const r = await api.post(`${DOMAIN}.ai`, { targets: TARGETS });
    const ai = r.json as {
      id: string;
      items: Array<{ domain_intersection: Record<string, Record<string, unknown>> }>;
    };
    expect(ai.id).toMatch(/-0268-0000-/);
    expect(ai.items).toHaveLength(2);
    expect(ai.items[0]?.domain_intersection['1']).not.toHaveProperty('referring_links_attributes');
    expect(ai.items[0]?.domain_intersection['1']?.referring_links_semantic_locations).toEqual({
      article: 2,
      '': 1,
    });
  });

  it('answers a 40501 task and request errors in the .ai shape', async () => {
    const bad = await api.post(`${PAGE}.ai`, [{ targets: TARGETS, limit: 0 }]);
    expect(bad.json).toMatchObject({
      status_code: 40501,
      status_message: "Invalid Field: 'limit'.",
    });
    expect(bad.json).not.toHaveProperty('items');
    const empty = await api.post(`${PAGE}.ai`, '[]');
    expect(empty.json).toEqual({ status_code: 40502, status_message: 'POST Data Is Empty.' });
    const invalid = await api.post(`${DOMAIN}.ai`, '{');
    expect(invalid.json).toEqual({ status_code: 40503, status_message: 'POST Data Is Invalid.' });
  });
});
