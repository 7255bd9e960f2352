/**
 * Build SQL for pages and direct links with history. Rules (DESIGN §2):
 * - a *visit* of a page is a capture with status below 500 (a 5xx is a failed fetch and says
 *   nothing about the links); every capture counts for the page's latest facts;
 * - first_seen / last_seen: first and last visit containing the link; prev_seen: the visit
 *   containing it before last_seen (null when none);
 * - is_lost: the page's latest visit does not contain the link; original: the page's first
 *   visit contains it; is_new: it first appeared at the latest visit of a page visited before;
 * - links_count and the representative occurrence (anchor, alt, context, rel, semantic
 *   location) come from the latest visit containing the link (first occurrence in document order).
 */

/** Visits with a page-level nofollow flag (robots meta or X-Robots-Tag: nofollow or none). */
export const VISITS_SQL = `
CREATE OR REPLACE TEMP TABLE b_visits AS
SELECT capture_id, content_id, url, fetched_at,
       regexp_matches(lower(coalesce(json_extract_string(meta, '$.robots'), '') || ',' ||
                            coalesce(json_extract_string(meta, '$."x-robots-tag"'), '')),
                      '(^|[^a-z])(nofollow|none)([^a-z]|$)') AS page_nofollow
FROM resolved_captures WHERE status < 500`;

/**
 * Pages: the latest capture's facts, visit counts, canonical and internal/external link counts.
 * `meta` and `signals` are the latest capture's JSON (`signals`: `PageSignals`, null when none).
 * Columns later build steps fill (all null until then):
 * - ranks (0–1000, docs/ranks.md): `page_rank` (0 = no inbound dofollow link), `page_pass`
 *   (what one dofollow link from this page passes), `domain_rank` and `domain_pass` (the same for
 *   the page's registrable domain in the domain graph);
 * - page facts: `spam_score` (0–100, null when the page has no HTML capture to score),
 *   `spam_signals` (bit mask over `SPAM_SIGNALS`), `host_spam_score` / `domain_spam_score` (mean
 *   over the host's / registrable domain's scored pages), `platform_type` (the domain's platform
 *   types, most frequent first), `host_ip` (most recent IP of the page's host) and its `country`
 *   (ISO 3166 alpha-2), `is_technical` (host on the technical-host list).
 */
export const PAGES_SQL = `
CREATE TABLE pages_next AS
WITH latest AS (
  SELECT url, min(fetched_at) AS first_capture, max(fetched_at) AS last_capture,
         count(*) AS captures_count,
         arg_max(struct_pack(content_id, status, ip, content_type, redirect_location, title, lang,
                             encoding, size, meta, signals), (fetched_at, capture_id)) AS l
  FROM resolved_captures GROUP BY url
), visits AS (
  SELECT url, min(fetched_at) AS first_visit, max(fetched_at) AS last_visit, count(*) AS visits
  FROM b_visits GROUP BY url
)
SELECT p.url, h.host, h.domain, h.tld, h.is_ip, starts_with(p.url, 'https:') AS is_https,
       p.first_capture, p.last_capture, p.captures_count, v.first_visit, v.last_visit,
       coalesce(v.visits, 0) AS visits, p.l.status AS status, p.l.ip AS ip,
       p.l.content_type AS content_type, p.l.redirect_location AS redirect_location,
       p.l.title AS title, p.l.lang AS lang, p.l.encoding AS encoding, p.l.size AS size,
       p.l.meta AS meta, p.l.signals AS signals,
       json_extract_string(p.l.meta, '$.canonical') AS canonical,
       coalesce(lc.internal_links, 0) AS internal_links,
       coalesce(lc.external_links, 0) AS external_links,
       -- Filled by later build steps (ranks, page facts): see the PAGES_SQL comment.
       CAST(NULL AS SMALLINT) AS page_rank, CAST(NULL AS SMALLINT) AS page_pass,
       CAST(NULL AS SMALLINT) AS domain_rank, CAST(NULL AS SMALLINT) AS domain_pass,
       CAST(NULL AS SMALLINT) AS spam_score, CAST(NULL AS INTEGER) AS spam_signals,
       CAST(NULL AS SMALLINT) AS host_spam_score, CAST(NULL AS SMALLINT) AS domain_spam_score,
       CAST(NULL AS VARCHAR[]) AS platform_type, CAST(NULL AS VARCHAR) AS host_ip,
       CAST(NULL AS VARCHAR) AS country, false AS is_technical
FROM latest p
LEFT JOIN visits v USING (url)
LEFT JOIN b_url_hosts uh ON uh.url = p.url
LEFT JOIN hosts_next h ON h.host = uh.host
LEFT JOIN (
  SELECT l.capture_id,
         count(*) FILTER (WHERE th.domain = fh.domain) AS internal_links,
         count(*) FILTER (WHERE th.domain IS DISTINCT FROM fh.domain) AS external_links
  FROM capture_links l
  JOIN captures c ON c.capture_id = l.capture_id
  JOIN b_url_hosts fu ON fu.url = c.url JOIN hosts_next fh ON fh.host = fu.host
  JOIN b_url_hosts tu ON tu.url = l.url JOIN hosts_next th ON th.host = tu.host
  WHERE l.item_type IN ('anchor', 'image')
    AND l.capture_id IN (SELECT latest.l.content_id FROM latest)
  GROUP BY l.capture_id
) lc ON lc.capture_id = p.l.content_id`;

/** Link observations: one row per (page, target, item type, visit). */
export const OBSERVATIONS_SQL = `
CREATE OR REPLACE TEMP TABLE b_obs AS
SELECT v.url AS url_from, l.url AS url_to, l.item_type, v.fetched_at, count(*) AS n,
       arg_min(struct_pack(anchor := l.anchor, alt := l.alt, rel := l.rel, text_pre := l.text_pre,
                           text_post := l.text_post, semantic_location := l.semantic_location),
               l.ord) AS rep,
       any_value(v.page_nofollow) AS page_nofollow
FROM b_visits v JOIN capture_links l ON l.capture_id = v.content_id
GROUP BY v.url, l.url, l.item_type, v.fetched_at`;

/** Direct links with history, one row per (url_from, url_to, item_type). */
export const DIRECT_LINKS_SQL = `
CREATE OR REPLACE TEMP TABLE b_direct AS
SELECT url_from, url_to, item_type, min(fetched_at) AS first_seen, max(fetched_at) AS last_seen,
       (list(fetched_at ORDER BY fetched_at DESC))[2] AS prev_seen,
       arg_max(rep, fetched_at) AS rep, arg_max(n, fetched_at) AS links_count,
       arg_max(page_nofollow, fetched_at) AS page_nofollow
FROM b_obs GROUP BY url_from, url_to, item_type`;
