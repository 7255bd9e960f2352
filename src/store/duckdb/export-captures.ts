/**
 * Writes every capture as captures NDJSON (docs/captures-ndjson.md), ordered by url then
 * fetched_at, revisits resolved. Export → ingest → export is byte-identical.
 */
import { CAPTURE_KEYS, LINK_KEYS } from '../../core/capture-json.js';
import type { LineSink } from '../types.js';
import { RESOLVED_CAPTURES_VIEW } from './build/resolved-captures.js';
import type { DuckDBSession, Row } from './session.js';

const EXPORT_SQL = `
SELECT rc.url, strftime(rc.fetched_at, '%Y-%m-%dT%H:%M:%SZ') AS fetched_at, rc.status, rc.ip,
       rc.content_type, rc.redirect_location, rc.title, rc.lang, rc.encoding,
       CAST(rc.size AS DOUBLE) AS size, rc.meta, rc.signals,
       (SELECT list(struct_pack(url := l.url, item_type := l.item_type, anchor := l.anchor,
                    alt := l.alt, rel := l.rel, text_pre := l.text_pre, text_post := l.text_post,
                    semantic_location := l.semantic_location) ORDER BY l.ord)
        FROM capture_links l WHERE l.capture_id = rc.content_id) AS links
FROM resolved_captures rc
ORDER BY rc.url, rc.fetched_at, rc.capture_id`;

/** Plain-valued capture keys, written from their columns; meta, signals and links come as JSON. */
const SCALAR_KEYS = CAPTURE_KEYS.filter((k) => k !== 'meta' && k !== 'signals' && k !== 'links');

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
  if (row.signals !== null && row.signals !== undefined) {
    parts.push(`"signals":${String(row.signals)}`);
  }
  const links = (row.links as Row[] | null) ?? [];
  parts.push(`"links":[${links.map(linkJson).join(',')}]`);
  return `{${parts.join(',')}}`;
}

/** A stored link as canonical JSON: documented key order, absent keys omitted, rel as a list. */
function linkJson(l: Row): string {
  const parts: string[] = [];
  for (const key of LINK_KEYS) {
    const v = l[key];
    if (v === null || v === undefined) continue;
    const value = key === 'rel' ? (v === '' ? [] : String(v).split(' ')) : v;
    parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}
