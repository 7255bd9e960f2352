/**
 * `linkgap migrate`: copy the current generation of a DuckDB index into ClickHouse. The tables
 * are created on every node (no `ON CLUSTER`: it needs Keeper), rows go through the Distributed
 * table with synchronous inserts (so a finished migrate is fully on the shards), and the
 * generation is published last, on every node, so readers never see a half-copied one.
 */
import { type IndexFacts, type IndexInfo, openLinkIndexEngine } from '../engine/index.js';
import { IndexCollector, indexRootFor } from '../link-index/index.js';
import {
  type ClickHouseClient,
  distributedTableDdl,
  GENERATIONS_TABLE,
  generationsTableDdl,
  generationTables,
  identifier,
  localTableDdl,
  type QuerySettings,
} from '../store/clickhouse/index.js';
import { createDuckDBStore } from '../store/index.js';
import { LinkRowBuilder } from './link-rows.js';

/** Where a generation goes: every node of the cluster (one node: no Distributed table). */
export interface ClickHouseNodes {
  nodes: readonly ClickHouseClient[];
  database: string;
  /** The cluster name in the servers' `remote_servers` (used when there are several nodes). */
  cluster: string;
}

/** Whether reads go through a Distributed table. */
export function isCluster(target: ClickHouseNodes): boolean {
  return target.nodes.length > 1;
}

export interface MigrateOptions {
  /** The DuckDB database whose built index is copied. */
  dbPath: string;
  target: ClickHouseNodes;
  /** Rows per insert (default 20,000). */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MigrateResult {
  generation: string;
  links: number;
  seconds: number;
}

/** A generation as `lg_generations` records it. */
export interface PublishedGeneration {
  generation: string;
  info: IndexInfo;
  facts: IndexFacts;
}

/** Copy the DuckDB index's current generation into the cluster and publish it. */
export async function migrateToClickHouse(opts: MigrateOptions): Promise<MigrateResult> {
  const started = performance.now();
  const { target } = opts;
  const engine = await openLinkIndexEngine(indexRootFor(opts.dbPath));
  const info = engine.info();
  const facts = await engine.facts();
  await engine.close();

  const collector = new IndexCollector();
  const store = await createDuckDBStore({ path: opts.dbPath });
  try {
    await store.readIndexColumns(collector);
  } finally {
    await store.close();
  }
  const rows = new LinkRowBuilder(collector);
  if (rows.count !== info.links) {
    throw new Error(
      `the database holds ${rows.count} links but its index ${info.generation} has ${info.links}: run linkgap build first`,
    );
  }

  const tables = generationTables(info.generation, isCluster(target) ? target.cluster : null);
  for (const node of target.nodes) {
    await node.exec(generationsTableDdl());
    await node.exec(`DROP TABLE IF EXISTS ${identifier(tables.local)}`);
    await node.exec(localTableDdl(tables));
  }
  if (isCluster(target)) {
    for (const node of target.nodes) {
      await node.exec(`DROP TABLE IF EXISTS ${identifier(tables.read)}`);
      await node.exec(distributedTableDdl(tables, target.cluster, target.database));
    }
  }
  const entry = target.nodes[0] as ClickHouseClient;
  const batch = opts.batch ?? 20_000;
  const settings: QuerySettings = isCluster(target) ? { insert_distributed_sync: 1 } : {};
  for (let from = 0; from < rows.count; from += batch) {
    await entry.insert(tables.read, rows.rows(from, from + batch), settings);
    opts.onProgress?.(Math.min(from + batch, rows.count), rows.count);
  }
  await publishGeneration(target, { generation: info.generation, info, facts });
  return {
    generation: info.generation,
    links: rows.count,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Record `g` as the newest generation on every node. */
export async function publishGeneration(
  target: ClickHouseNodes,
  g: PublishedGeneration,
): Promise<void> {
  const row = {
    generation: g.generation,
    published_at: Math.floor(Date.now() / 1000),
    info: JSON.stringify(g.info),
    facts: JSON.stringify(g.facts),
  };
  for (const node of target.nodes) await node.insert(GENERATIONS_TABLE, [row]);
}

/** The newest published generation, or null when there is none (or no generations table). */
export async function currentGeneration(
  node: ClickHouseClient,
): Promise<PublishedGeneration | null> {
  const exists = await node.query<{ n: number | string }>(
    `SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = '${GENERATIONS_TABLE}'`,
  );
  if (Number(exists.rows[0]?.n ?? 0) === 0) return null;
  const { rows } = await node.query<{ generation: string; info: string; facts: string }>(
    `SELECT generation, info, facts FROM ${GENERATIONS_TABLE} ORDER BY published_at DESC, generation DESC LIMIT 1`,
  );
  const r = rows[0];
  if (r === undefined) return null;
  return {
    generation: r.generation,
    info: JSON.parse(r.info) as IndexInfo,
    facts: JSON.parse(r.facts) as IndexFacts,
  };
}
