/**
 * What the HTML extractor takes and returns: one document's bytes in, page facts and link
 * occurrences out.
 */
import type { LinkOccurrence, PageSignals } from '../../core/types.js';

/** One HTML document to extract, as fetched. */
export interface PageInput {
  /** Normalised absolute URL of the document: the base for relative links. */
  url: string;
  /** The payload, transfer and content encodings already removed. */
  body: Uint8Array;
  /** The `Content-Type` header value as sent (its `charset` parameter is the strongest hint). */
  contentType?: string;
  /** The `Content-Language` header value as sent: a language hint. */
  contentLanguage?: string;
}

/** Page facts and links extracted from one HTML document. */
export interface PageExtract {
  /** First `<title>` outside SVG, whitespace collapsed, at most 1,000 characters. */
  title?: string;
  /** ISO 639-1 code (`en`), undefined when neither markup, header nor text tell reliably. */
  lang?: string;
  /** Encoding the body was decoded with, lower-case WHATWG name (`utf-8`, `windows-1251`). */
  encoding: string;
  /**
   * Page metadata, keys lower-case: description, keywords, generator, robots (lower-case),
   * canonical (normalised), og:*, twitter:*. First occurrence of a key wins.
   */
  meta: Record<string, string>;
  /** Link occurrences in document order. */
  links: LinkOccurrence[];
  /** hrefs that were present but not followable: empty, unparseable or not http(s). */
  skippedLinks: number;
  /** Evidence for spam scores and platform types; every field set (lists may be empty). */
  signals: PageSignals;
}

/** What the collector found; `extractPage` turns it into a `PageExtract`. */
export interface CollectedPage {
  title?: string;
  htmlLang?: string;
  metaLang?: string;
  meta: Record<string, string>;
  links: LinkOccurrence[];
  skippedLinks: number;
  /** Leading visible text for language detection ("" when not collected). */
  sample: string;
  signals: PageSignals;
}
