/**
 * Exports the published link table: NDJSON or CSV to a sink (stdout), or NDJSON, CSV or Parquet
 * straight to a file through DuckDB's COPY.
 */
import { LINK_EXPORT_COLUMNS, linkCsvLine } from '../../core/link-export.js';
import { StoreError } from '../errors.js';
import type { LineSink } from '../types.js';
import type { DuckDBSession } from './session.js';

const TIME_COLUMNS = new Set(['first_seen', 'prev_seen', 'last_seen']);

const SELECT_SQL = `SELECT ${LINK_EXPORT_COLUMNS.map((c) =>
  TIME_COLUMNS.has(c) ? `strftime(${c}, '%Y-%m-%dT%H:%M:%SZ') AS ${c}` : c,
).join(', ')} FROM links ORDER BY url_from, url_to, item_type, is_indirect_link`;

/** Write every link; returns the number of rows. */
export async function exportLinks(
  session: DuckDBSession,
  format: 'ndjson' | 'csv' | 'parquet',
  outPath: string | null,
  sink: LineSink,
): Promise<number> {
  const built = await session.one(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'links'`,
  );
  if (Number(built?.n ?? 0) === 0) {
    throw new StoreError('STORE_QUERY_FAILED', 'no links yet: run `linkgap build` first');
  }
  if (outPath !== null) {
    const copyFormat = format === 'ndjson' ? 'json' : format;
    const header = format === 'csv' ? ', HEADER true' : '';
    return session.exec(`COPY (${SELECT_SQL}) TO $1 (FORMAT ${copyFormat}${header})`, [outPath]);
  }
  if (format === 'parquet') {
    throw new StoreError('STORE_QUERY_FAILED', 'parquet is binary: give --out FILE');
  }
  if (format === 'csv') await sink(LINK_EXPORT_COLUMNS.join(','));
  return session.stream(SELECT_SQL, [], async (rows) => {
    for (const row of rows) await sink(format === 'csv' ? linkCsvLine(row) : JSON.stringify(row));
  });
}
