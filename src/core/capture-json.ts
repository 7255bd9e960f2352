/**
 * The canonical JSON of captures NDJSON (docs/captures-ndjson.md): keys in the documented order,
 * absent optional keys omitted. Ingest stores a capture's links in this form and export writes it
 * back unchanged, which is what makes export → ingest → export byte-identical.
 */
import type { LinkOccurrence } from './types.js';

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

/** The link with its keys in the documented order (JSON.stringify then drops undefined ones). */
function ordered(l: LinkOccurrence): LinkOccurrence {
  return {
    url: l.url,
    item_type: l.item_type,
    anchor: l.anchor,
    alt: l.alt,
    rel: l.rel,
    text_pre: l.text_pre,
    text_post: l.text_post,
    semantic_location: l.semantic_location,
  };
}

/** A capture's links as a canonical JSON array. */
export function linksJson(links: readonly LinkOccurrence[]): string {
  return JSON.stringify(links.map(ordered));
}
