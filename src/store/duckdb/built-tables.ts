/**
 * Whether the published build tables have the shape this linkgap writes: a file built by an
 * older version lacks the newest columns, and reading it would fail with a binder error.
 */
import { StoreError } from '../errors.js';
import type { DuckDBSession } from './session.js';

/** The column the newest build step added to `pages` (bump when a later step adds one). */
const NEWEST_PAGES_COLUMN = 'spam_signals';

/**
 * Throw `STORE_SCHEMA_MISMATCH` with the fix when `pages` exists but an older linkgap built it.
 * @returns false when there is no build yet
 */
export async function checkBuiltTables(session: DuckDBSession): Promise<boolean> {
  const row = await session.one(
    `SELECT count(*) FILTER (WHERE table_name = 'pages') AS pages,
       count(*) FILTER (WHERE table_name = 'pages' AND column_name = ?) AS newest
     FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'`,
    [NEWEST_PAGES_COLUMN],
  );
  if (Number(row?.pages ?? 0) === 0) return false;
  if (Number(row?.newest ?? 0) === 0) {
    throw new StoreError(
      'STORE_SCHEMA_MISMATCH',
      'the built tables come from an older linkgap: run `linkgap build` to rebuild them',
    );
  }
  return true;
}
