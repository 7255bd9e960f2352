/**
 * Loads the built `links` and `pages` tables of a linkgap DuckDB file into `ReferenceData`,
 * straight through `@duckdb/node-api` (read-only), independent of the store and the index.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { LinkRow, PageRow, ReferenceData } from './reference-data.js';

/** Timestamps → seconds since the epoch, BIGINT → number, lists and structs recursively. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

/** Every row of the built tables of `dbPath`, read-only. */
export async function loadReferenceData(dbPath: string): Promise<ReferenceData> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  try {
    const conn = await instance.connect();
    try {
      const linkRows = (await conn.runAndReadAll('SELECT * FROM links')).getRowObjectsJS();
      const pageRows = (await conn.runAndReadAll('SELECT * FROM pages')).getRowObjectsJS();
      const links = linkRows.map((r) => plain(r) as LinkRow);
      const pages = new Map<string, PageRow>();
      for (const r of pageRows) {
        const p = plain(r) as PageRow;
        pages.set(p.url, p);
      }
      return { links, pages };
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
