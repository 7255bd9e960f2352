/**
 * Exports the published link table: NDJSON or CSV to a sink (stdout), or NDJSON, CSV or Parquet
 * straight to a file through DuckDB's COPY.
 */
import { StoreError } from '../errors.js';
import type { LineSink } from '../types.js';
import type { DuckDBSession, Row } from './session.js';

/** Columns of an exported link, in DataForSEO's backlink order where they exist there. */
export const LINK_EXPORT_COLUMNS = [
  'domain_from',
  'url_from',
  'url_from_https',
  'domain_to',
  'url_to',
  'url_to_https',
  'tld_from',
  'is_new',
  'is_lost',
  'first_seen',
  'prev_seen',
  'last_seen',
  'item_type',
  'attributes',
  'dofollow',
  'original',
  'alt',
  'anchor',
  'text_pre',
  'text_post',
  'semantic_location',
  'links_count',
  'is_broken',
  'url_to_status_code',
  'url_to_redirect_target',
  'is_indirect_link',
  'indirect_link_path',
  'is_internal',
] as const;

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
    for (const row of rows) await sink(format === 'csv' ? csvLine(row) : JSON.stringify(row));
  });
}

function csvLine(row: Row): string {
  return LINK_EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',');
}

/** One CSV field: lists and objects as JSON, quoted when it holds a quote, comma or newline. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
