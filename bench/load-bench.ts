/**
 * `npm run bench -- load`: the real server (`createApp` over the link-index engine, Basic auth,
 * `startHttpServer` on 127.0.0.1) under a mixed workload from autocannon on loopback: DataForSEO
 * page and domain intersection, Moz `link_intersect` and the explorer's `POST /api/v1/prospects`,
 * with targets rotated among the generated web's most linked domains. Two runs of `duration`
 * seconds at 16 and 64 connections, then a soak of `soak` seconds at 16 connections during which
 * the server's RSS is sampled every 10 s and every body is sent once more and its answer compared
 * with the one computed before the load. An unreported warm-up of up to 10 s comes first. Every
 * run is bounded by autocannon's `duration`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/api/app.js';
import { createAuthConfig } from '../src/api/auth.js';
import { startHttpServer } from '../src/api/server.js';
import { type Engine, openLinkIndexEngine } from '../src/engine/index.js';
import { prepareIndex } from './query/index-step.js';
import { type BenchSize, prepareStore } from './query/prepare.js';
import { median, printTable } from './stats.js';

/** Options of the load bench. */
export interface LoadBenchOptions {
  sizes: BenchSize[];
  workDir: string;
  /** Seconds of each of the 16- and 64-connection runs. */
  duration: number;
  /** Seconds of the soak at 16 connections. */
  soak: number;
}

/** Seconds between two RSS samples (and correctness samples) of the soak. */
const SAMPLE_EVERY_S = 10;
/** Longest wait for one correctness sample. */
const SAMPLE_TIMEOUT_MS = 30_000;
/** Longest unreported warm-up run before the measured ones, in seconds. */
const WARMUP_S = 10;
/** Connections of the first run and of the soak, then of the second run. */
const LOW = 16;
const HIGH = 64;

/** One request of the mix and how to pick the deterministic part of its answer. */
interface MixBody {
  route: 'dfs_page' | 'dfs_domain' | 'moz' | 'native';
  path: string;
  body: string;
}

const log = (msg: string): void => console.log(`[${new Date().toISOString()}] ${msg}`);

/** The mix: each route with several (A, B, not C) triples of popular domains. */
function buildMix(top: string[]): MixBody[] {
  const triples: Array<[string, string, string]> = [];
  for (let i = 0; i + 2 < top.length && triples.length < 5; i++) {
    triples.push([top[i] as string, top[i + 1] as string, top[i + 2] as string]);
  }
  const out: MixBody[] = [];
  for (const [a, b, c] of triples) {
    const dfs = JSON.stringify([{ targets: { 1: a, 2: b }, exclude_targets: [c], limit: 100 }]);
    out.push({ route: 'dfs_page', path: '/v3/backlinks/page_intersection/live', body: dfs });
    out.push({ route: 'dfs_domain', path: '/v3/backlinks/domain_intersection/live', body: dfs });
    out.push({
      route: 'moz',
      path: '/v2/link_intersect',
      body: JSON.stringify({
        positive_targets: [
          { target: a, scope: 'root_domain' },
          { target: b, scope: 'root_domain' },
        ],
        negative_targets: [{ target: c, scope: 'root_domain' }],
        source_scope: 'page',
        limit: 50,
      }),
    });
    out.push({
      route: 'native',
      path: '/api/v1/prospects',
      body: JSON.stringify({
        query: { competitors: [{ value: a }, { value: b }], mySites: [{ value: c }] },
        limit: 50,
      }),
    });
  }
  return out;
}

/** The deterministic part of an answer, and how many rows it holds. */
interface StablePart {
  /** JSON of the part, or `error: …` when the answer is not a success. */
  key: string;
  rows: number;
}

/** The part of an answer that must not change between two identical requests. */
function stablePart(route: MixBody['route'], status: number, text: string): StablePart {
  if (status !== 200) return { key: `error: HTTP ${status} ${text.slice(0, 200)}`, rows: 0 };
  const v = JSON.parse(text) as Record<string, unknown>;
  if (route === 'moz') {
    const results = (v.results ?? []) as unknown[];
    return { key: JSON.stringify(results), rows: results.length };
  }
  if (route === 'native') {
    const items = (v.items ?? []) as unknown[];
    return { key: JSON.stringify({ total: v.total, items }), rows: items.length };
  }
  // DataForSEO answers task errors with HTTP 200: the task status is part of the answer.
  const tasks = (v.tasks ?? []) as Array<{ status_code: number; result: unknown }>;
  const task = tasks[0];
  if (v.status_code !== 20000 || tasks.length !== 1 || task?.status_code !== 20000) {
    return { key: `error: ${text.slice(0, 300)}`, rows: 0 };
  }
  const result = (task.result ?? []) as Array<{ items?: unknown[] }>;
  return { key: JSON.stringify(result), rows: result[0]?.items?.length ?? 0 };
}

