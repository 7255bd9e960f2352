import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../test/helpers/random.js';
import type { FilterExpr } from '../core/filter/types.js';
import type { IntersectQuery, QueryTarget, TargetSpec } from '../core/query/intersect-query.js';
import { generateWeb } from '../generate/index.js';
import { createInputReaders, ingest } from '../ingest/index.js';
import { indexRootFor, writeLinkIndex } from '../link-index/index.js';
import { createDuckDBStore } from '../store/index.js';
import { openEngine, openLinkIndexEngine } from './index.js';
import type { Engine } from './types.js';

type Row = Record<string, unknown>;

function domainSpec(value: string): TargetSpec {
  return { kind: 'domain', value, includeSubdomains: true, raw: value };
}

function query(
  targets: string[],
  excludes: string[],
  extra: Partial<IntersectQuery> = {},
): IntersectQuery {
  const ts: QueryTarget[] = targets.map((t, i) => ({ ...domainSpec(t), key: String(i + 1) }));
  return {
    source: 'page',
    targets: ts,
    excludes: excludes.map(domainSpec),
    minMatching: ts.length,
    status: 'live',
    includeIndirect: true,
    excludeInternal: true,
    linkFilters: ts.map(() => null),
    itemFilter: null,
    order: [],
    offset: 0,
    limit: 1000,
    rankScale: 'one_thousand',
    internalListLimit: 10,
    ...extra,
  };
}

/** `host_to` matches a domain with subdomains. */
const MATCH = (p: number) => `(host_to = $${p} OR ends_with(host_to, '.' || $${p}))`;

