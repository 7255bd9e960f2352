/**
 * The rows the link index writer reads from the built tables: source pages by url, links in
 * link order (docs/intersection-semantics.md §Data). No parameters: the queries are fixed.
 */
import type { IndexRowKind, IndexRowSink } from '../types.js';
import type { DuckDBSession } from './session.js';

const seconds = (c: string) => `CAST(floor(epoch(${c})) AS BIGINT) AS ${c}`;

/** Source pages (every url_from of links), ordered by url. */
export const INDEX_PAGES_SQL = `
SELECT p.url, p.domain, p.tld, p.is_ip, p.status, p.size, p.internal_links, p.external_links,
       p.ip, p.country, p.platform_type, p.title, p.lang, p.encoding, p.page_rank
FROM pages p
WHERE p.url IN (SELECT url_from FROM links)
ORDER BY p.url`;

/** Every link in link order. */
export const INDEX_LINKS_SQL = `
SELECT url_from, domain_from, url_to, domain_to, host_to, url_from_https, url_to_https, item_type,
       ${seconds('first_seen')}, ${seconds('prev_seen')}, ${seconds('last_seen')},
       is_new, is_lost, original, links_count, anchor, alt, text_pre, text_post,
       semantic_location, attributes, dofollow, is_indirect_link, indirect_link_path,
       url_to_status_code, is_broken, url_to_redirect_target, is_internal, rank, page_from_rank,
       domain_from_rank, backlink_spam_score, url_to_spam_score
FROM links
ORDER BY url_from, url_to, item_type, is_indirect_link,
         coalesce(indirect_link_path[1].url, '')`;

/** Stream the rows of `kind`; returns their number. */
export function readIndexRows(
  session: DuckDBSession,
  kind: IndexRowKind,
  onRows: IndexRowSink,
): Promise<number> {
  return session.stream(kind === 'pages' ? INDEX_PAGES_SQL : INDEX_LINKS_SQL, [], onRows);
}
