/**
 * Build SQL for the published link table: direct and indirect links with their history, rel
 * attributes, dofollow, target facts (status, broken, redirect target), host keys and the
 * columns later steps fill (ranks, spam scores).
 */

/** Host of a normalised URL: what sits between `scheme://[userinfo@]` and the port or path. */
export const HOST_REGEX = '^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^\\]]*\\]|[^/:?#]*)';

/** Every URL seen (sources, targets, redirect and canonical targets) with its host. */
export const URL_HOSTS_SQL = `
CREATE OR REPLACE TEMP TABLE b_url_hosts AS
SELECT url, regexp_extract(url, '${HOST_REGEX}', 1) AS host
FROM (SELECT url FROM captures UNION SELECT url FROM capture_links
      UNION SELECT redirect_location FROM captures WHERE redirect_location IS NOT NULL
      UNION SELECT json_extract_string(meta, '$.canonical') FROM captures
      WHERE json_extract_string(meta, '$.canonical') IS NOT NULL)`;

/** The hosts the JS step must describe (registrable domain, suffix, IP). */
export const DISTINCT_HOSTS_SQL = 'SELECT DISTINCT host FROM b_url_hosts ORDER BY host';

/** The published link table. */
export const LINKS_SQL = `
CREATE TABLE links_next AS
WITH all_links AS (
  SELECT url_from, url_to, item_type, first_seen, last_seen, prev_seen, rep, links_count,
         page_nofollow, false AS is_indirect_link,
         CAST(NULL AS STRUCT(type VARCHAR, status_code INTEGER, url VARCHAR)[]) AS indirect_link_path
  FROM b_direct
  UNION ALL
  SELECT url_from, url_to, item_type, first_seen, last_seen, prev_seen, rep, links_count,
         page_nofollow, true, path
  FROM b_indirect
)
SELECT a.url_from, hf.domain AS domain_from, fu.host AS host_from, hf.tld AS tld_from,
       starts_with(a.url_from, 'https:') AS url_from_https,
       a.url_to, ht.domain AS domain_to, tu.host AS host_to,
       starts_with(a.url_to, 'https:') AS url_to_https,
       a.item_type, a.first_seen, a.prev_seen, a.last_seen,
       (a.first_seen = pf.last_visit AND pf.visits > 1) AS is_new,
       (a.last_seen < pf.last_visit) AS is_lost,
       (a.first_seen = pf.first_visit) AS original,
       CAST(a.links_count AS INTEGER) AS links_count,
       a.rep.anchor AS anchor, a.rep.alt AS alt, a.rep.text_pre AS text_pre,
       a.rep.text_post AS text_post, coalesce(a.rep.semantic_location, '') AS semantic_location,
       CASE WHEN a.rep.rel IS NULL OR a.rep.rel = '' THEN CAST([] AS VARCHAR[])
            ELSE string_split(a.rep.rel, ' ') END AS attributes,
       NOT (a.page_nofollow OR coalesce(list_has_any(string_split(a.rep.rel, ' '),
                                                     ['nofollow', 'ugc', 'sponsored']), false))
         AS dofollow,
       a.is_indirect_link, a.indirect_link_path,
       pt.status AS url_to_status_code, coalesce(pt.status >= 400, false) AS is_broken,
       CASE WHEN pt.status BETWEEN 300 AND 399 THEN pt.redirect_location END AS url_to_redirect_target,
       (hf.domain = ht.domain) AS is_internal,
       CAST(NULL AS INTEGER) AS rank, CAST(NULL AS INTEGER) AS page_from_rank,
       CAST(NULL AS INTEGER) AS domain_from_rank, CAST(NULL AS INTEGER) AS backlink_spam_score,
       CAST(NULL AS INTEGER) AS url_to_spam_score
FROM all_links a
JOIN pages_next pf ON pf.url = a.url_from
JOIN b_url_hosts fu ON fu.url = a.url_from JOIN hosts_next hf ON hf.host = fu.host
JOIN b_url_hosts tu ON tu.url = a.url_to JOIN hosts_next ht ON ht.host = tu.host
LEFT JOIN pages_next pt ON pt.url = a.url_to`;
