/**
 * One conformance suite over every implementation: the same seeded random queries (page and
 * domain intersection, Moz link_intersect, evidence) on the in-memory index and on the same
 * generation migrated into ClickHouse — a single 18.16 node, a 2-shard 18.16 cluster on loopback
 * and chdb (ClickHouse 26.x in-process) — must give identical answers, key order included.
 *
 * Replay one query: `LINKGAP_DIFF_SEED=<seed> npx vitest run test/clickhouse/differential.test.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import {
  type Engine,
  type MozQuery,
  type MozSort,
  openLinkIndexEngine,
  PROSPECT_SORT_FIELDS,
  type ProspectSortField,
} from '../../src/engine/index.js';
import { indexRootFor, writeLinkIndex } from '../../src/link-index/index.js';
import { openClickHouseEngine } from '../../src/scale-out/clickhouse-engine.js';
import { migrateToClickHouse } from '../../src/scale-out/migrate.js';
import { connectClickHouse, parseClickHouseUrl } from '../../src/store/clickhouse/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { type ClickHouseBackend, clickhouseBackends } from '../helpers/clickhouse-cluster.js';
import { createRandom } from '../helpers/random.js';
import { buildDifferentialDb } from '../link-index/differential-fixture.js';
import { referenceIntersect } from '../reference/intersect.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { createQueryPool, type QueryPool } from '../reference/query-pool.js';
import { randomQuery } from '../reference/random-query.js';
import type { ReferenceData } from '../reference/reference-data.js';

const WEB_SEED = 11;
const WEB_LINKS = 6_000;
const FIRST_SEED = 1;
const QUERIES = Number(process.env.LINKGAP_CH_QUERIES ?? 300);
const MOZ_SORTS: MozSort[] = [
  'matching_target_count',
  'source_domain_authority',
  'source_spam_score',
];

let dir = '';
let dbPath = '';
let memory: Engine | undefined;
let data: ReferenceData;
let pool: QueryPool;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linkgap-ch-differential-'));
  dbPath = await buildDifferentialDb(dir, WEB_SEED, WEB_LINKS);
  const store = await createDuckDBStore({ path: dbPath, threads: 1 });
  try {
    await writeLinkIndex(store, indexRootFor(dbPath));
  } finally {
    await store.close();
  }
  memory = await openLinkIndexEngine(indexRootFor(dbPath));
  data = await loadReferenceData(dbPath);
  pool = createQueryPool(data);
}, 180_000);

afterAll(async () => {
  await memory?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

type Random = () => number;

/** An integer in [0, n). */
const int = (r: Random, n: number) => Math.floor(r() * n);

function mozQueryOf(q: IntersectQuery, r: Random): MozQuery {
  const positives = Math.max(1, Math.min(q.targets.length, 1 + int(r, 3)));
  return {
    query: q,
    targetGroups: q.targets.map((_, i) => i % positives),
    positives,
    minMatching: 1 + int(r, positives),
    sort: MOZ_SORTS[int(r, MOZ_SORTS.length)] as MozSort,
    offset: int(r, 3) === 0 ? int(r, 20) : 0,
    limit: 1 + int(r, 50),
  };
}

