/**
 * The captures of a ClickHouse store. `linkgap ingest --store` reads its inputs into a staging
 * DuckDB store (every format, resumable, deduplicated) and uploads that store's captures NDJSON
 * here; `linkgap build --store` and `export --captures --store` read them back, one line per
 * (url, fetched_at), in captures NDJSON order. Any number of ingest processes may upload at once:
 * a capture uploaded twice is one capture.
 */
import {
  type ClickHouseClient,
  capturesDistributedDdl,
  capturesLocalDdl,
  capturesTable,
  captureVersion,
  type QuerySettings,
  SOURCES_TABLE,
  sourcesTableDdl,
} from '../store/clickhouse/index.js';
import type { LinkStore } from '../store/index.js';
import { type ClickHouseNodes, hasTable, isCluster } from './migrate.js';

/** An input whose captures are all in the store. */
export interface UploadedSource {
  name: string;
  fingerprint: string;
}

/** Sorting more than this spills to disk (captures are large; the cluster may hold billions). */
const SORT_SETTINGS: QuerySettings = { max_bytes_before_external_sort: 1_000_000_000 };

function table(target: ClickHouseNodes): string {
  return capturesTable(isCluster(target) ? target.cluster : null);
}

function entryOf(target: ClickHouseNodes): ClickHouseClient {
  return target.nodes[0] as ClickHouseClient;
}

/** Create the captures and sources tables where missing, on every node. */
export async function ensureCaptureTables(target: ClickHouseNodes): Promise<void> {
  for (const node of target.nodes) {
    await node.exec(capturesLocalDdl());
    await node.exec(sourcesTableDdl());
    if (isCluster(target)) await node.exec(capturesDistributedDdl(target.cluster, target.database));
  }
}

/** The inputs uploaded so far (their latest fingerprint each). */
export async function uploadedSources(target: ClickHouseNodes): Promise<UploadedSource[]> {
  const { rows } = await entryOf(target).query<UploadedSource>(
    `SELECT name, argMax(fingerprint, uploaded_at) AS fingerprint FROM ${SOURCES_TABLE} GROUP BY name ORDER BY name`,
  );
  return rows;
}

/** Record inputs as uploaded, on every node. */
export async function recordSources(
  target: ClickHouseNodes,
  sources: readonly UploadedSource[],
): Promise<void> {
  if (sources.length === 0) return;
  const uploadedAt = Math.floor(Date.now() / 1000);
  const rows = sources.map((s) => ({ ...s, uploaded_at: uploadedAt }));
  for (const node of target.nodes) await node.insert(SOURCES_TABLE, rows);
}

/**
 * Upload every capture of `store` (a staging store) in batches of `batch` lines; where the store
 * already holds a capture, that copy stays. Returns how many were uploaded.
 */
export async function uploadCaptures(
  target: ClickHouseNodes,
  store: LinkStore,
  opts: { batch?: number; onProgress?: (uploaded: number) => void } = {},
): Promise<number> {
  const into = table(target);
  const settings: QuerySettings = isCluster(target) ? { insert_distributed_sync: 1 } : {};
  const size = opts.batch ?? 5_000;
  const version = captureVersion(Date.now());
  let rows: Array<Record<string, unknown>> = [];
  let uploaded = 0;
  const flush = async (): Promise<void> => {
    if (rows.length === 0) return;
    await entryOf(target).insert(into, rows, settings);
    uploaded += rows.length;
    rows = [];
    opts.onProgress?.(uploaded);
  };
  await store.exportCaptures(async (line) => {
    const { url, fetched_at } = JSON.parse(line) as { url: string; fetched_at: string };
    rows.push({ url, fetched_at, version, line });
    if (rows.length >= size) await flush();
  });
  await flush();
  return uploaded;
}

/** How many distinct captures the store holds. */
export async function countCaptures(target: ClickHouseNodes): Promise<number> {
  const { rows } = await entryOf(target).query<{ n: number }>(
    `SELECT count() AS n FROM (SELECT url, fetched_at FROM ${table(target)} GROUP BY url, fetched_at)`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every capture once (its first upload), as captures NDJSON lines ordered by url then
 * fetched_at, `onLines` awaited batch by batch. Returns the number of lines.
 */
export function streamCaptures(
  target: ClickHouseNodes,
  onLines: (lines: string[]) => Promise<void> | void,
): Promise<number> {
  return entryOf(target).stream<{ line: string }>(
    `SELECT line FROM ${table(target)} ORDER BY url, fetched_at, version DESC LIMIT 1 BY url, fetched_at`,
    (rows) => onLines(rows.map((r) => r.line)),
    { settings: SORT_SETTINGS, batch: 2_000 },
  );
}

/** Whether the store has a captures table yet (an ingest has run). */
export function hasCaptures(target: ClickHouseNodes): Promise<boolean> {
  return hasTable(entryOf(target), table(target));
}
