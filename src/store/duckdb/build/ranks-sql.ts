/**
 * Build SQL of the ranks step (docs/ranks.md): the page and domain graphs as dense integer
 * edges, and the statements that write the computed ranks into pages_next and links_next.
 */

/** Links that pass PageRank: live, direct, dofollow. */
export const RANK_LINKS_SQL = `
CREATE OR REPLACE TEMP TABLE b_rank_links AS
SELECT url_from, url_to, domain_from, domain_to FROM links_next
WHERE dofollow AND NOT is_lost AND NOT is_indirect_link AND url_from <> url_to`;

/** Page nodes: every built page and every target of a rank link (crawled or not), by URL. */
export const PAGE_IDS_SQL = `
CREATE OR REPLACE TEMP TABLE b_rank_page_ids AS
SELECT url, CAST(row_number() OVER (ORDER BY url) - 1 AS UINTEGER) AS id
FROM (SELECT url FROM pages_next UNION SELECT url_to FROM b_rank_links)`;

/** Domain nodes: the registrable domains of the page nodes. */
export const DOMAIN_IDS_SQL = `
CREATE OR REPLACE TEMP TABLE b_rank_domain_ids AS
SELECT domain, CAST(row_number() OVER (ORDER BY domain) - 1 AS UINTEGER) AS id
FROM (SELECT domain FROM pages_next WHERE domain IS NOT NULL
      UNION SELECT domain_to FROM b_rank_links WHERE domain_to IS NOT NULL)`;

/** Distinct page edges (source id, target id). */
export const PAGE_EDGES_SQL = `
SELECT DISTINCT f.id AS src, t.id AS dst FROM b_rank_links l
JOIN b_rank_page_ids f ON f.url = l.url_from JOIN b_rank_page_ids t ON t.url = l.url_to`;

/** Distinct domain edges between different registrable domains. */
export const DOMAIN_EDGES_SQL = `
SELECT DISTINCT f.id AS src, t.id AS dst FROM b_rank_links l
JOIN b_rank_domain_ids f ON f.domain = l.domain_from
JOIN b_rank_domain_ids t ON t.domain = l.domain_to
WHERE l.domain_from <> l.domain_to`;

/** Tables the JS step appends (node id, rank, pass). */
export const SCORE_TABLES_SQL = [
  'CREATE OR REPLACE TEMP TABLE b_rank_page_scores (id UINTEGER, r SMALLINT, pass SMALLINT)',
  'CREATE OR REPLACE TEMP TABLE b_rank_domain_scores (id UINTEGER, r SMALLINT, pass SMALLINT)',
] as const;

/**
 * Fill pages_next.page_rank, page_pass, domain_rank, domain_pass (domain ones 0 for a page
 * without a domain). UPDATE touches only these columns: far faster than rewriting the table.
 */
export const PAGES_RANKS_SQL = `
UPDATE pages_next SET page_rank = s.page_rank, page_pass = s.page_pass,
       domain_rank = s.domain_rank, domain_pass = s.domain_pass
FROM (SELECT p.url, ps.r AS page_rank, ps.pass AS page_pass,
             coalesce(ds.r, 0) AS domain_rank, coalesce(ds.pass, 0) AS domain_pass
      FROM pages_next p
      JOIN b_rank_page_ids pi ON pi.url = p.url
      JOIN b_rank_page_scores ps ON ps.id = pi.id
      LEFT JOIN b_rank_domain_ids di ON di.domain = p.domain
      LEFT JOIN b_rank_domain_scores ds ON ds.id = di.id) s
WHERE pages_next.url = s.url`;

/**
 * Fill links_next.rank (the source page's page_pass for every dofollow link, lost and indirect
 * ones included; 0 for nofollow), page_from_rank and domain_from_rank (the source page's
 * page_rank and domain_rank). Needs PAGES_RANKS_SQL first; every url_from is a built page.
 */
export const LINKS_RANKS_SQL = `
UPDATE links_next SET rank = CASE WHEN links_next.dofollow THEN p.page_pass ELSE 0 END,
       page_from_rank = p.page_rank, domain_from_rank = p.domain_rank
FROM (SELECT url, page_rank, page_pass, domain_rank FROM pages_next) p
WHERE p.url = links_next.url_from`;

/** Temp tables of the step, dropped when it ends. */
export const RANK_TEMP_TABLES = [
  'b_rank_links',
  'b_rank_page_ids',
  'b_rank_domain_ids',
  'b_rank_page_scores',
  'b_rank_domain_scores',
] as const;
