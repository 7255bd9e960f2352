/**
 * The differential test: the link index (src/link-index + src/engine) and the plain reference
 * (test/reference, written from docs/intersection-semantics.md) must give identical answers,
 * key order included, to over a thousand seeded random queries on a generated web.
 *
 * Replay one query: `LINKGAP_DIFF_SEED=<seed> npx vitest run test/link-index/differential.test.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import { openEngine } from '../../src/engine/index.js';
import type {
  DomainIntersectionItem,
  Engine,
  IntersectionResult,
  PageIntersectionItem,
} from '../../src/engine/types.js';
import { indexRootFor, writeLinkIndex } from '../../src/link-index/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { createRandom } from '../helpers/random.js';
import { referenceIntersect } from '../reference/intersect.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { createQueryPool, type QueryPool } from '../reference/query-pool.js';
import { randomQuery } from '../reference/random-query.js';
import type { ReferenceData } from '../reference/reference-data.js';
import { buildDifferentialDb } from './differential-fixture.js';

const WEB_SEED = 11;
const WEB_LINKS = 6_000;
const FIRST_SEED = 1;
const QUERIES = 2_000;

type AnyResult =
  | IntersectionResult<PageIntersectionItem>
  | IntersectionResult<DomainIntersectionItem>;

interface Failure {
  seed: number;
  query: IntersectQuery;
  expected: AnyResult;
  actual: AnyResult | string;
}

function run(engine: Engine, q: IntersectQuery): Promise<AnyResult> {
  return q.source === 'page' ? engine.pageIntersection(q) : engine.domainIntersection(q);
}

function hasLost(r: AnyResult): boolean {
  return (r.items as Array<PageIntersectionItem | DomainIntersectionItem>).some((it) =>
    'page_intersection' in it
      ? Object.values(it.page_intersection).some((bs) => bs.some((b) => b.is_lost))
      : Object.values(it.domain_intersection).some((s) => s.lost_date !== null),
  );
}

describe('link index vs reference intersection', () => {
  let dir = '';
  let engine: Engine | undefined;
  let data: ReferenceData;
  let pool: QueryPool;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-differential-'));
    const dbPath = await buildDifferentialDb(dir, WEB_SEED, WEB_LINKS);
    const store = await createDuckDBStore({ path: dbPath, threads: 1 });
    try {
      await writeLinkIndex(store, indexRootFor(dbPath));
    } finally {
      await store.close();
    }
    engine = await openEngine(indexRootFor(dbPath));
    data = await loadReferenceData(dbPath);
    pool = createQueryPool(data);
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('runs on data with lost, new, indirect and internal links', () => {
    expect(data.links.length).toBeGreaterThan(3_000);
    expect(data.links.filter((l) => l.is_lost).length).toBeGreaterThan(50);
    expect(data.links.filter((l) => l.is_new).length).toBeGreaterThan(20);
    expect(data.links.filter((l) => l.is_indirect_link).length).toBeGreaterThan(10);
    expect(data.links.filter((l) => l.is_internal).length).toBeGreaterThan(100);
    expect(data.links.filter((l) => !l.is_internal).length).toBeGreaterThan(500);
  });

  it('answers every random query exactly like the reference', async () => {
    if (engine === undefined) throw new Error('engine not open');
    const only = process.env.LINKGAP_DIFF_SEED;
    const seeds =
      only !== undefined
        ? [Number(only)]
        : Array.from({ length: QUERIES }, (_, i) => FIRST_SEED + i);
    const totalOf = (q: IntersectQuery) =>
      referenceIntersect(data, { ...q, offset: 0, limit: 1 }).total_count;
    const failures: Failure[] = [];
    const seen = {
      pageItems: 0,
      domainItems: 0,
      excludesHit: 0,
      lostShown: 0,
      linkFiltered: 0,
      itemFiltered: 0,
      pastFirstPage: 0,
      partial: 0,
    };
    for (const seed of seeds) {
      const q = randomQuery(pool, createRandom(seed), { totalOf });
      const expected = referenceIntersect(data, q);
      let actual: AnyResult | string;
      try {
        actual = await run(engine, q);
      } catch (error) {
        actual = `threw: ${error instanceof Error ? error.stack : String(error)}`;
      }
      if (typeof actual === 'string' || JSON.stringify(actual) !== JSON.stringify(expected)) {
        failures.push({ seed, query: q, expected, actual });
      }
      if (expected.items.length === 0) continue;
      if (q.source === 'page') seen.pageItems++;
      else seen.domainItems++;
      if (hasLost(expected)) seen.lostShown++;
      if (q.linkFilters.some((f) => f !== null)) seen.linkFiltered++;
      if (q.itemFilter !== null) seen.itemFiltered++;
      if (q.offset > 0) seen.pastFirstPage++;
      if (q.minMatching < q.targets.length) seen.partial++;
      if (q.excludes.length > 0) {
        const unexcluded = referenceIntersect(data, { ...q, excludes: [] });
        if (unexcluded.total_count > expected.total_count) seen.excludesHit++;
      }
    }
    for (const f of failures.slice(0, 5)) {
      console.error(
        `differential mismatch, seed ${f.seed} (replay: LINKGAP_DIFF_SEED=${f.seed})\n` +
          `query: ${JSON.stringify(f.query)}`,
      );
    }
    if (failures.length > 0) {
      const first = failures[0] as Failure;
      expect(first.actual, `seed ${first.seed}: ${failures.length} queries differ`).toEqual(
        first.expected,
      );
    }
    expect(failures.map((f) => f.seed)).toEqual([]);
    if (only === undefined) {
      for (const [what, n] of Object.entries(seen)) {
        expect(n, `queries with non-empty answers and ${what}`).toBeGreaterThan(20);
      }
    }
  }, 300_000);
});
