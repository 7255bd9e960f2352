/**
 * Column names a links CSV may use (case-insensitive), for exports of other backlink tools.
 */

/** Our column → the header names accepted for it. */
export const LINKS_CSV_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  url_from: ['url_from', 'source_url', 'referring_page_url', 'referring page url', 'from_url'],
  url_to: ['url_to', 'target_url', 'target url', 'to_url'],
  anchor: ['anchor', 'anchor_text', 'anchor text'],
  rel: ['rel', 'attributes'],
  first_seen: ['first_seen', 'first seen'],
  last_seen: ['last_seen', 'last seen'],
  item_type: ['item_type', 'link_type'],
};

/** The header name among `names` that stands for `column`, if any. */
export function findCsvColumn(names: readonly string[], column: string): string | undefined {
  const accepted = LINKS_CSV_COLUMNS[column] ?? [];
  return names.find((n) => accepted.includes(n.trim().toLowerCase()));
}
