/**
 * Build SQL for indirect links: a link to X where X's latest capture answered 3xx to Y, or
 * declares canonical Y, also counts as a link to Y, through chains of up to 5 hops without
 * cycles. `indirect_link_path` lists the hops that lead to the final `url_to`.
 */

/** The hop graph from the pages' latest captures. */
export const HOPS_SQL = `
CREATE OR REPLACE TEMP TABLE b_hops AS
SELECT url, redirect_location AS next_url, 'redirect' AS type, status
FROM pages_next
WHERE status BETWEEN 300 AND 399 AND redirect_location IS NOT NULL AND redirect_location <> url
UNION ALL
SELECT url, canonical AS next_url, 'canonical' AS type, status
FROM pages_next
WHERE status BETWEEN 200 AND 299 AND canonical IS NOT NULL AND canonical <> url`;

/** Every target reachable from a hop start in 1–5 hops, shortest path first. */
export const CHAINS_SQL = `
CREATE OR REPLACE TEMP TABLE b_chains AS
WITH RECURSIVE chain(start_url, cur, depth, path, seen) AS (
  SELECT url, next_url, 1, [struct_pack(type := type, status_code := status, url := url)],
         [url, next_url]
  FROM b_hops
  UNION ALL
  SELECT c.start_url, h.next_url, c.depth + 1,
         list_append(c.path, struct_pack(type := h.type, status_code := h.status, url := h.url)),
         list_append(c.seen, h.next_url)
  FROM chain c JOIN b_hops h ON h.url = c.cur
  WHERE c.depth < 5 AND NOT list_contains(c.seen, h.next_url)
)
SELECT start_url, cur AS final_url, arg_min(path, depth) AS path, min(depth) AS depth
FROM chain GROUP BY start_url, cur`;

/** Indirect links: every direct link through every chain from its target, unless direct already. */
export const INDIRECT_LINKS_SQL = `
CREATE OR REPLACE TEMP TABLE b_indirect AS
SELECT d.url_from, c.final_url AS url_to, d.item_type, d.first_seen, d.last_seen, d.prev_seen,
       d.rep, d.links_count, d.page_nofollow, c.path
FROM b_direct d JOIN b_chains c ON c.start_url = d.url_to
WHERE NOT EXISTS (SELECT 1 FROM b_direct x
                  WHERE x.url_from = d.url_from AND x.url_to = c.final_url
                    AND x.item_type = d.item_type)
QUALIFY row_number() OVER (PARTITION BY d.url_from, c.final_url, d.item_type
                           ORDER BY c.depth, d.url_to) = 1`;