/** Figures of one autocannon run. */
interface RunFigures {
  connections: number;
  seconds: number;
  requests: number;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  non2xx: number;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
}

async function cannon(
  url: string,
  headers: Record<string, string>,
  mix: MixBody[],
  connections: number,
  duration: number,
): Promise<RunFigures> {
  const r = await autocannon({
    url,
    connections,
    duration,
    headers,
    // The client in a worker thread: the server keeps this thread (and its core) to itself.
    workers: 1,
    requests: mix.map((m) => ({ method: 'POST', path: m.path, body: m.body })),
  });
  return {
    connections,
    seconds: duration,
    requests: r.requests.total,
    'req/s': r.requests.mean,
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** RSS of this process (the server's) in MB. */
const rssMb = (): number => process.memoryUsage().rss / 1e6;

/** The most linked domains of the generated web: its manifest, else the index's own facts. */
async function topDomains(manifest: string, engine: Engine): Promise<string[]> {
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
      topLinkedDomains?: Array<{ domain: string }>;
    };
    const top = (m.topLinkedDomains ?? []).map((d) => d.domain);
    if (top.length >= 7) return top;
  }
  return (await engine.facts()).topTargets.map((t) => t.domain);
}

/** Run the bench at every size; prints a table and writes `load-report.json`. */
export async function benchLoad(o: LoadBenchOptions): Promise<void> {
  const runs: Array<Record<string, string | number>> = [];
  const soaks: Array<Record<string, string | number>> = [];
  const detail: Array<Record<string, unknown>> = [];
  for (const size of o.sizes) {
    const { db, manifest } = await prepareStore(o.workDir, size);
    const { indexRoot } = await prepareIndex(db, false);
    const engine = await openLinkIndexEngine(indexRoot);
    const auth = createAuthConfig([{ login: 'bench', password: 'load-bench-secret' }]);
    if (!auth.ok) throw new Error(auth.message);
    const app = createApp({ engine, auth: auth.value, rateLimit: 1e9 });
    const server = await startHttpServer(app, '127.0.0.1', 0);
    try {
      const top = await topDomains(manifest, engine);
      if (top.length < 7) throw new Error(`${size.label}: fewer than 7 popular domains`);
      const mix = buildMix(top);
      const headers = {
        authorization: `Basic ${Buffer.from('bench:load-bench-secret').toString('base64')}`,
        'content-type': 'application/json',
      };
      const send = async (m: MixBody): Promise<[StablePart, number]> => {
        const t = performance.now();
        const r = await fetch(`${server.url}${m.path}`, {
          method: 'POST',
          headers,
          body: m.body,
          // Bounded even if the server stops answering: a timed-out sample counts as wrong.
          signal: AbortSignal.timeout(SAMPLE_TIMEOUT_MS),
        });
        const part = stablePart(m.route, r.status, await r.text());
        return [part, performance.now() - t];
      };
      const byRoute = (xs: Array<[MixBody['route'], number]>): string =>
        [...new Set(xs.map(([k]) => k))]
          .map((k) => `${k} ${median(xs.filter(([r]) => r === k).map(([, v]) => v)).toFixed(1)}`)
          .join(', ');
      // The reference answers, on an idle server; a failing body would measure only its refusal.
      const reference: string[] = [];
      const idleMs: Array<[MixBody['route'], number]> = [];
      const rows: Array<[MixBody['route'], number]> = [];
      for (const m of mix) {
        const [part, ms] = await send(m);
        if (part.key.startsWith('error: ')) throw new Error(`${m.path} ${m.body}: ${part.key}`);
        reference.push(part.key);
        idleMs.push([m.route, ms]);
        rows.push([m.route, part.rows]);
      }
      log(
        `${size.label}: ${mix.length} bodies over ${server.url}, targets ${top.slice(0, 7).join(' ')}; ` +
          `rows (median) ${byRoute(rows)}; idle ms (first call, median) ${byRoute(idleMs)}`,
      );

      // Warm-up (JIT, caches, the client's worker), not reported.
      const warm = Math.min(o.duration, WARMUP_S);
      log(`${size.label}: warm-up, ${LOW} connections for ${warm} s`);
      await cannon(server.url, headers, mix, LOW, warm);
      for (const connections of [LOW, HIGH]) {
        log(`${size.label}: ${connections} connections for ${o.duration} s`);
        const f = await cannon(server.url, headers, mix, connections, o.duration);
        runs.push({ size: size.label, run: `load ${connections}`, ...f });
      }

      // Soak: RSS and a correctness sample every SAMPLE_EVERY_S s while autocannon runs.
      log(`${size.label}: soak, ${LOW} connections for ${o.soak} s`);
      const rss: number[] = [rssMb()];
      let sampled = 0;
      let wrong = 0;
      const wrongExamples: string[] = [];
      const sampleMs: Array<[MixBody['route'], number]> = [];
      let sampling: Promise<void> = Promise.resolve();
      const sample = async (): Promise<void> => {
        rss.push(rssMb());
        for (const [i, m] of mix.entries()) {
          const [part, ms] = await send(m).catch((e: unknown): [StablePart, number] => [
            { key: `error: ${String(e)}`, rows: 0 },
            Number.NaN,
          ]);
          sampled++;
          if (Number.isFinite(ms)) sampleMs.push([m.route, ms]);
          if (part.key !== reference[i]) {
            wrong++;
            if (wrongExamples.length < 5) wrongExamples.push(`${m.route} ${m.body}: ${part.key}`);
          }
        }
      };
      const timer = setInterval(() => {
        // One sample at a time: a slow one delays the next rather than piling up.
        sampling = sampling.then(sample);
      }, SAMPLE_EVERY_S * 1000);
      let soak: RunFigures;
      try {
        soak = await cannon(server.url, headers, mix, LOW, o.soak);
      } finally {
        clearInterval(timer);
      }
      await sampling;
      rss.push(rssMb());
      const start = rss[0] as number;
      const end = rss[rss.length - 1] as number;
      const max = Math.max(...rss);
      // RSS saws with the GC: the medians of the first and last minute say more than two points.
      const edge = Math.max(1, Math.min(60 / SAMPLE_EVERY_S, Math.floor(rss.length / 2)));
      const firstMin = median(rss.slice(0, edge));
      const lastMin = median(rss.slice(-edge));
      runs.push({ size: size.label, run: `soak ${LOW}`, ...soak });
      soaks.push({
        size: size.label,
        seconds: o.soak,
        'RSS start MB': start,
        'RSS end MB': end,
        'RSS max MB': max,
        'growth %': ((end - start) / start) * 100,
        'growth % (minute medians)': ((lastMin - firstMin) / firstMin) * 100,
        'wrong answers': `${wrong} of ${sampled} sampled`,
        'sample ms (median)': sampleMs.length > 0 ? median(sampleMs.map(([, v]) => v)) : 0,
      });
      if (sampleMs.length > 0)
        log(`${size.label}: soak sample ms by route (median) ${byRoute(sampleMs)}`);
      detail.push({
        size: size.label,
        rssMb: rss,
        wrongExamples,
        idleMs,
        sampleMs,
        rows,
        bodies: mix,
      });
      if (wrongExamples.length > 0)
        console.log(`wrong answers, first ones:\n${wrongExamples.join('\n')}`);
    } finally {
      await server.close();
      await engine.close();
    }
  }
  printTable(runs);
  console.log('');
  printTable(soaks);
  console.log(
    `mixed workload: DataForSEO page/domain intersection, Moz link_intersect, POST /api/v1/prospects ` +
      `(Basic auth), rotated among the most linked domains, after an unreported warm-up; req/s = autocannon mean; errors = ` +
      `socket errors (timeouts included); RSS of the server process, sampled every ${SAMPLE_EVERY_S} s of the soak (start = as it begins, end = after it; minute medians = median of the first vs the last minute's samples); ` +
      'wrong answers = soak samples whose result differs from the one computed before the load.',
  );
  writeFileSync(
    join(o.workDir, 'load-report.json'),
    `${JSON.stringify({ runs, soaks, detail }, null, 1)}\n`,
  );
}
