/**
 * The ClickHouse schema of one index generation: a single wide link table (every link with its
 * source page's columns beside it, so a query never joins), per node a MergeTree ordered by the
 * target keys and, on a cluster, a Distributed table over them sharded by the source's
 * registrable domain, so every page and domain unit lives on one shard. `lg_generations` (a
 * plain table on every node) says which generations exist and which is current.
 *
 * Values follow the link index's conventions: Int16 columns use -32768 for null, times are
 * seconds with 0 for null, page doubles use NaN for null, strings that may be null are
 * Nullable(String) (`domain_to` uses '' for null: it is part of the sort key).
 */
import { identifier } from './escape.js';

/** A column of the link table: its name and ClickHouse type. */
export interface ColumnSpec {
  name: string;
  type: string;
}

const str = (name: string): ColumnSpec => ({ name, type: 'String' });
const nstr = (name: string): ColumnSpec => ({ name, type: 'Nullable(String)' });
const i16 = (name: string): ColumnSpec => ({ name, type: 'Int16' });
const u32 = (name: string): ColumnSpec => ({ name, type: 'UInt32' });
const f64 = (name: string): ColumnSpec => ({ name, type: 'Float64' });
const arr = (name: string): ColumnSpec => ({ name, type: 'Array(String)' });

/** Text fields whose words (`match`) are stored beside them, computed as the engine does. */
export const WORD_FIELDS = ['anchor', 'alt', 'text_pre', 'text_post', 'title'] as const;

/** The link table's columns, in insert order. */
export const LINK_TABLE_COLUMNS: readonly ColumnSpec[] = [
  // The link.
  { name: 'seq', type: 'UInt64' },
  str('url_from'),
  str('domain_from'),
  str('url_to'),
  str('host_to'),
  str('host_key'),
  str('domain_to'),
  { name: 'flags', type: 'UInt16' },
  nstr('item_type'),
  nstr('anchor'),
  nstr('alt'),
  nstr('text_pre'),
  nstr('text_post'),
  nstr('semantic_location'),
  nstr('redirect_target'),
  nstr('attributes'),
  nstr('path'),
  arr('attributes_list'),
  i16('rank'),
  i16('page_from_rank'),
  i16('domain_from_rank'),
  i16('backlink_spam_score'),
  i16('url_to_spam_score'),
  i16('url_to_status_code'),
  u32('first_seen'),
  u32('prev_seen'),
  u32('last_seen'),
  u32('links_count'),
  // Its source page.
  nstr('tld'),
  nstr('ip'),
  nstr('subnet'),
  nstr('country'),
  nstr('platform'),
  arr('platform_list'),
  nstr('title'),
  nstr('lang'),
  nstr('encoding'),
  { name: 'is_ip', type: 'UInt8' },
  { name: 'is_technical', type: 'UInt8' },
  u32('spam_signals'),
  i16('status'),
  i16('page_rank'),
  i16('page_pass'),
  i16('domain_rank'),
  i16('domain_pass'),
  i16('spam_score'),
  i16('host_spam_score'),
  i16('domain_spam_score'),
  f64('size'),
  f64('internal_links'),
  f64('external_links'),
  ...WORD_FIELDS.map((f) => arr(`${f}_words`)),
];

/**
 * Target keys first (DESIGN §5): the host in reversed labels (`com\x01example\x01blog`, so a root
 * domain's hosts are one key range and a domain target with subdomains is a range scan), the
 * URL, then the source.
 */
const ORDER_BY = '(host_key, url_to, url_from, seq)';

/** The sharding key: the source's registrable domain, so page and domain units are shard-local. */
export const SHARDING_KEY = 'cityHash64(domain_from)';

/** The cluster name our generated configs use, and the default of `?cluster=`. */
export const DEFAULT_CLUSTER = 'lg';

/** Table names of one generation (`g-20261204T101010Z-1a2b3c` → `lg_links_g_20261204t…`). */
export interface GenerationTables {
  /** The MergeTree on each node. */
  local: string;
  /** What queries read: the Distributed table on a cluster, the local table otherwise. */
  read: string;
}

