/**
 * The view every reader of captures goes through: a WARC revisit takes the links and page facts
 * of the original capture with the same payload digest (same URL, fetched no later); a revisit
 * whose original is not in the store carries no content and is left out rather than read as a
 * page that lost all its links.
 */

/** Creates the temp view `resolved_captures` (capture_id, content_id, url, fetched_at, …). */
export const RESOLVED_CAPTURES_VIEW = `
CREATE OR REPLACE TEMP VIEW resolved_captures AS
WITH origin AS (
  SELECT r.capture_id, arg_max(o.capture_id, o.fetched_at) AS origin_id
  FROM captures r
  JOIN captures o
    ON r.is_revisit AND NOT o.is_revisit
   AND o.payload_digest = r.revisit_digest
   AND o.url = coalesce(r.revisit_uri, r.url)
   AND o.fetched_at <= r.fetched_at
  GROUP BY r.capture_id
)
SELECT c.capture_id, c.capture_id AS content_id, c.url, c.fetched_at, c.status, c.ip,
       c.content_type, c.redirect_location, c.title, c.lang, c.encoding, c.size, c.meta,
       c.links_count, c.links_json
FROM captures c WHERE NOT c.is_revisit
UNION ALL
SELECT r.capture_id, o.capture_id AS content_id, r.url, r.fetched_at,
       CASE WHEN r.status IN (0, 304) THEN o.status ELSE r.status END AS status,
       coalesce(r.ip, o.ip) AS ip, o.content_type, o.redirect_location, o.title, o.lang,
       o.encoding, o.size, o.meta, o.links_count, o.links_json
FROM captures r JOIN origin g ON g.capture_id = r.capture_id
JOIN captures o ON o.capture_id = g.origin_id
`;

/** The JSON shape of `links_json`, for DuckDB's `from_json`. */
const LINK_SHAPE =
  '[{"url":"VARCHAR","item_type":"VARCHAR","anchor":"VARCHAR","alt":"VARCHAR","rel":["VARCHAR"],' +
  '"text_pre":"VARCHAR","text_post":"VARCHAR","semantic_location":"VARCHAR"}]';

/**
 * Every link occurrence of every capture that holds content (revisits share their original's),
 * one row each with its position in the document; `rel` as space-joined tokens ("" for none).
 */
export const CAPTURE_LINKS_SQL = `
CREATE OR REPLACE TEMP TABLE b_capture_links AS
SELECT capture_id, CAST(ord AS INTEGER) AS ord, l.url AS url, l.item_type AS item_type,
       l.anchor AS anchor, l.alt AS alt, array_to_string(l.rel, ' ') AS rel,
       l.text_pre AS text_pre, l.text_post AS text_post, l.semantic_location AS semantic_location
FROM (
  SELECT capture_id, unnest(range(len(arr))) AS ord, unnest(arr) AS l
  FROM (SELECT capture_id, from_json(links_json, '${LINK_SHAPE}') AS arr
        FROM captures WHERE NOT is_revisit AND links_count > 0)
)`;