/** What one seed asks of both engines, as JSON (errors as text). */
async function answers(engine: Engine, seed: number): Promise<Record<string, unknown>> {
  const r = createRandom(seed);
  const totalOf = (q: IntersectQuery) =>
    referenceIntersect(data, { ...q, offset: 0, limit: 1 }).total_count;
  const q = randomQuery(pool, r, { totalOf });
  const out: Record<string, unknown> = { query: q };
  const capture = async (name: string, run: () => Promise<unknown>) => {
    try {
      out[name] = await run();
    } catch (error) {
      out[name] = `threw: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  await capture('intersection', () =>
    q.source === 'page' ? engine.pageIntersection(q) : engine.domainIntersection(q),
  );
  if (seed % 3 === 0) await capture('moz', () => engine.linkIntersect(mozQueryOf(q, r)));
  if (seed % 4 === 0) {
    const sort = {
      field: PROSPECT_SORT_FIELDS[int(r, PROSPECT_SORT_FIELDS.length)] as ProspectSortField,
      dir: int(r, 2) === 0 ? ('asc' as const) : ('desc' as const),
    };
    await capture('prospects', () => engine.prospects(q, sort));
    if (seed % 8 === 0) {
      await capture('export', async () => {
        const got: unknown[] = [];
        let announced = -1;
        const n = await engine.exportProspects(
          q,
          sort,
          {
            begin: async (count) => {
              announced = count;
            },
            rows: async (rows) => {
              got.push(...rows);
            },
          },
          7,
        );
        return { n, announced, got };
      });
    }
  }
  if (seed % 7 === 0) await capture('overlap', () => engine.overlap(q, 1 + int(r, 6)));
  if (seed % 5 === 0) {
    const link = pool.links[int(r, pool.links.length)];
    const prospect =
      link === undefined ? '' : q.source === 'page' ? link.url_from : link.domain_from;
    if (prospect !== '') await capture('evidence', () => engine.evidence(q, prospect, 5));
  }
  return out;
}

describe.each(clickhouseBackends())('ClickHouse ($name) vs the in-memory index', (backend) => {
  let engine: Engine | undefined;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const started = await (backend as ClickHouseBackend).start();
    stop = started.stop;
    const parsed = parseClickHouseUrl(started.url);
    if (!parsed.ok) throw new Error(parsed.error);
    const target = await connectClickHouse(parsed.target);
    await migrateToClickHouse({ dbPath, target, batch: 2_000 });
    engine = await openClickHouseEngine(target);
  }, 180_000);

  afterAll(async () => {
    await engine?.close();
    await stop?.();
  });

  it('has the whole generation', async () => {
    if (engine === undefined || memory === undefined) throw new Error('not open');
    expect(engine.info()).toEqual(memory.info());
    expect(await engine.facts()).toEqual(await memory.facts());
  });

  it('answers every random query exactly like the in-memory index', async () => {
    if (engine === undefined || memory === undefined) throw new Error('not open');
    const only = process.env.LINKGAP_DIFF_SEED;
    const seeds =
      only !== undefined
        ? [Number(only)]
        : Array.from({ length: QUERIES }, (_, i) => FIRST_SEED + i);
    const failures: Array<{ seed: number; expected: unknown; actual: unknown }> = [];
    let withItems = 0;
    const seen = { moz: 0, prospects: 0, export: 0, overlap: 0, evidence: 0 };
    for (const seed of seeds) {
      const expected = await answers(memory, seed);
      const actual = await answers(engine, seed);
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        failures.push({ seed, expected, actual });
      const items = (expected.intersection as { items?: unknown[] } | undefined)?.items;
      if (items !== undefined && items.length > 0) withItems++;
      const e = expected as {
        moz?: { results?: unknown[] };
        prospects?: { items?: unknown[] };
        export?: { n?: number };
        overlap?: { combinations?: unknown[] };
        evidence?: unknown;
      };
      if ((e.moz?.results?.length ?? 0) > 0) seen.moz++;
      if ((e.prospects?.items?.length ?? 0) > 0) seen.prospects++;
      if ((e.export?.n ?? 0) > 7) seen.export++;
      if ((e.overlap?.combinations?.length ?? 0) > 1) seen.overlap++;
      if (e.evidence !== undefined && e.evidence !== null && typeof e.evidence !== 'string')
        seen.evidence++;
    }
    for (const f of failures.slice(0, 3)) {
      console.error(
        `${backend.name} mismatch, seed ${f.seed} (replay: LINKGAP_DIFF_SEED=${f.seed})\n` +
          `query: ${JSON.stringify((f.expected as { query: unknown }).query)}`,
      );
    }
    const first = failures[0];
    if (first !== undefined) {
      expect(first.actual, `seed ${first.seed}: ${failures.length} seeds differ`).toEqual(
        first.expected,
      );
    }
    if (only === undefined) {
      expect(withItems).toBeGreaterThan(seeds.length / 4);
      // Every engine call was compared on answers that say something.
      for (const [call, n] of Object.entries(seen)) expect(n, call).toBeGreaterThan(3);
    }
  }, 900_000);
});
