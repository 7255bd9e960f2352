/**
 * The query benchmark (DESIGN §8): the four intersection query classes on generated webs of
 * each size, answered by linkgap's engine (in a child process), by PostgreSQL and by plain
 * DuckDB SQL over the same links; warm p50/p95, ratios, a scan floor, and a check that every
 * peer returns the same top 100 and total. Data is prepared once per work dir and reused.
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { answerDiff, type PeerAnswer, timePeer } from './query/answer.js';
import { POPULAR_DOMAINS_SQL, type QueryClass, queryClasses } from './query/classes.js';
import { type DuckDBPeer, openDuckDBPeer } from './query/duckdb-peer.js';
import type { EngineChildReport } from './query/engine-child.js';
import { scanFloorSeconds, touchedLinks } from './query/floor.js';
import { ensurePgLoaded, exportCsvSql, openPgPeer, type PgLoadStats } from './query/pg-peer.js';
import { findPgBin, type PgServer, startPg } from './query/pg-server.js';
import { type BenchSize, prepareStore } from './query/prepare.js';
import {
  type ClassReport,
  type PeerName,
  printReport,
  referenceAnswer,
  type SizeReport,
  summarise,
  writeReport,
} from './query/report.js';

/** Options of `benchQuery`. */
export interface QueryBenchOptions {
  sizes: BenchSize[];
  workDir: string;
  warmup: number;
  runs: number;
  peers: PeerName[];
  /** Write the link index again even when one exists. */
  reindex: boolean;
}

/** The PostgreSQL server of this run, started on first use, stopped by `stopPg`. */
let pgServer: PgServer | undefined;

