/**
 * One HTML document in, page facts and link occurrences out, in one streaming pass.
 */
import { Parser } from 'htmlparser2';
import { parseContentType } from './content-type.js';
import { decodeBody } from './decode-body.js';
import { detectEncoding } from './detect-encoding.js';
import { detectLang } from './detect-lang.js';
import { normalizeLang } from './normalize-lang.js';
import { PageCollector } from './page-collector.js';
import type { PageExtract, PageInput } from './types.js';

/** Visible characters sampled for language detection when the page declares no language. */
const LANG_SAMPLE_CHARS = 2048;

/**
 * Extract links and page facts from one HTML document with htmlparser2's streaming parser (no
 * DOM). Never throws, whatever the bytes.
 *
 * - Encoding: BOM, else the Content-Type charset, else a `<meta>` charset in the first 4 KB,
 *   else UTF-8; labels resolve as in browsers (`iso-8859-1` decodes as windows-1252).
 * - Links, in document order, `url` normalised against the document URL or the first
 *   `<base href>` (from that element on): `<a href>` → `anchor`, or `image` when it holds an
 *   `<img>` (`alt` from the first one); `<area href>` → `anchor` with the area's `alt`;
 *   `<link href>` → `canonical` / `alternate` / `link` by its rel; `<meta http-equiv=refresh>`
 *   → `meta`. Empty, unparseable and non-http(s) hrefs are counted in `skippedLinks`.
 * - Anchor and alt text whitespace collapsed, at most 1,000 characters; `text_pre`/`text_post`
 *   (anchor and image links only) hold up to 80 characters of visible text on either side,
 *   never script, style, noscript, template or attribute text; `semantic_location` names the
 *   innermost enclosing element of `SEMANTIC_ELEMENTS`, else "".
 * - Language: `<html lang>`, else `contentLanguage`, else `<meta http-equiv=content-language>`,
 *   else detection from visible text; ISO 639-1, undefined when unsure.
 * - Signals (docs/captures-ndjson.md), every field set: hosts of `<script src>` / `<link href>`
 *   inside `<head>`; software from generator metas, resource URLs and forum link schemes
 *   (software-fingerprints.ts); schema.org types from `itemtype` and JSON-LD; contact evidence
 *   (`mailto:` / `tel:` hrefs, which are not links, an e-mail address in visible text, a link to
 *   a contact or about page of the same site); a `<link rel=icon>`; visible text length.
 * @example extractPage({ url: 'https://a.com/', body: new TextEncoder().encode('<a href=/x>X</a>') })
 *   // { encoding: 'utf-8', meta: {}, skippedLinks: 0, links: [{ url: 'https://a.com/x',
 *   //   item_type: 'anchor', anchor: 'X', rel: [], text_pre: '', text_post: '', semantic_location: '' }] }
 */
export function extractPage(doc: PageInput): PageExtract {
  const encoding = detectEncoding(doc.body, parseContentType(doc.contentType).charset);
  const html = decodeBody(doc.body, encoding);
  const hintLang = normalizeLang(doc.contentLanguage);
  const collector = new PageCollector(doc.url, hintLang === undefined ? LANG_SAMPLE_CHARS : 0);
  new Parser(collector, { decodeEntities: false }).end(html);
  const page = collector.result();
  const lang =
    normalizeLang(page.htmlLang) ??
    hintLang ??
    normalizeLang(page.metaLang) ??
    detectLang(page.sample);
  const result: PageExtract = {
    encoding: encoding.name,
    meta: page.meta,
    links: page.links,
    skippedLinks: page.skippedLinks,
    signals: page.signals,
  };
  if (page.title !== undefined) result.title = page.title;
  if (lang !== undefined) result.lang = lang;
  return result;
}
