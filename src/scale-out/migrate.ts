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
  sqlString,
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
  /** Generations kept in the store after this one is published (default 2: it and the one before). */
  keep?: number;
}

export interface MigrateResult {
  generation: string;
  links: number;
  seconds: number;
  /** The generation was already published there: nothing was copied. */
  alreadyPublished: boolean;
  /** Older generations whose tables were dropped. */
  dropped: string[];
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
  const entry = target.nodes[0] as ClickHouseClient;
  if ((await publishedGenerations(entry)).includes(info.generation)) {
    return {
      generation: info.generation,
      links: info.links,
      seconds: (performance.now() - started) / 1000,
      alreadyPublished: true,
      dropped: [],
    };
  }

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
  const batch = opts.batch ?? 20_000;
  const settings: QuerySettings = isCluster(target) ? { insert_distributed_sync: 1 } : {};
  for (let from = 0; from < rows.count; from += batch) {
    await entry.insert(tables.read, rows.rows(from, from + batch), settings);
    opts.onProgress?.(Math.min(from + batch, rows.count), rows.count);
  }
  await publishGeneration(target, { generation: info.generation, info, facts });
  const dropped = await pruneGenerations(target, opts.keep ?? 2);
  return {
    generation: info.generation,
    links: rows.count,
    seconds: (performance.now() - started) / 1000,
    alreadyPublished: false,
    dropped,
  };
}

/** Published generation names, newest first (none without a generations table). */
export async function publishedGenerations(node: ClickHouseClient): Promise<string[]> {
  if (!(await hasGenerationsTable(node))) return [];
  const { rows } = await node.query<{ generation: string }>(
    `SELECT generation FROM ${GENERATIONS_TABLE} GROUP BY generation ORDER BY max(published_at) DESC, generation DESC`,
  );
  return rows.map((r) => r.generation);
}

function hasGenerationsTable(node: ClickHouseClient): Promise<boolean> {
  return hasTable(node, GENERATIONS_TABLE);
}

/** Whether `node`'s database has the table `name`. */
export async function hasTable(node: ClickHouseClient, name: string): Promise<boolean> {
  const { rows } = await node.query<{ n: number | string }>(
    `SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = ${sqlString(name)}`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * Drop the tables of all but the newest `keep` generations on every node, and their rows in
 * the generations table. A server still answering from a dropped generation has switched to a
 * newer one long before: it polls every few seconds, and `keep` ≥ 2 spares the one before.
 */
export async function pruneGenerations(target: ClickHouseNodes, keep: number): Promise<string[]> {
  const entry = target.nodes[0] as ClickHouseClient;
  const old = (await publishedGenerations(entry)).slice(Math.max(1, keep));
  for (const g of old) {
    const t = generationTables(g, isCluster(target) ? target.cluster : null);
    for (const node of target.nodes) {
      if (t.read !== t.local) await node.exec(`DROP TABLE IF EXISTS ${identifier(t.read)}`);
      await node.exec(`DROP TABLE IF EXISTS ${identifier(t.local)}`);
      // 18.16 runs the mutation in the background (mutations_sync came with 19.x): a row may
      // outlive its tables for a moment, which only makes the next prune drop them again.
      await node.exec(
        `ALTER TABLE ${GENERATIONS_TABLE} DELETE WHERE generation = ${sqlString(g)}`,
        node.version.major >= 20 ? { mutations_sync: 1 } : {},
      );
    }
  }
  return old;
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
  if (!(await hasGenerationsTable(node))) return null;
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
