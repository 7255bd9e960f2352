/**
 * DDL of the store of record. Raw tables (sources, captures, capture_links, ingest_errors) are
 * appended by ingest; pages, links and hosts are replaced as a whole by each build.
 */

/**
 * Bumped when a table changes shape; a store migrates a file of an older version it knows
 * (`MIGRATIONS`) and refuses any other.
 */
export const SCHEMA_VERSION = '2';

/**
 * Statements taking a file from the version of the key to the next one. Columns are added at
 * the end of their table, where a new file has them too (appenders write columns by position).
 */
export const MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  // 1 → 2: captures.signals (PageSignals as JSON).
  '1': ['ALTER TABLE captures ADD COLUMN IF NOT EXISTS signals VARCHAR'],
};

/** Statements creating the raw tables (idempotent). */
export const RAW_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS sources (
     source_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, fingerprint VARCHAR NOT NULL,
     records_done BIGINT NOT NULL DEFAULT 0, complete BOOLEAN NOT NULL DEFAULT false,
     captures_added BIGINT NOT NULL DEFAULT 0, errors BIGINT NOT NULL DEFAULT 0,
     started_at TIMESTAMP, finished_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS captures (
     capture_id BIGINT NOT NULL, url VARCHAR NOT NULL, fetched_at TIMESTAMP NOT NULL,
     status SMALLINT NOT NULL, ip VARCHAR, content_type VARCHAR, redirect_location VARCHAR,
     title VARCHAR, lang VARCHAR, encoding VARCHAR, size BIGINT, meta VARCHAR,
     payload_digest VARCHAR, revisit_digest VARCHAR, revisit_uri VARCHAR, revisit_date TIMESTAMP,
     is_revisit BOOLEAN NOT NULL, source_id INTEGER NOT NULL, signals VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS capture_links (
     capture_id BIGINT NOT NULL, ord INTEGER NOT NULL, url VARCHAR NOT NULL, item_type VARCHAR NOT NULL,
     anchor VARCHAR, alt VARCHAR, rel VARCHAR, text_pre VARCHAR, text_post VARCHAR,
     semantic_location VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ingest_errors (
     source_id INTEGER NOT NULL, record_index BIGINT NOT NULL, byte_offset BIGINT NOT NULL,
     message VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS builds (
     built_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL, stats VARCHAR NOT NULL)`,
  // The crawler's frontier (linkgap crawl), one row per (crawl, URL); a new table, so files of
  // schema 2 get it on open without a migration.
  `CREATE TABLE IF NOT EXISTS crawl_frontier (
     crawl VARCHAR NOT NULL, url VARCHAR NOT NULL, host VARCHAR NOT NULL, depth INTEGER NOT NULL,
     seq BIGINT NOT NULL, state VARCHAR NOT NULL, status SMALLINT, fetched_at TIMESTAMP,
     etag VARCHAR, last_modified VARCHAR, payload_digest VARCHAR, error VARCHAR,
     PRIMARY KEY (crawl, url))`,
];

/** Staging tables, one per connection: the batch's keys, and links serialised by readers. */
export const STAGE_SCHEMA: readonly string[] = [
  `CREATE TEMP TABLE IF NOT EXISTS stage_keys (url VARCHAR, fetched_at TIMESTAMP)`,
  `CREATE TEMP TABLE IF NOT EXISTS stage_links_json (capture_id BIGINT, links_json VARCHAR)`,
  `CREATE TEMP TABLE IF NOT EXISTS stage_frontier (url VARCHAR, host VARCHAR, depth INTEGER, ord INTEGER)`,
  `CREATE TEMP TABLE IF NOT EXISTS stage_frontier_results (
     url VARCHAR, state VARCHAR, status SMALLINT, fetched_at TIMESTAMP, etag VARCHAR,
     last_modified VARCHAR, payload_digest VARCHAR, error VARCHAR)`,
];
