/**
 * Hostile strings through every value path of the ClickHouse store: stored in captures (anchors,
 * titles, URLs — through migrate's inserts and back through hydration) and sent in queries
 * (page, prefix and domain targets and excludes, every string filter operator, item filters,
 * evidence prospects). Each answer must equal the in-memory index's: a value is only ever data,
 * never SQL, and never an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterExpr, FilterOp } from '../../src/core/filter/types.js';
import type { IntersectQuery, TargetSpec } from '../../src/core/query/intersect-query.js';
import type { Capture } from '../../src/core/types.js';
import type { Engine } from '../../src/engine/index.js';
import { openClickHouseEngine } from '../../src/scale-out/clickhouse-engine.js';
import { migrateToClickHouse } from '../../src/scale-out/migrate.js';
import { connectClickHouse, parseClickHouseUrl } from '../../src/store/clickhouse/index.js';
import { buildCapturesIndex, type CapturesIndex } from '../helpers/captures-index.js';
import { type ClickHouseBackend, clickhouseBackends } from '../helpers/clickhouse-cluster.js';

const HOSTILE = [
  "'",
  "\\'",
  '\\',
  "x' OR 1=1 --",
  "'); DROP TABLE lg_generations; --",
  '%',
  '_',
  'a\\%b\\_c',
  '\u0000',
  '\u0001\u001f\u007f',
  'line\nbreak\r\n',
  '\t',
  '`',
  '"',
  '$' + '{x}',
  '\\x00\\N',
  '(?i)ABC',
  '[',
  '.*',
  '$1',
  '😀 é ß',
  'İstanbul',
];

const AT = '2026-03-01T00:00:00Z';

function capture(i: number, h: string): Capture {
  return {
    url: `https://src${i}.example/p?q=${encodeURIComponent(h)}`,
    fetched_at: AT,
    status: 200,
    ip: `10.0.${i}.1`,
    title: `title ${h} end`,
    links: [
      { url: 'https://t1.com/', item_type: 'anchor', anchor: `see ${h}` },
      { url: `https://t2.com/${encodeURIComponent(h)}`, item_type: 'anchor', anchor: h },
      { url: 'https://t3.com/x', item_type: 'image', alt: `${h}${h}` },
    ],
  };
}

function spec(kind: TargetSpec['kind'], value: string): TargetSpec {
  return { kind, value, includeSubdomains: true, raw: value };
}

function query(
  source: 'page' | 'domain',
  targets: TargetSpec[],
  excludes: TargetSpec[],
  linkFilter: FilterExpr | null,
  itemFilter: FilterExpr | null = null,
): IntersectQuery {
  return {
    source,
    targets: targets.map((t, i) => ({ ...t, key: String(i + 1) })),
    excludes,
    minMatching: 1,
    status: 'all',
    includeIndirect: true,
    excludeInternal: true,
    excludeTechnicalHosts: false,
    linkFilters: targets.map((_, i) => (i === 0 ? linkFilter : null)),
    itemFilter,
    order: [],
    offset: 0,
    limit: 100,
    rankScale: 'one_thousand',
    internalListLimit: 10,
    explainSpam: false,
  };
}

const STRING_OPS: FilterOp[] = [
  '=',
  '<>',
  'like',
  'not_like',
  'ilike',
  'not_ilike',
  'regex',
  'not_regex',
  'match',
  'not_match',
  'in',
  'not_in',
];

/** Every query the hostile value `h` is sent in. */
function queriesOf(h: string): IntersectQuery[] {
  const targets = [spec('domain', 't1.com'), spec('domain', 't2.com'), spec('domain', 't3.com')];
  const out: IntersectQuery[] = [
    query('page', [spec('page', `https://t2.com/${h}`), spec('domain', h)], [], null),
    query('page', targets, [spec('prefix', `https://t2.com/${h}`)], null),
    query('domain', [spec('host', h), ...targets], [spec('domain', h)], null),
  ];
  for (const op of STRING_OPS) {
    const value = op === 'in' || op === 'not_in' ? [h, 'see'] : op.includes('like') ? `%${h}%` : h;
    for (const name of ['anchor', 'alt', 'page_from_title', 'url_to']) {
      out.push(
        query('page', targets, [], {
          kind: 'cond',
          field: { target: 0, name },
          type: 'str',
          op,
          value,
        }),
      );
    }
    out.push(
      query('domain', targets, [], null, {
        kind: 'cond',
        field: { target: 1, name: 'target' },
        type: 'str',
        op,
        value,
      }),
    );
  }
  return out;
}

async function answersOf(engine: Engine, h: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of queriesOf(h)) {
    out.push(
      await (q.source === 'page' ? engine.pageIntersection(q) : engine.domainIntersection(q)),
    );
  }
  const q = query('page', [spec('domain', 't2.com')], [], null);
  const i = HOSTILE.indexOf(h);
  out.push(await engine.evidence(q, h, 5));
  out.push(await engine.evidence(q, `https://src${i}.example/p?q=${encodeURIComponent(h)}`, 5));
  out.push(await engine.evidence({ ...q, source: 'domain' }, h, 5));
  return out;
}

let built: CapturesIndex | undefined;

beforeAll(async () => {
  built = await buildCapturesIndex(
    'ch-injection',
    HOSTILE.map((h, i) => capture(i, h)),
  );
}, 120_000);

afterAll(async () => {
  await built?.close();
});

describe.each(clickhouseBackends())('hostile values on ClickHouse ($name)', (backend) => {
  let engine: Engine | undefined;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const s = await (backend as ClickHouseBackend).start();
    stop = s.stop;
    const parsed = parseClickHouseUrl(s.url);
    if (!parsed.ok) throw new Error(parsed.error);
    const target = await connectClickHouse(parsed.target);
    await migrateToClickHouse({ dbPath: (built as CapturesIndex).dbPath, target });
    engine = await openClickHouseEngine(target);
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    await stop?.();
  });

  it('stores hostile anchors, titles and URLs exactly', async () => {
    if (engine === undefined || built === undefined) throw new Error('not open');
    const q = query('page', [spec('domain', 't2.com')], [], null);
    const want = await built.engine.pageIntersection(q);
    expect(want.total_count).toBe(HOSTILE.length);
    expect(await engine.pageIntersection(q)).toEqual(want);
  });

  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('treats %s only as data', async (_, h) => {
    if (engine === undefined || built === undefined) throw new Error('not open');
    expect(await answersOf(engine, h)).toEqual(await answersOf(built.engine, h));
  });
});
