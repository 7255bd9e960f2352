/**
 * The explorer's engine methods (prospects, export, overlap, evidence) against the engine's
 * page/domain intersection — itself checked against the reference implementation by
 * differential.test.ts — on the same generated web, for seeded random queries: the same
 * prospects, match counts, linked competitors, backlink counts and dates; sorts in order;
 * windows and export chunks that add up to the complete list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import {
  type DomainIntersectionItem,
  type Engine,
  openEngine,
  type PageIntersectionItem,
  PROSPECT_SORT_FIELDS,
  type ProspectRow,
  type ProspectSort,
  type ProspectSortField,
} from '../../src/engine/index.js';
import { indexRootFor, writeLinkIndex } from '../../src/link-index/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { createRandom } from '../helpers/random.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { createQueryPool, type QueryPool } from '../reference/query-pool.js';
import { randomQuery } from '../reference/random-query.js';
import { buildDifferentialDb } from './differential-fixture.js';

const QUERIES = 300;
const FIELDS = PROSPECT_SORT_FIELDS;

/** What a prospect row must agree on with the intersection item of the same unit. */
interface Expected {
  prospect: string;
  matches: number;
  linked: boolean[];
  backlinks: number;
  firstSeen: string | null;
}

/** The expected rows of `q` from the engine's page or domain intersection (every item). */
async function expectedRows(engine: Engine, q: IntersectQuery): Promise<Expected[]> {
  const out: Expected[] = [];
  const keys = q.targets.map((t) => t.key);
  for (let offset = 0; ; offset += 1000) {
    const w = { ...q, offset, limit: 1000 };
    if (q.source === 'page') {
      const r = await engine.pageIntersection(w);
      for (const it of r.items as PageIntersectionItem[]) {
        const lists = keys.map((k) => it.page_intersection[k] ?? []);
        const all = lists.flat();
        out.push({
          prospect: (all[0] as { url_from: string }).url_from,
          matches: it.summary.intersections_count,
          linked: lists.map((l) => l.length > 0),
          backlinks: all.length,
          firstSeen: all.map((b) => b.first_seen).sort()[0] ?? null,
        });
      }
      if (r.items.length < 1000) break;
    } else {
      const r = await engine.domainIntersection(w);
      for (const it of r.items as DomainIntersectionItem[]) {
        const stats = keys.map((k) => it.domain_intersection[k]);
        const present = stats.filter((s) => s !== undefined);
        out.push({
          prospect: (present[0] as { target: string }).target,
          matches: it.summary.intersections_count,
          linked: stats.map((s) => s !== undefined),
          backlinks: present.reduce((n, s) => n + s.backlinks, 0),
          firstSeen: present.map((s) => s.first_seen).sort()[0] ?? null,
        });
      }
      if (r.items.length < 1000) break;
    }
  }
  return out;
}

function byProspect<T extends { prospect: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.prospect < b.prospect ? -1 : a.prospect > b.prospect ? 1 : 0));
}

/** The primary sort column's value of a row (null = none: sorted last either way). */
function sortValue(r: ProspectRow, f: ProspectSortField): number | string | null {
  switch (f) {
    case 'matches':
      return r.matches;
    case 'domain_rank':
      return r.domainRank;
    case 'page_rank':
      return r.pageRank;
    case 'spam_score':
      return r.spamScore;
    case 'backlinks':
      return r.backlinks;
    case 'first_seen':
      return r.firstSeen;
    case 'prospect':
      return r.prospect;
  }
}

function inOrder(rows: ProspectRow[], sort: ProspectSort): boolean {
  let seenNull = false;
  for (let i = 1; i < rows.length; i++) {
    const a = sortValue(rows[i - 1] as ProspectRow, sort.field);
    const b = sortValue(rows[i] as ProspectRow, sort.field);
    if (a === null) seenNull = true;
    if (seenNull && b !== null) return false;
    if (a === null || b === null) continue;
    // Ranks are shown on 0–100: equal shown values may come from different raw ranks.
    if (sort.dir === 'desc' ? a < b : a > b) return false;
  }
  return true;
}

