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
  /** Evidence for spam scores and platform types, gathered from the document at ingest. */
  signals?: PageSignals;
  links: LinkOccurrence[];
}

/** Contact evidence a page can show (`PageSignals.contact`). */
export type ContactKind = 'email' | 'phone' | 'contact_page';

/**
 * Evidence about a page that its links and meta do not carry, gathered at ingest for the
 * build's spam scores and platform types (docs/captures-ndjson.md). Every field is optional:
 * absent means "not observed" (a WAT record cannot tell text length, for instance).
 */
export interface PageSignals {
  /** Distinct hosts of `<script src>` and `<link href>` inside `<head>`, lower-case, at most 50. */
  head_hosts?: string[];
  /**
   * Site software recognised from the generator meta, resource URLs and markup, distinct, in
   * the vocabulary of `SOFTWARE_NAMES` (`wordpress`, `shopify`, `phpbb`, …).
   */
  software?: string[];
  /** schema.org types from `itemtype` and JSON-LD `@type`, short names (`BlogPosting`), ≤ 20. */
  schema_types?: string[];
  /** Contact evidence found on the page, distinct, in this order: email, phone, contact_page. */
  contact?: ContactKind[];
  /** A `<link rel=icon>` (also `shortcut icon`, `apple-touch-icon`) is present. */
  favicon?: boolean;
  /** Visible text length in characters, whitespace collapsed. */
  text_chars?: number;
}

/** Site software `PageSignals.software` can name. */
export const SOFTWARE_NAMES = [
  'wordpress',
  'joomla',
  'drupal',
  'typo3',
  'wix',
  'squarespace',
  'webflow',
  'ghost',
  'blogger',
  'tumblr',
  'medium',
  'hugo',
  'jekyll',
  'shopify',
  'woocommerce',
  'magento',
  'prestashop',
  'opencart',
  'bigcommerce',
  'mediawiki',
  'dokuwiki',
  'confluence',
  'phpbb',
  'vbulletin',
  'xenforo',
  'discourse',
  'invision',
  'mybb',
  'smf',
  'nodebb',
  'flarum',
] as const;

/** A name of `SOFTWARE_NAMES`. */
export type SoftwareName = (typeof SOFTWARE_NAMES)[number];
