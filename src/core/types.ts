/**
 * The domain nouns shared by every layer: a capture (one fetch of one URL at one time) and the
 * link occurrences found in it. These are exactly the records of the captures NDJSON format
 * (docs/captures-ndjson.md).
 */

/** How a link was expressed in the referring document (DataForSEO `item_type`). */
export type ItemType =
  | 'anchor'
  | 'image'
  | 'link'
  | 'meta'
  | 'canonical'
  | 'alternate'
  | 'redirect';

/** Every item type, in a stable order (used for dictionary codes and validation). */
export const ITEM_TYPES: readonly ItemType[] = [
  'anchor',
  'image',
  'link',
  'meta',
  'canonical',
  'alternate',
  'redirect',
];

/**
 * One occurrence of a link in a captured document, in document order. `url` is absolute and
 * normalised (see `normalizeUrl`).
 */
export interface LinkOccurrence {
  url: string;
  item_type: ItemType;
  /** Visible anchor text, whitespace collapsed ("" when none). */
  anchor?: string;
  /** `alt` of a linked image (item_type `image`). */
  alt?: string;
  /** rel tokens, lower-case, in source order, without duplicates. */
  rel?: string[];
  /** Up to 80 characters of visible text before the link, whitespace collapsed. */
  text_pre?: string;
  /** Up to 80 characters of visible text after the link, whitespace collapsed. */
  text_post?: string;
  /** Nearest enclosing HTML5 semantic element (article, nav, footer, …) or "". */
  semantic_location?: string;
}

/**
 * One fetch of one URL at one time. `fetched_at` is ISO 8601 UTC with second precision
 * (`2024-05-17T23:31:22Z`); `(url, fetched_at)` identifies a capture.
 */
export interface Capture {
  url: string;
  fetched_at: string;
  status: number;
  ip?: string;
  content_type?: string;
  /** Normalised absolute `Location` of a 3xx answer. */
  redirect_location?: string;
  title?: string;
  /** ISO 639-1 language code. */
  lang?: string;
  /** Character encoding the body was decoded with, lower-case (`utf-8`, `windows-1251`). */
  encoding?: string;
  /** Body size in bytes. */
  size?: number;
  /** Page-level metadata: description, generator, robots, x-robots-tag, canonical, og:*, twitter:*. */
  meta?: Record<string, string>;
  links: LinkOccurrence[];
}