/** The generations table (a plain MergeTree on every node). */
export const GENERATIONS_TABLE = 'lg_generations';

/** The table names of `generation`, for a cluster or a single node. */
export function generationTables(generation: string, cluster: string | null): GenerationTables {
  const suffix = generation.toLowerCase().replace(/[^a-z0-9]/g, '_');
  const local = `lg_links_local_${suffix}`;
  return { local, read: cluster === null ? local : `lg_links_${suffix}` };
}

/** DDL of the generations table. */
export function generationsTableDdl(): string {
  return `CREATE TABLE IF NOT EXISTS ${GENERATIONS_TABLE} (
  generation String, published_at DateTime, info String, facts String
) ENGINE = MergeTree ORDER BY (published_at, generation)`;
}

/** DDL of a generation's local MergeTree. */
export function localTableDdl(t: GenerationTables): string {
  const cols = LINK_TABLE_COLUMNS.map((c) => `  ${c.name} ${c.type}`).join(',\n');
  return `CREATE TABLE ${identifier(t.local)} (\n${cols}\n) ENGINE = MergeTree ORDER BY ${ORDER_BY}`;
}

/** DDL of a generation's Distributed table over `cluster`, on database `database`. */
export function distributedTableDdl(
  t: GenerationTables,
  cluster: string,
  database: string,
): string {
  const cols = LINK_TABLE_COLUMNS.map((c) => `  ${c.name} ${c.type}`).join(',\n');
  return `CREATE TABLE ${identifier(t.read)} (\n${cols}\n) ENGINE = Distributed(${identifier(cluster)}, ${identifier(database)}, ${identifier(t.local)}, ${SHARDING_KEY})`;
}

/**
 * The captures of a ClickHouse store (`linkgap ingest --store`): each capture as its captures
 * NDJSON line (docs/captures-ndjson.md) under its key (url, fetched_at), sharded by URL so both
 * copies of a capture uploaded twice meet on one shard, where `ReplacingMergeTree` keeps the one
 * with the highest `version` and reads take the same one first. The version falls with the
 * upload time (`captureVersion`): the first upload of a capture stays, as a DuckDB store keeps a
 * capture it already holds.
 */
export const CAPTURES_LOCAL_TABLE = 'lg_captures_local';
/** What captures are read from and written to: the Distributed table on a cluster. */
export function capturesTable(cluster: string | null): string {
  return cluster === null ? CAPTURES_LOCAL_TABLE : 'lg_captures';
}
/** The version of a capture uploaded at `ms` (epoch milliseconds): earlier uploads rank higher. */
export function captureVersion(ms: number): number {
  return Number.MAX_SAFE_INTEGER - ms;
}

/** Inputs whose captures are all uploaded (name, fingerprint), so a rerun skips them. */
export const SOURCES_TABLE = 'lg_sources';

const CAPTURE_COLUMNS = 'url String, fetched_at String, version UInt64, line String';

/** DDL of the per-node captures table. */
export function capturesLocalDdl(): string {
  return `CREATE TABLE IF NOT EXISTS ${CAPTURES_LOCAL_TABLE} (${CAPTURE_COLUMNS}) ENGINE = ReplacingMergeTree(version) ORDER BY (url, fetched_at)`;
}

/** DDL of the Distributed captures table over `cluster`. */
export function capturesDistributedDdl(cluster: string, database: string): string {
  return `CREATE TABLE IF NOT EXISTS ${identifier(capturesTable(cluster))} (${CAPTURE_COLUMNS}) ENGINE = Distributed(${identifier(cluster)}, ${identifier(database)}, ${CAPTURES_LOCAL_TABLE}, cityHash64(url))`;
}

/** DDL of the sources table (a plain table on every node, like the generations table). */
export function sourcesTableDdl(): string {
  return `CREATE TABLE IF NOT EXISTS ${SOURCES_TABLE} (
  name String, fingerprint String, uploaded_at DateTime
) ENGINE = MergeTree ORDER BY (name, uploaded_at)`;
}