describe('openEngine over a generated, ingested and built web', () => {
  let dir: string;
  let engine: Engine;
  let sql: (q: string, params?: string[]) => Promise<Row[]>;
  let closeSql: () => void;
  let top: string[];
  let scan: Engine;
  let verify: Engine;
  let pages: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-engine-'));
    const web = await generateWeb({
      outDir: join(dir, 'web'),
      links: 4000,
      seed: 11,
      snapshots: 2,
      format: 'ndjson',
    });
    const db = join(dir, 'web.duckdb');
    const store = await createDuckDBStore({ path: db, threads: 1 });
    const readers = createInputReaders(0);
    try {
      await ingest(store, web.files, { readers });
      await store.build();
      await writeLinkIndex(store, indexRootFor(db));
    } finally {
      await readers.close();
      await store.close();
    }
    engine = await openEngine(indexRootFor(db));
    scan = await openLinkIndexEngine(indexRootFor(db), 'scan');
    verify = await openLinkIndexEngine(indexRootFor(db), 'verify');
    const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    sql = async (q, params = []) =>
      (await conn.runAndReadAll(q, params)).getRowObjectsJson() as Row[];
    closeSql = () => {
      conn.closeSync();
      instance.closeSync();
    };
    top = (
      await sql(
        `SELECT domain_to FROM links WHERE NOT is_internal AND NOT is_lost
         GROUP BY domain_to ORDER BY count(DISTINCT url_from) DESC, domain_to LIMIT 3`,
      )
    ).map((r) => String(r.domain_to));
    pages = (
      await sql(`SELECT url_to FROM links GROUP BY url_to ORDER BY count(*) DESC, url_to LIMIT 10`)
    ).map((r) => String(r.url_to));
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    await scan?.close();
    await verify?.close();
    closeSql?.();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  /** Referring pages of targets 1, 2 not linking to exclude 3, by count desc then url. */
  async function expectedPages(dofollowOnFirst: boolean): Promise<Row[]> {
    const df = dofollowOnFirst ? 'AND dofollow' : '';
    return sql(
      `WITH a AS (
         SELECT url_from, count(*) FILTER (WHERE ${MATCH(1)} ${df}) AS n1,
                count(*) FILTER (WHERE ${MATCH(2)}) AS n2
         FROM links WHERE NOT is_lost AND NOT is_internal GROUP BY url_from),
       x AS (SELECT DISTINCT url_from FROM links WHERE NOT is_lost AND ${MATCH(3)})
       SELECT url_from, n1, n2 FROM a
       WHERE n1 > 0 AND n2 > 0 AND url_from NOT IN (SELECT url_from FROM x)
       ORDER BY url_from`,
      [top[0] as string, top[1] as string, top[2] as string],
    );
  }

  it('finds the pages linking to two domains and not to a third, as SQL does', async () => {
    const expected = await expectedPages(false);
    expect(expected.length).toBeGreaterThan(0);
    const r = await engine.pageIntersection(
      query([top[0], top[1]] as string[], [top[2] as string]),
    );
    expect(r.total_count).toBe(expected.length);
    expect(r.items_count).toBe(Math.min(expected.length, 1000));
    // Default order: count desc (all 2 here), page rank (null) last, then url_from asc.
    expect(r.items.map((i) => i.page_intersection['1']?.[0]?.url_from)).toEqual(
      expected.map((e) => e.url_from),
    );
    const first = r.items[0];
    const e0 = expected[0] as Row;
    expect(first?.summary.intersections_count).toBe(2);
    expect(first?.page_intersection['1']?.length).toBe(Math.min(10, Number(e0.n1)));
    expect(first?.page_intersection['2']?.length).toBe(Math.min(10, Number(e0.n2)));
  });

  it('applies a link filter to the links of its target only', async () => {
    const expected = await expectedPages(true);
    const dofollow: FilterExpr = {
      kind: 'cond',
      field: { target: 0, name: 'dofollow' },
      type: 'bool',
      op: '=',
      value: true,
    };
    const q = query([top[0], top[1]] as string[], [top[2] as string], {
      linkFilters: [dofollow, null],
    });
    const r = await engine.pageIntersection(q);
    expect(r.total_count).toBe(expected.length);
    for (const item of r.items) {
      for (const b of item.page_intersection['1'] ?? []) expect(b.dofollow).toBe(true);
    }
  });

  it('hydrates backlinks as the links table has them', async () => {
    const r = await engine.pageIntersection(query([top[0] as string], [], { limit: 1 }));
    const b = r.items[0]?.page_intersection['1']?.[0];
    expect(b).toBeDefined();
    const rows = await sql(
      `SELECT url_to, anchor, item_type, dofollow, strftime(first_seen, '%Y-%m-%d %H:%M:%S +00:00') AS fs
       FROM links WHERE url_from = $1 AND NOT is_lost AND NOT is_internal AND ${MATCH(2)}
       ORDER BY url_to, item_type, is_indirect_link LIMIT 1`,
      [String(b?.url_from), top[0] as string],
    );
    expect(b).toMatchObject({
      type: 'backlinks_page_intersection',
      url_to: rows[0]?.url_to,
      anchor: rows[0]?.anchor,
      item_type: rows[0]?.item_type,
      dofollow: rows[0]?.dofollow,
      first_seen: rows[0]?.fs,
      group_count: 0,
    });
    expect(Object.keys(b as object)).toHaveLength(45);
  });

  it('counts referring domains and their backlinks in domain mode', async () => {
    const expected = await sql(
      `WITH a AS (
         SELECT domain_from, count(*) FILTER (WHERE ${MATCH(1)}) AS n1,
                count(*) FILTER (WHERE ${MATCH(2)}) AS n2
         FROM links WHERE NOT is_lost AND NOT is_internal GROUP BY domain_from),
       x AS (SELECT DISTINCT domain_from FROM links WHERE NOT is_lost AND ${MATCH(3)})
       SELECT domain_from, n1, n2 FROM a
       WHERE (n1 > 0) :: INT + (n2 > 0) :: INT >= 1 AND domain_from NOT IN (SELECT domain_from FROM x)
       ORDER BY (n1 > 0) :: INT + (n2 > 0) :: INT DESC, domain_from`,
      [top[0] as string, top[1] as string, top[2] as string],
    );
    expect(expected.length).toBeGreaterThan(1);
    const r = await engine.domainIntersection(
      query([top[0], top[1]] as string[], [top[2] as string], { source: 'domain', minMatching: 1 }),
    );
    expect(r.total_count).toBe(expected.length);
    expect(r.items.map((i) => Object.values(i.domain_intersection)[0]?.target)).toEqual(
      expected.map((e) => e.domain_from),
    );
    for (const [i, item] of r.items.entries()) {
      const e = expected[i] as Row;
      expect(item.domain_intersection['1']?.backlinks ?? 0).toBe(Number(e.n1));
      expect(item.domain_intersection['2']?.backlinks ?? 0).toBe(Number(e.n2));
    }
  });

  it('answers the same whether it walks postings or checks candidate pages', async () => {
    const rnd = createRandom(9);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const domains = [...top, 'nowhere.example'];
    const conds: FilterExpr[] = [
      { kind: 'cond', field: { target: 0, name: 'dofollow' }, type: 'bool', op: '=', value: true },
      { kind: 'cond', field: { target: 0, name: 'anchor' }, type: 'str', op: 'like', value: '%a%' },
      { kind: 'cond', field: { target: 0, name: 'rank' }, type: 'num', op: '=', value: null },
      { kind: 'cond', field: { target: 0, name: 'is_lost' }, type: 'bool', op: '=', value: false },
      { kind: 'cond', field: { target: 0, name: 'is_lost' }, type: 'bool', op: '=', value: true },
      {
        kind: 'and',
        items: [
          {
            kind: 'cond',
            field: { target: 0, name: 'dofollow' },
            type: 'bool',
            op: '<>',
            value: true,
          },
          {
            kind: 'cond',
            field: { target: 0, name: 'anchor' },
            type: 'str',
            op: 'ilike',
            value: '%e%',
          },
        ],
      },
    ];
    let nonEmpty = 0;
    for (let round = 0; round < 60; round++) {
      const n = 1 + Math.floor(rnd() * 3);
      const targets: QueryTarget[] = Array.from({ length: n }, (_, i) => {
        const spec: TargetSpec =
          rnd() < 0.3
            ? { kind: 'page', value: pick(pages), includeSubdomains: false, raw: '' }
            : { ...domainSpec(pick(domains)), includeSubdomains: rnd() < 0.7 };
        return { ...spec, raw: spec.value, key: String(i + 1) };
      });
      const excludes: TargetSpec[] =
        rnd() < 0.5 ? [] : [{ ...domainSpec(pick(domains)), includeSubdomains: rnd() < 0.5 }];
      const q: IntersectQuery = {
        ...query([], []),
        targets,
        excludes,
        minMatching: 1 + Math.floor(rnd() * n),
        status: pick(['live', 'lost', 'all'] as const),
        includeIndirect: rnd() < 0.7,
        excludeInternal: rnd() < 0.7,
        linkFilters: targets.map(() => (rnd() < 0.3 ? pick(conds) : null)),
        order:
          rnd() < 0.5
            ? []
            : [
                {
                  field: { target: 0, name: pick(['first_seen', 'anchor', 'rank']) },
                  direction: pick(['asc', 'desc'] as const),
                },
              ],
        itemFilter:
          rnd() < 0.6
            ? null
            : pick<FilterExpr>([
                {
                  kind: 'cond',
                  field: { target: null, name: 'intersections_count' },
                  type: 'num',
                  op: '>=',
                  value: 2,
                },
                {
                  kind: 'cond',
                  field: { target: n - 1, name: 'anchor' },
                  type: 'str',
                  op: 'ilike',
                  value: '%e%',
                },
                {
                  kind: 'or',
                  items: [
                    {
                      kind: 'cond',
                      field: { target: 0, name: 'attributes' },
                      type: 'array',
                      op: 'has',
                      value: 'nofollow',
                    },
                    {
                      kind: 'cond',
                      field: { target: 0, name: 'item_type' },
                      type: 'str',
                      op: '=',
                      value: 'image',
                    },
                  ],
                },
              ]),
        offset: Math.floor(rnd() * 3),
        limit: 1 + Math.floor(rnd() * 50),
        internalListLimit: 1 + Math.floor(rnd() * 5),
      };
      const a = await scan.pageIntersection(q);
      const b = await verify.pageIntersection(q);
      expect(b).toEqual(a);
      expect(await engine.pageIntersection(q)).toEqual(a);
      if (a.total_count > 0) nonEmpty++;
      // Domain mode: the exact domain sets (taken when there is no link filter) agree too.
      const d: IntersectQuery = {
        ...q,
        source: 'domain',
        order:
          rnd() < 0.5
            ? []
            : [
                {
                  field: { target: 0, name: pick(['backlinks', 'first_seen', 'referring_pages']) },
                  direction: pick(['asc', 'desc'] as const),
                },
              ],
        itemFilter:
          rnd() < 0.7
            ? null
            : {
                kind: 'cond',
                field: { target: 0, name: 'backlinks' },
                type: 'num',
                op: '>',
                value: 1,
              },
      };
      if (rnd() < 0.5) d.linkFilters = d.linkFilters.map(() => null);
      expect(await engine.domainIntersection(d)).toEqual(await scan.domainIntersection(d));
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('aggregates a referring domain as SQL does', async () => {
    const r = await engine.domainIntersection(
      query([top[0] as string], [], { source: 'domain', limit: 3, internalListLimit: 2 }),
    );
    expect(r.items.length).toBeGreaterThan(0);
    for (const item of r.items) {
      const st = item.domain_intersection['1'];
      const rows = await sql(
        `SELECT count(*) AS backlinks, count(DISTINCT url_from) AS pages,
           strftime(min(first_seen), '%Y-%m-%d %H:%M:%S +00:00') AS fs,
           count(*) FILTER (WHERE is_broken) AS broken,
           (bool_and(NOT dofollow))::INT AS nofollow
         FROM links WHERE domain_from = $1 AND NOT is_lost AND NOT is_internal AND ${MATCH(2)}`,
        [String(st?.target), top[0] as string],
      );
      const types = await sql(
        `SELECT item_type, count(*) AS n FROM links
         WHERE domain_from = $1 AND NOT is_lost AND NOT is_internal AND ${MATCH(2)}
         GROUP BY item_type ORDER BY n DESC, item_type LIMIT 2`,
        [String(st?.target), top[0] as string],
      );
      const e = rows[0] as Row;
      expect(st).toMatchObject({
        backlinks: Number(e.backlinks),
        referring_pages: Number(e.pages),
        first_seen: e.fs,
        broken_backlinks: Number(e.broken),
        referring_domains_nofollow: Number(e.nofollow),
        referring_links_types: Object.fromEntries(types.map((t) => [t.item_type, Number(t.n)])),
      });
      expect(Object.keys(st as object)).toHaveLength(23);
    }
  });

  it('orders domains by a stats field with the same stats as the default order', async () => {
    const base = query([top[0], top[1]] as string[], [], { source: 'domain', minMatching: 1 });
    const plain = await engine.domainIntersection(base);
    const ordered = await engine.domainIntersection({
      ...base,
      order: [{ field: { target: 0, name: 'backlinks' }, direction: 'desc' }],
    });
    expect(ordered.total_count).toBe(plain.total_count);
    const statsByDomain = new Map(
      plain.items.map((i) => [Object.values(i.domain_intersection)[0]?.target, i]),
    );
    let last = Number.POSITIVE_INFINITY;
    let seenNone = false;
    for (const item of ordered.items) {
      const b = item.domain_intersection['1']?.backlinks;
      if (b === undefined) seenNone = true;
      else {
        expect(seenNone).toBe(false);
        expect(b).toBeLessThanOrEqual(last);
        last = b;
      }
      const target = Object.values(item.domain_intersection)[0]?.target;
      expect(item).toEqual(statsByDomain.get(target));
    }
  });

  it('describes the generation it serves', () => {
    const info = engine.info();
    expect(info.generation).toMatch(/^g-/);
    expect(info.links).toBeGreaterThan(1000);
  });
});
