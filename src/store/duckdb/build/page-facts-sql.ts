/**
 * SQL of the page-facts build step (page-facts-step.ts): which pages are scored, the per-host
 * and per-domain aggregates, and the statements that fill the page-facts columns of
 * `pages_next` (a `SELECT p.* REPLACE` rewrite) and `links_next` (an UPDATE), and no other column.
 */

/**
 * Pages with a 2xx HTML latest capture: the content type says HTML, or it is unknown and the
 * capture carries HTML evidence (title, meta or signals; a links-CSV import carries none).
 */
export const SCORED_PAGES_SQL = `
SELECT url, title, meta, signals, internal_links, external_links
FROM pages_next
WHERE status BETWEEN 200 AND 299
  AND (content_type LIKE '%html%'
       OR (content_type IS NULL
           AND (title IS NOT NULL OR meta IS NOT NULL OR signals IS NOT NULL)))`;

/** Per-page results the JS pass appends (`platform`: comma-joined types, "" when none fired). */
export const PAGE_FACTS_TABLE_SQL = `
CREATE OR REPLACE TEMP TABLE b_page_facts (
  url VARCHAR NOT NULL, spam_score SMALLINT NOT NULL, spam_signals INTEGER NOT NULL,
  platform VARCHAR NOT NULL)`;

/** Each host's most recent IP: the newest capture of any of its URLs that has one. */
export const HOST_IPS_SQL = `
CREATE OR REPLACE TEMP TABLE b_host_ips AS
SELECT uh.host, arg_max(c.ip, (c.fetched_at, c.capture_id)) AS ip
FROM resolved_captures c JOIN b_url_hosts uh ON uh.url = c.url
WHERE c.ip IS NOT NULL AND c.ip <> '' GROUP BY uh.host`;

/** The distinct host IPs the JS pass looks up. */
export const DISTINCT_HOST_IPS_SQL = 'SELECT DISTINCT ip FROM b_host_ips ORDER BY ip';

/** IP → country and the technical hosts, appended by the JS pass. */
export const LOOKUP_TABLES_SQL = [
  'CREATE OR REPLACE TEMP TABLE b_ip_country (ip VARCHAR NOT NULL, country VARCHAR NOT NULL)',
  'CREATE OR REPLACE TEMP TABLE b_technical_hosts (host VARCHAR NOT NULL)',
];

/** Every host of the pages table (for the technical-host pass). */
export const PAGE_HOSTS_SQL =
  'SELECT DISTINCT host FROM pages_next WHERE host IS NOT NULL ORDER BY host';

/**
 * Domain platform types: every type of its classified pages, most frequent first (ties by
 * name), `['unknown']` when it has classified pages and no type fired (platform/ `domainPlatformTypes`).
 */
export const DOMAIN_PLATFORMS_SQL = `
CREATE OR REPLACE TEMP TABLE b_domain_platforms AS
WITH classified AS (
  SELECT p.domain, f.platform FROM b_page_facts f JOIN pages_next p USING (url)
), counted AS (
  SELECT domain, t, count(*) AS n
  FROM (SELECT domain, unnest(string_split(platform, ',')) AS t FROM classified
        WHERE platform <> '')
  GROUP BY domain, t
), typed AS (
  SELECT domain, list(t ORDER BY n DESC, t) AS types FROM counted GROUP BY domain
)
SELECT d.domain, coalesce(t.types, ['unknown']) AS types
FROM (SELECT DISTINCT domain FROM classified) d LEFT JOIN typed t USING (domain)`;

/** Fill the page-facts columns of pages_next (scores, aggregates, platform, IP, country). */
export const FILL_PAGES_SQL = `
CREATE OR REPLACE TABLE pages_next AS
WITH scored AS (
  SELECT p.host, p.domain, f.spam_score FROM b_page_facts f JOIN pages_next p USING (url)
), host_scores AS (
  SELECT host, CAST(round(avg(spam_score)) AS SMALLINT) AS score FROM scored GROUP BY host
), domain_scores AS (
  SELECT domain, CAST(round(avg(spam_score)) AS SMALLINT) AS score FROM scored GROUP BY domain
)
SELECT p.* REPLACE (
  f.spam_score AS spam_score, f.spam_signals AS spam_signals,
  hs.score AS host_spam_score, ds.score AS domain_spam_score,
  dp.types AS platform_type, hi.ip AS host_ip, ic.country AS country,
  (th.host IS NOT NULL) AS is_technical)
FROM pages_next p
LEFT JOIN b_page_facts f ON f.url = p.url
LEFT JOIN host_scores hs ON hs.host = p.host
LEFT JOIN domain_scores ds ON ds.domain = p.domain
LEFT JOIN b_domain_platforms dp ON dp.domain = p.domain
LEFT JOIN b_host_ips hi ON hi.host = p.host
LEFT JOIN b_ip_country ic ON ic.ip = hi.ip
LEFT JOIN b_technical_hosts th ON th.host = p.host`;

/**
 * Fill the spam columns of links_next: the source page's and the target page's scores. An
 * UPDATE of two columns, not a rewrite: links is the widest table (1.5 s → 0.2 s on 1M links).
 */
export const FILL_LINKS_SQL = [
  `UPDATE links_next SET backlink_spam_score = f.spam_score
   FROM b_page_facts f WHERE f.url = links_next.url_from`,
  `UPDATE links_next SET url_to_spam_score = f.spam_score
   FROM b_page_facts f WHERE f.url = links_next.url_to`,
];

/** Temp tables of the step (dropped by the build). */
export const PAGE_FACTS_TEMP_TABLES = [
  'b_page_facts',
  'b_host_ips',
  'b_ip_country',
  'b_technical_hosts',
  'b_domain_platforms',
];