function stopPg(): void {
  try {
    pgServer?.stop();
  } catch (e) {
    console.error(`stopping PostgreSQL failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  pgServer = undefined;
}

async function pgPeerTimings(
  o: QueryBenchOptions,
  size: BenchSize,
  duck: DuckDBPeer,
  classes: QueryClass[],
): Promise<{ load: PgLoadStats; timings: Map<string, Awaited<ReturnType<typeof timePeer>>> }> {
  if (pgServer === undefined) {
    const bin = findPgBin() as string;
    pgServer = await startPg(bin, join(o.workDir, 'pg'));
  }
  const name = `links_${size.label.replace(/[^a-z0-9]/g, '_')}`;
  console.log(`postgres: ${name} (loaded on first use) …`);
  const load = await ensurePgLoaded(
    pgServer,
    name,
    resolve(o.workDir, `${name}.csv`),
    async (file) => {
      await duck.all(exportCsvSql(file));
    },
  );
  const peer = await openPgPeer(pgServer, name);
  const timings = new Map<string, Awaited<ReturnType<typeof timePeer>>>();
  try {
    for (const c of classes) {
      timings.set(c.id, await timePeer(o.warmup, o.runs, () => peer.query(c.query)));
    }
  } finally {
    await peer.close();
  }
  return { load, timings };
}

async function benchSize(o: QueryBenchOptions, size: BenchSize): Promise<SizeReport> {
  const { db } = await prepareStore(o.workDir, size);
  const report: SizeReport = { size: size.label, links: 0, popular: [], classes: [] };
  let engine: EngineChildReport | undefined;
  let classes: QueryClass[] = [];
  let duck = await openDuckDBPeer(db);
  try {
    report.links = Number((await duck.all('SELECT count(*) AS n FROM links'))[0]?.n);
    report.popular = (await duck.all(POPULAR_DOMAINS_SQL)).map((r) => String(r.domain));
    classes = queryClasses(report.popular);
    if (o.peers.includes('linkgap')) {
      // The index step opens the store for writing: DuckDB allows no reader beside it.
      await duck.close();
      const { prepareIndex } = await import('./query/index-step.js');
      const { runEngineChild } = await import('./query/engine-peer.js');
      console.log(`${size.label}: link index …`);
      const idx = await prepareIndex(db, o.reindex);
      console.log(`${size.label}: linkgap engine (child process) …`);
      engine = await runEngineChild(
        idx.indexRoot,
        {
          warmup: o.warmup,
          runs: o.runs,
          classes: classes.map((c) => ({ id: c.id, query: c.query })),
        },
        join(o.workDir, `engine-job-${size.label}.json`),
      );
      report.index = {
        writeSeconds: idx.writeSeconds ?? idx.recordedSeconds,
        loadSeconds: engine.loadSeconds,
        rssAfterLoadMB: engine.rssAfterLoadMB,
        maxRssMB: engine.maxRssMB,
      };
      duck = await openDuckDBPeer(db);
    }
    const answers = new Map<string, Partial<Record<PeerName, PeerAnswer>>>();
    const perClass = new Map<string, ClassReport['peers']>();
    for (const c of classes) {
      answers.set(c.id, {});
      perClass.set(c.id, {});
    }
    for (const r of engine?.results ?? []) {
      (answers.get(r.id) as Partial<Record<PeerName, PeerAnswer>>).linkgap = r.answer;
      (perClass.get(r.id) as ClassReport['peers']).linkgap = summarise(r);
    }
    if (o.peers.includes('duckdb')) {
      console.log(`${size.label}: DuckDB SQL …`);
      for (const c of classes) {
        const t = await timePeer(o.warmup, o.runs, () => duck.query(c.query));
        (answers.get(c.id) as Partial<Record<PeerName, PeerAnswer>>).duckdb = t.answer;
        (perClass.get(c.id) as ClassReport['peers']).duckdb = summarise(t);
      }
    }
    if (o.peers.includes('postgres')) {
      if (findPgBin() === undefined) {
        console.log('postgres: no PostgreSQL binaries under /usr/lib/postgresql: peer skipped');
      } else {
        try {
          const pgRun = await pgPeerTimings(o, size, duck, classes);
          report.postgres = pgRun.load;
          for (const [id, t] of pgRun.timings) {
            (answers.get(id) as Partial<Record<PeerName, PeerAnswer>>).postgres = t.answer;
            (perClass.get(id) as ClassReport['peers']).postgres = summarise(t);
          }
        } catch (e) {
          const why = e instanceof Error ? `${e.message} ${String(e.cause ?? '')}` : String(e);
          console.error(`postgres: peer failed, skipped at ${size.label}: ${why}`);
        }
      }
    }
    for (const c of classes) {
      const touched = await touchedLinks(c.query, async (sql, params) =>
        Number((await duck.all(sql, params))[0]?.n),
      );
      const a = answers.get(c.id) as Partial<Record<PeerName, PeerAnswer>>;
      const ref = referenceAnswer(a);
      const mismatches: string[] = [];
      for (const p of ['linkgap', 'duckdb', 'postgres'] as const) {
        const other = a[p];
        if (ref === undefined || other === undefined || p === ref[0]) continue;
        const d = answerDiff(ref[1], other);
        if (d !== undefined) mismatches.push(`${ref[0]} vs ${p}: ${d}`);
      }
      report.classes.push({
        size: size.label,
        id: c.id,
        label: c.label,
        targetMs: c.targetMs,
        total: ref?.[1].total ?? 0,
        touchedLinks: touched,
        floorMs: scanFloorSeconds(touched, Math.max(5, o.runs)) * 1000,
        peers: perClass.get(c.id) as ClassReport['peers'],
        mismatches,
      });
    }
  } finally {
    await duck.close();
  }
  return report;
}

/** Run the query benchmark, print its tables and write `query-bench.json` in the work dir. */
export async function benchQuery(o: QueryBenchOptions): Promise<void> {
  const onSignal = (sig: NodeJS.Signals): void => {
    stopPg();
    process.kill(process.pid, sig);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const sizes: SizeReport[] = [];
  const machine = {
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  try {
    for (const s of o.sizes) sizes.push(await benchSize(o, s));
  } finally {
    stopPg();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  console.log(
    `\nmachine: ${machine.cpu}; load average at start ${machine.loadAverageAtStart.join(', ')}`,
  );
  printReport(sizes);
  const file = join(o.workDir, 'query-bench.json');
  writeReport(file, sizes, {
    at: new Date().toISOString(),
    warmup: o.warmup,
    runs: o.runs,
    peers: o.peers,
    machine,
  });
  console.log(`\nJSON: ${file}`);
  if (sizes.some((s) => s.classes.some((c) => c.mismatches.length > 0))) {
    console.error('the peers disagree (MISMATCH above): figures are not comparable');
    process.exitCode = 1;
  }
}
