/**
 * Child process of the query benchmark: loads the link index with `openEngine`, reports the load
 * time and RSS after load (this process holds nothing else), then times each query and prints
 * one JSON line: `EngineChildReport`.
 * Usage: engine-child.ts INDEX_ROOT JOB_JSON (a file holding an `EngineChildJob`).
 */
import { readFileSync } from 'node:fs';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import { openEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine/types.js';
import { type PeerAnswer, type PeerTiming, timePeer } from './answer.js';

/** What the parent asks the child to run. */
export interface EngineChildJob {
  warmup: number;
  runs: number;
  classes: Array<{ id: string; query: IntersectQuery }>;
}

/** What the child prints. */
export interface EngineChildReport {
  loadSeconds: number;
  /** Resident set after loading (and a GC when exposed), MB. */
  rssAfterLoadMB: number;
  /** Peak resident set over the whole run, MB. */
  maxRssMB: number;
  results: Array<{ id: string } & PeerTiming>;
}

async function answer(engine: Engine, q: IntersectQuery): Promise<PeerAnswer> {
  if (q.source === 'page') {
    const r = await engine.pageIntersection(q);
    return {
      keys: r.items.map((it) => Object.values(it.page_intersection)[0]?.[0]?.url_from ?? ''),
      counts: r.items.map((it) => it.summary.intersections_count),
      total: r.total_count,
    };
  }
  const r = await engine.domainIntersection(q);
  return {
    keys: r.items.map((it) => Object.values(it.domain_intersection)[0]?.target ?? ''),
    counts: r.items.map((it) => it.summary.intersections_count),
    total: r.total_count,
  };
}

const [indexRoot, jobFile] = process.argv.slice(2);
if (indexRoot === undefined || jobFile === undefined) {
  throw new Error('usage: engine-child.ts INDEX_ROOT JOB_JSON');
}
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as EngineChildJob;
const t = performance.now();
const engine = await openEngine(indexRoot);
const loadSeconds = (performance.now() - t) / 1000;
(globalThis as { gc?: () => void }).gc?.();
const rssAfterLoadMB = process.memoryUsage().rss / 2 ** 20;
const results: EngineChildReport['results'] = [];
for (const c of job.classes) {
  results.push({
    id: c.id,
    ...(await timePeer(job.warmup, job.runs, () => answer(engine, c.query))),
  });
}
await engine.close();
const report: EngineChildReport = {
  loadSeconds,
  rssAfterLoadMB,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  results,
};
console.log(JSON.stringify(report));
