/**
 * The PostgreSQL peer: one database per bench size holding the same links as one wide `links`
 * table (the scalar columns of the store's table), loaded once from a CSV export of the DuckDB
 * store, indexed as a fair peer would index it (btree on the target domain with the source URL,
 * on the source URL, on the source domain), vacuumed and analysed. Queried with `pg`.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import { answerFromRows, type PeerAnswer } from './answer.js';
import type { SqlPeer } from './duckdb-peer.js';
import type { PgServer } from './pg-server.js';
import { intersectSql } from './sql.js';

/** The columns loaded into PostgreSQL, with their types there. */
export const PG_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['url_from', 'text'],
  ['domain_from', 'text'],
  ['host_from', 'text'],
  ['tld_from', 'text'],
  ['url_to', 'text'],
  ['domain_to', 'text'],
  ['host_to', 'text'],
  ['item_type', 'text'],
  ['first_seen', 'timestamp'],
  ['prev_seen', 'timestamp'],
  ['last_seen', 'timestamp'],
  ['is_new', 'boolean'],
  ['is_lost', 'boolean'],
  ['original', 'boolean'],
  ['links_count', 'integer'],
  ['anchor', 'text'],
  ['semantic_location', 'text'],
  ['dofollow', 'boolean'],
  ['is_indirect_link', 'boolean'],
  ['url_to_status_code', 'smallint'],
  ['is_broken', 'boolean'],
  ['is_internal', 'boolean'],
  ['rank', 'integer'],
  ['page_from_rank', 'integer'],
  ['domain_from_rank', 'integer'],
  ['backlink_spam_score', 'integer'],
];

/**
 * The peer's indexes, as a tuned peer would build them for these queries: covering btrees on the
 * target domain (with the unit and the scope flags, so the target scans are index-only) and on
 * (unit, target domain) for the per-unit exclusion checks.
 */
export const PG_INDEXES = [
  'CREATE INDEX links_domain_to ON links (domain_to, url_from) INCLUDE (domain_from, is_lost, is_internal, is_indirect_link, dofollow)',
  'CREATE INDEX links_url_from ON links (url_from, domain_to) INCLUDE (is_lost, is_indirect_link)',
  'CREATE INDEX links_domain_from ON links (domain_from, domain_to) INCLUDE (is_lost, is_indirect_link)',
];

/** DuckDB statement that writes the PostgreSQL columns of `links` to a CSV file at `$1`. */
export function exportCsvSql(file: string): string {
  // COPY takes no parameters; the path is ours (the work dir), quoted as a literal.
  return `COPY (SELECT ${PG_COLUMNS.map(([c]) => c).join(', ')} FROM links) TO '${file.replaceAll("'", "''")}' (FORMAT csv, HEADER false)`;
}

function clientFor(server: PgServer, database: string): pg.Client {
  return new pg.Client({ host: server.host, port: server.port, user: server.user, database });
}

/** Seconds spent on each load step (0 for a step an earlier run did). */
export interface PgLoadStats {
  copySeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  rows: number;
}

/** State of database `name`: rows loaded (undefined if not) and the index DDL it was built with. */
async function loadedState(
  server: PgServer,
  name: string,
): Promise<{ rows: number; indexes: string } | undefined> {
  const c = clientFor(server, name);
  await c.connect();
  try {
    const done = await c.query("SELECT 1 FROM pg_tables WHERE tablename = 'bench_loaded'");
    if (done.rowCount === 0) return undefined;
    const r = await c.query('SELECT n, indexes FROM bench_loaded');
    return { rows: Number(r.rows[0]?.n), indexes: String(r.rows[0]?.indexes) };
  } finally {
    await c.end();
  }
}

/** (Re)build the peer's indexes on loaded `links`, then VACUUM ANALYZE; returns [index s, analyze s]. */
async function buildIndexes(c: pg.Client): Promise<[number, number]> {
  const old = await c.query(
    "SELECT indexname FROM pg_indexes WHERE tablename = 'links' AND schemaname = 'public'",
  );
  for (const r of old.rows) await c.query(`DROP INDEX ${pg.escapeIdentifier(String(r.indexname))}`);
  let t = performance.now();
  for (const ddl of PG_INDEXES) await c.query(ddl);
  const indexSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await c.query('VACUUM ANALYZE links');
  await c.query('UPDATE bench_loaded SET indexes = $1', [PG_INDEXES.join(';\n')]);
  return [indexSeconds, (performance.now() - t) / 1000];
}

/**
 * Make sure database `name` holds the links with the current `PG_INDEXES`, loading them with
 * `writeCsv(file)` (which must write the CSV) when it does not. The CSV is deleted after loading.
 */
export async function ensurePgLoaded(
  server: PgServer,
  name: string,
  csvFile: string,
  writeCsv: (file: string) => Promise<void>,
): Promise<PgLoadStats> {
  const admin = clientFor(server, 'postgres');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount !== 0) {
      const state = await loadedState(server, name);
      if (state !== undefined) {
        if (state.indexes === PG_INDEXES.join(';\n')) {
          return { copySeconds: 0, indexSeconds: 0, analyzeSeconds: 0, rows: state.rows };
        }
        const c = clientFor(server, name);
        await c.connect();
        try {
          const [indexSeconds, analyzeSeconds] = await buildIndexes(c);
          return { copySeconds: 0, indexSeconds, analyzeSeconds, rows: state.rows };
        } finally {
          await c.end();
        }
      }
      await admin.query(`DROP DATABASE ${pg.escapeIdentifier(name)}`);
    }
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  await writeCsv(csvFile);
  const c = clientFor(server, name);
  await c.connect();
  try {
    const t = performance.now();
    const cols = PG_COLUMNS.map(([n, ty]) => `${n} ${ty}`).join(', ');
    await c.query('BEGIN');
    await c.query(`CREATE TABLE links (${cols})`);
    // Server-side COPY: the server reads the file itself (superuser; path is ours, a literal).
    const copied = await c.query(
      `COPY links FROM ${pg.escapeLiteral(csvFile)} WITH (FORMAT csv, HEADER false)`,
    );
    await c.query('COMMIT');
    const copySeconds = (performance.now() - t) / 1000;
    const rows = copied.rowCount ?? 0;
    await c.query('CREATE TABLE bench_loaded (n bigint, indexes text)');
    await c.query("INSERT INTO bench_loaded VALUES ($1, '')", [rows]);
    const [indexSeconds, analyzeSeconds] = await buildIndexes(c);
    return { copySeconds, indexSeconds, analyzeSeconds, rows };
  } finally {
    await c.end();
    rmSync(csvFile, { force: true });
  }
}

/** Connect to database `name` as the PostgreSQL peer. */
export async function openPgPeer(server: PgServer, name: string): Promise<SqlPeer> {
  const c = clientFor(server, name);
  await c.connect();
  return {
    async query(q: IntersectQuery): Promise<PeerAnswer> {
      const s = intersectSql(q);
      const r = await c.query(s.text, s.params);
      return answerFromRows(r.rows);
    },
    async close() {
      await c.end();
    },
  };
}
