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
       c.signals
FROM captures c WHERE NOT c.is_revisit
UNION ALL
SELECT r.capture_id, o.capture_id AS content_id, r.url, r.fetched_at,
       CASE WHEN r.status IN (0, 304) THEN o.status ELSE r.status END AS status,
       coalesce(r.ip, o.ip) AS ip, o.content_type, o.redirect_location, o.title, o.lang,
       o.encoding, o.size, o.meta, o.signals
FROM captures r JOIN origin g ON g.capture_id = r.capture_id
JOIN captures o ON o.capture_id = g.origin_id
`;
