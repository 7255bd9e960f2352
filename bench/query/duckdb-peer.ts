/**
 * The DuckDB peer: the built store's own wide `links` table, opened read-only in this process
 * and queried with the plain SQL of `intersectSql` (DuckDB's default threads: all cores).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import { answerFromRows, type PeerAnswer } from './answer.js';
import { intersectSql } from './sql.js';

/** A query function over one database, and its closer. */
export interface SqlPeer {
  query(q: IntersectQuery): Promise<PeerAnswer>;
  close(): Promise<void>;
}

/** The DuckDB peer, which also serves the bench's own look-ups (popular domains, export). */
export interface DuckDBPeer extends SqlPeer {
  /** Rows of a bench statement, as plain JSON values. */
  all(
    sql: string,
    params?: Array<string | number | boolean>,
  ): Promise<Array<Record<string, unknown>>>;
}

/** Open `db` read-only as the DuckDB peer. */
export async function openDuckDBPeer(db: string): Promise<DuckDBPeer> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  let closed = false;
  return {
    async query(q) {
      const s = intersectSql(q);
      const reader = await conn.runAndReadAll(s.text, s.params);
      return answerFromRows(
        reader.getRowObjectsJson() as Array<{ unit: unknown; n: unknown; total: unknown }>,
      );
    },
    async all(sql, params = []) {
      const reader = await conn.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as Array<Record<string, unknown>>;
    },
    async close() {
      if (closed) return;
      closed = true;
      conn.closeSync();
      instance.closeSync();
    },
  };
}
