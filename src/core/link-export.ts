/**
 * The exported link row (`linkgap export --links`), the same from every store: its columns in
 * DataForSEO's backlink order where they exist there, and its CSV line.
 */

/** Columns of an exported link, in DataForSEO's backlink order where they exist there. */
export const LINK_EXPORT_COLUMNS = [
  'domain_from',
  'url_from',
  'url_from_https',
  'domain_to',
  'url_to',
  'url_to_https',
  'tld_from',
  'is_new',
  'is_lost',
  'first_seen',
  'prev_seen',
  'last_seen',
  'item_type',
  'attributes',
  'dofollow',
  'original',
  'alt',
  'anchor',
  'text_pre',
  'text_post',
  'semantic_location',
  'links_count',
  'is_broken',
  'url_to_status_code',
  'url_to_redirect_target',
  'is_indirect_link',
  'indirect_link_path',
  'is_internal',
] as const;

/** One exported link as a CSV line: lists and objects as JSON. */
export function linkCsvLine(row: Readonly<Record<string, unknown>>): string {
  return LINK_EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',');
}

/** One CSV field: lists and objects as JSON, quoted when it holds a quote, comma or newline. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
