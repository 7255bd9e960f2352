/**
 * The key order of captures NDJSON (docs/captures-ndjson.md): export writes keys in this order
 * and omits absent ones, which is what makes export → ingest → export byte-identical.
 */

/** Keys of a capture line, in the documented order. */
export const CAPTURE_KEYS = [
  'url',
  'fetched_at',
  'status',
  'ip',
  'content_type',
  'redirect_location',
  'title',
  'lang',
  'encoding',
  'size',
  'meta',
  'links',
] as const;

/** Keys of a link occurrence, in the documented order. */
export const LINK_KEYS = [
  'url',
  'item_type',
  'anchor',
  'alt',
  'rel',
  'text_pre',
  'text_post',
  'semantic_location',
] as const;
