/**
 * Writes every capture as captures NDJSON (docs/captures-ndjson.md), ordered by url then
 * fetched_at, revisits resolved. Export → ingest → export is byte-identical.
 */
import { CAPTURE_KEYS } from '../../core/capture-json.js';
import type { LineSink } from '../types.js';
import { RESOLVED_CAPTURES_VIEW } from './build/resolved-captures.js';
import type { DuckDBSession, Row } from './session.js';

const EXPORT_SQL = `
SELECT rc.url, strftime(rc.fetched_at, '%Y-%m-%dT%H:%M:%SZ') AS fetched_at, rc.status, rc.ip,
       rc.content_type, rc.redirect_location, rc.title, rc.lang, rc.encoding,
       CAST(rc.size AS DOUBLE) AS size, rc.meta, rc.links_json
FROM resolved_captures rc
ORDER BY rc.url, rc.fetched_at, rc.capture_id`;

/** Plain-valued keys, written from their columns; meta and links are stored as JSON. */
const SCALAR_KEYS = CAPTURE_KEYS.filter((k) => k !== 'meta' && k !== 'links');

/** Stream all captures to `sink` as NDJSON lines; returns the number written. */
export async function exportCaptures(session: DuckDBSession, sink: LineSink): Promise<number> {
  await session.exec(RESOLVED_CAPTURES_VIEW);
  return session.stream(EXPORT_SQL, [], async (rows) => {
    for (const row of rows) await sink(captureLine(row));
  });
}

/** One capture row as its NDJSON line, keys in the documented order, absent keys omitted. */
export function captureLine(row: Row): string {
  const parts: string[] = [];
  for (const key of SCALAR_KEYS) {
    const v = row[key];
    if (v !== null && v !== undefined) parts.push(`${JSON.stringify(key)}:${JSON.stringify(v)}`);
  }
  if (row.meta !== null && row.meta !== undefined) parts.push(`"meta":${String(row.meta)}`);
  // Stored in canonical form at ingest (core/capture-json.ts), so written back unchanged.
  parts.push(`"links":${String(row.links_json)}`);
  return `{${parts.join(',')}}`;
}
