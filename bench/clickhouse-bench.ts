/**
 * The scale-out benchmark (issue 8): on the query bench's generated webs, the same four query
 * classes on the in-memory index, a single ClickHouse 18.16 node and a 2-shard 18.16 cluster on
 * this machine (so the ratio shows distribution's overhead, not its speed-up), beside migrate's
 * rows/s into each and the bytes per link on disk. Every answer is checked against the
 * in-memory index's before it is timed.
 */
import { join } from 'node:path';
import type { IntersectQuery } from '../src/core/query/intersect-query.js';
import { type Engine, openLinkIndexEngine } from '../src/engine/index.js';
import { openClickHouseEngine } from '../src/scale-out/clickhouse-engine.js';
import { migrateToClickHouse } from '../src/scale-out/migrate.js';
import {
  connectClickHouse,
  generationTables,
  parseClickHouseUrl,
  sqlString,
} from '../src/store/clickhouse/index.js';
import { startClickHouse } from '../test/helpers/clickhouse-cluster.js';
import { timePeer } from './query/answer.js';
import { POPULAR_DOMAINS_SQL, queryClasses } from './query/classes.js';
import { openDuckDBPeer } from './query/duckdb-peer.js';
import { prepareIndex } from './query/index-step.js';
import { type BenchSize, prepareStore } from './query/prepare.js';

export interface ClickHouseBenchOptions {
  sizes: BenchSize[];
  workDir: string;
  warmup: number;
  runs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function answer(e: Engine, q: IntersectQuery) {
  const r = q.source === 'page' ? await e.pageIntersection(q) : await e.domainIntersection(q);
  return JSON.stringify(r);
}

const log = (msg: string): void => console.log(`[${new Date().toISOString()}] ${msg}`);

export async function benchClickHouse(o: ClickHouseBenchOptions): Promise<void> {
  for (const size of o.sizes) {
    const { db } = await prepareStore(o.workDir, size);
    await prepareIndex(db, false);
    const duck = await openDuckDBPeer(db);
    const popular = (await duck.all(POPULAR_DOMAINS_SQL)).map((r) => String(r.domain));
    await duck.close();
    const classes = queryClasses(popular);
    const memory = await openLinkIndexEngine(join(`${db}.index`));
    const links = memory.info().links;
    const expected = new Map<string, string>();
    const ms = new Map<string, Map<string, number>>();
    const mem = new Map<string, number>();
    for (const c of classes) {
      expected.set(c.id, await answer(memory, c.query));
      const t = await timePeer(o.warmup, o.runs, async () => {
        await answer(memory, c.query);
        return { keys: [], counts: [], total: 0 };
      });
      mem.set(c.id, median(t.seconds) * 1000);
    }
    ms.set('in-memory', mem);
    const loads: string[] = [];
    for (const shards of [1, 2]) {
      const name = shards === 1 ? 'ClickHouse 18.16, 1 node' : 'ClickHouse 18.16, 2 shards';
      const server = await startClickHouse(shards);
      try {
        const parsed = parseClickHouseUrl(server.url);
        if (!parsed.ok) throw new Error(parsed.error);
        const target = await connectClickHouse(parsed.target);
        log(`${size.label}: migrating into ${name}`);
        const m = await migrateToClickHouse({ dbPath: db, target, batch: 20_000 });
        const local = generationTables(m.generation, null).local;
        let bytes = 0;
        for (const node of target.nodes) {
          const r = await node.query<{ b: number | string }>(
            `SELECT sum(bytes) AS b FROM system.parts WHERE active AND database = currentDatabase() AND table = ${sqlString(local)}`,
          );
          bytes += Number(r.rows[0]?.b ?? 0);
        }
        loads.push(
          `${name}: migrate ${m.links.toLocaleString('en-US')} links in ${m.seconds.toFixed(1)} s = ${Math.round(m.links / m.seconds).toLocaleString('en-US')} rows/s; ${(bytes / m.links).toFixed(1)} bytes/link on disk (${(bytes / 2 ** 20).toFixed(0)} MiB)`,
        );
        const engine = await openClickHouseEngine(target);
        const times = new Map<string, number>();
        for (const c of classes) {
          const got = await answer(engine, c.query);
          if (got !== expected.get(c.id)) {
            throw new Error(`${name}: class ${c.id} answers differently from the in-memory index`);
          }
          const t = await timePeer(o.warmup, o.runs, async () => {
            await answer(engine, c.query);
            return { keys: [], counts: [], total: 0 };
          });
          times.set(c.id, median(t.seconds) * 1000);
        }
        ms.set(name, times);
        await engine.close();
      } finally {
        await server.stop();
      }
    }
    await memory.close();
    console.log(
      `\n${size.label} (${links.toLocaleString('en-US')} links), warm medians of ${o.runs} runs:`,
    );
    for (const l of loads) console.log(`  ${l}`);
    const base = ms.get('in-memory') as Map<string, number>;
    for (const c of classes) {
      const cells = [...ms.entries()].map(([peer, t]) => {
        const v = t.get(c.id) as number;
        const ratio =
          peer === 'in-memory' ? '' : ` (×${(v / (base.get(c.id) as number)).toFixed(1)})`;
        return `${peer} ${v.toFixed(1)} ms${ratio}`;
      });
      console.log(`  (${c.id}) ${c.label}: ${cells.join(' · ')}`);
    }
  }
}