describe('explorer engine methods vs page/domain intersection', () => {
  let dir = '';
  let engine: Engine | undefined;
  let pool: QueryPool;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-explore-diff-'));
    const dbPath = await buildDifferentialDb(dir, 12, 5_000);
    const store = await createDuckDBStore({ path: dbPath, threads: 1 });
    try {
      await writeLinkIndex(store, indexRootFor(dbPath));
    } finally {
      await store.close();
    }
    engine = await openEngine(indexRootFor(dbPath));
    pool = createQueryPool(await loadReferenceData(dbPath));
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('agrees on every random query and keeps its sorts, windows and export chunks', async () => {
    if (engine === undefined) throw new Error('engine not open');
    const seen = { nonEmpty: 0, partial: 0, filtered: 0, domains: 0, evidence: 0 };
    for (let seed = 1; seed <= QUERIES; seed++) {
      const rand = createRandom(seed);
      const base = randomQuery(pool, rand);
      // The explorer has no item filter or order of its own; lists are complete (no cap).
      const q: IntersectQuery = {
        ...base,
        itemFilter: null,
        order: [],
        offset: 0,
        limit: 1_000_000,
        internalListLimit: 1000,
        rankScale: 'one_hundred',
      };
      const label = `seed ${seed}: ${JSON.stringify(q)}`;
      const expected = await expectedRows(engine, q);
      const sort: ProspectSort = {
        field: FIELDS[Math.floor(rand() * FIELDS.length)] as ProspectSortField,
        dir: rand() < 0.5 ? 'asc' : 'desc',
      };
      const all = await engine.prospects(q, sort);
      expect(all.total, label).toBe(expected.length);
      expect(
        byProspect(all.items).map((r) => ({
          prospect: r.prospect,
          matches: r.matches,
          linked: r.linked,
          backlinks: r.backlinks,
          firstSeen: r.firstSeen,
        })),
        label,
      ).toEqual(byProspect(expected));
      expect(inOrder(all.items, sort), `${label} sorted by ${JSON.stringify(sort)}`).toBe(true);

      // Windows and export chunks are slices of the one order.
      const offset = Math.floor(rand() * (all.total + 1));
      const win = await engine.prospects({ ...q, offset, limit: 7 }, sort);
      expect(win.items, label).toEqual(all.items.slice(offset, offset + 7));
      const chunks: ProspectRow[][] = [];
      let announced = -1;
      const n = await engine.exportProspects(
        q,
        sort,
        {
          begin: (total) => {
            announced = total;
          },
          rows: (rows) => {
            chunks.push(rows);
          },
        },
        5,
      );
      expect(announced).toBe(all.total);
      expect(n).toBe(all.total);
      expect(chunks.every((c) => c.length <= 5)).toBe(true);
      expect(chunks.flat(), label).toEqual(all.items);

      // Overlap: the histogram of match counts with min matching 1.
      const any = await engine.prospects({ ...q, minMatching: 1 }, sort);
      const overlap = await engine.overlap(q, 100);
      const hist = q.targets.map((_, i) => any.items.filter((r) => r.matches === i + 1).length);
      expect(overlap.byCount, label).toEqual(hist);
      expect(overlap.perCompetitor, label).toEqual(
        q.targets.map((_, t) => any.items.filter((r) => r.linked[t]).length),
      );
      const combos = overlap.combinations.reduce((s, c) => s + c.prospects, 0);
      if (overlap.combinations.length < 100) expect(combos, label).toBe(any.total);
      expect(overlap.freshness).toHaveLength(q.targets.length);
      // Freshness counts every live backlink of a target: the pages of a bare intersection.
      for (const [t, f] of overlap.freshness.entries()) {
        const bare = await engine.pageIntersection({
          ...q,
          source: 'page',
          targets: [q.targets[t] as IntersectQuery['targets'][number]],
          excludes: [],
          minMatching: 1,
          status: 'live',
          includeIndirect: true,
          excludeInternal: false,
          excludeTechnicalHosts: false,
          linkFilters: [null],
          limit: 1,
        });
        expect(f.referringPages, label).toBe(bare.total_count);
        expect(f.liveBacklinks).toBeLessThanOrEqual(f.backlinks);
        expect(f.lastSeen === null, label).toBe(f.backlinks === 0);
      }

      // Evidence of the first prospects: as many backlinks per competitor as the item has.
      for (const row of all.items.slice(0, 2)) {
        const ev = await engine.evidence(q, row.prospect, 1000);
        expect(ev, label).not.toBeNull();
        const counted = ev?.competitors.map((c) => c.total);
        expect(
          counted?.reduce((s, x) => s + x, 0),
          label,
        ).toBe(row.backlinks);
        expect(
          counted?.map((x) => x > 0),
          label,
        ).toEqual(row.linked);
        seen.evidence++;
      }

      if (expected.length > 0) seen.nonEmpty++;
      if (expected.length > 0 && q.minMatching < q.targets.length) seen.partial++;
      if (expected.length > 0 && q.linkFilters.some((f) => f !== null)) seen.filtered++;
      if (expected.length > 0 && q.source === 'domain') seen.domains++;
    }
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(10);
  }, 300_000);
});
