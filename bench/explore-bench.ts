/**
 * `npm run bench -- explore`: the link-gap explorer's engine calls and its HTTP API on the query
 * benchmark's generated webs (prepared and cached as by `query`), each beside its baseline from
 * the same run: the DataForSEO-shaped page/domain intersection of the same question on the same
 * engine (what a client of the DataForSEO routes would run). Runs are interleaved (explorer,
 * baseline, explorer, …) so machine noise hits both; medians are reported.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/api/app.js';
import { DEFAULT_EXPLORE_QUERY } from '../src/api/native/explore-params.js';
import { toIntersectQuery } from '../src/api/native/parse-explore.js';
import type { ExploreQuery } from '../src/api/native/types.js';
import { csvLine } from '../src/core/csv.js';
import type { IntersectQuery } from '../src/core/query/intersect-query.js';
import { type Engine, openLinkIndexEngine } from '../src/engine/index.js';
import { prepareIndex } from './query/index-step.js';
import { type BenchSize, prepareStore } from './query/prepare.js';
import { median, printTable } from './stats.js';

/** Options of the explore bench. */
export interface ExploreBenchOptions {
  sizes: BenchSize[];
  workDir: string;
  runs: number;
  warmup: number;
}

const base = (competitors: string[], mySites: string[]): ExploreQuery => ({
  ...DEFAULT_EXPLORE_QUERY,
  competitors: competitors.map((value) => ({ value, scope: 'auto' })),
  mySites: mySites.map((value) => ({ value, scope: 'auto' })),
});

function query(e: ExploreQuery, limit = 50): IntersectQuery {
  const q = toIntersectQuery(e);
  if (!q.ok) throw new Error(q.message);
  return { ...q.value, limit };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Interleaved medians (ms) of `a` and `b`. */
async function pair(
  runs: number,
  warmup: number,
  a: () => Promise<unknown>,
  b: (() => Promise<unknown>) | null,
): Promise<[number, number | null]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b?.();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push(await time(a));
    if (b !== null) tb.push(await time(b));
  }
  return [median(ta), b === null ? null : median(tb)];
}

/** Run the bench at every size; prints a table and writes `explore-report.json`. */
export async function benchExplore(o: ExploreBenchOptions): Promise<void> {
  const report: Array<Record<string, string | number>> = [];
  for (const size of o.sizes) {
    const { db } = await prepareStore(o.workDir, size);
    const { indexRoot } = await prepareIndex(db, false);
    const engine: Engine = await openLinkIndexEngine(indexRoot);
    try {
      const facts = await engine.facts();
      const top = facts.topTargets.map((t) => t.domain);
      if (top.length < 6) throw new Error(`${size.label}: fewer than 6 popular domains`);
      const [a = '', b = '', c = '', d = '', e = '', me = ''] = top;
      const cases: Array<{ id: string; explore: ExploreQuery; what: string }> = [
        { id: 'a', what: '2 competitors + my site, domains, all', explore: base([a, b], [me]) },
        {
          id: 'b',
          what: '2 competitors + my site, pages, ≥1, dofollow, DR ≥ 20',
          explore: {
            ...base([a, b], [me]),
            mode: 'pages',
            minMatching: 1,
            dofollowOnly: true,
            minDomainRank: 20,
          },
        },
        {
          id: 'c',
          what: '5 competitors + my site, domains, ≥2',
          explore: { ...base([a, b, c, d, e], [me]), minMatching: 2 },
        },
        {
          id: 'd',
          what: '5 competitors, pages, ≥2, sort spam asc',
          explore: { ...base([a, b, c, d, e], []), mode: 'pages', minMatching: 2 },
        },
      ];
      const app = createApp({ engine, auth: null, rateLimit: 1_000_000 });
      for (const k of cases) {
        const q = query(k.explore);
        const sort =
          k.id === 'd'
            ? ({ field: 'spam_score', dir: 'asc' } as const)
            : ({ field: 'matches', dir: 'desc' } as const);
        const baseline = () =>
          q.source === 'page' ? engine.pageIntersection(q) : engine.domainIntersection(q);
        const [ms, baseMs] = await pair(
          o.runs,
          o.warmup,
          () => engine.prospects(q, sort),
          baseline,
        );
        const total = (await engine.prospects(q, sort)).total;
        const body = JSON.stringify({ query: k.explore, sort, limit: 50 });
        const [httpMs] = await pair(
          o.runs,
          o.warmup,
          async () => {
            const r = await app.request('/api/v1/prospects', {
              method: 'POST',
              body,
              headers: { Host: '127.0.0.1' },
            });
            const text = await r.text();
            // A refused request would time nothing but the refusal.
            if (r.status !== 200) throw new Error(`POST /api/v1/prospects: ${r.status} ${text}`);
          },
          null,
        );
        const [overlapMs] = await pair(o.runs, o.warmup, () => engine.overlap(q, 10), null);
        const first = (await engine.prospects(q, sort)).items[0]?.prospect;
        const [evidenceMs] =
          first === undefined
            ? [Number.NaN]
            : await pair(o.runs, o.warmup, () => engine.evidence(q, first, 200), null);
        // Export: every row, formatted as CSV, no sink cost beyond the string.
        let bytes = 0;
        const exportOne = async () => {
          bytes = 0;
          await engine.exportProspects(q, sort, {
            begin: () => undefined,
            rows: (rows) => {
              for (const r of rows) {
                bytes += csvLine([r.prospect, r.domainRank, ...r.linked]).length;
              }
            },
          });
        };
        const [exportMs] = await pair(Math.min(o.runs, 5), 1, exportOne, null);
        report.push({
          size: size.label,
          class: k.id,
          query: k.what,
          prospects: total,
          'prospects ms': ms,
          'baseline ms': baseMs ?? Number.NaN,
          ratio: ms / (baseMs ?? ms),
          'http ms': httpMs,
          'overlap ms': overlapMs,
          'evidence ms': evidenceMs,
          'export rows/s': Math.round(total / (exportMs / 1000)),
          'export MB': bytes / 1e6,
        });
      }
    } finally {
      await engine.close();
    }
  }
  printTable(report);
  console.log(
    'prospects = engine.prospects (limit 50); baseline = page/domain intersection of the same query ' +
      '(limit 50); ratio < 1 = the explorer is faster; http = POST /api/v1/prospects through the app ' +
      '(no network); medians, interleaved.',
  );
  writeFileSync(join(o.workDir, 'explore-report.json'), `${JSON.stringify(report, null, 1)}\n`);
}
