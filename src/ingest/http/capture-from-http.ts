/**
 * One HTTP response to one capture: response facts, the redirect of a 3xx, and for a 2xx HTML
 * page its title, language, encoding, metadata and links.
 */
import type { Capture, LinkOccurrence } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { extractPage, type PageExtract, parseContentType, sniffHtml } from '../html/index.js';
import type { HttpCaptureInput } from '../types.js';
import { readResponseHeaders } from './response-headers.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// Types that say nothing about the body: sniff it, as browsers do.
const UNKNOWN_TYPES = new Set(['application/unknown', 'unknown/unknown', '*/*']);

/**
 * Turn one HTTP response into a `Capture`. Never throws.
 *
 * - Always: url, fetched_at, status, ip, content_type (lower-case media type without
 *   parameters, from the last Content-Type header), size (body bytes), and `X-Robots-Tag`
 *   (all such headers joined, lower-cased) as meta['x-robots-tag'].
 * - 3xx with a `Location` that normalises (relative ones against the URL):
 *   `redirect_location` and exactly one link `{ url, item_type: 'redirect', anchor: '', rel: [] }`;
 *   the body is not parsed.
 * - 2xx whose Content-Type is text/html or application/xhtml+xml, or that has no (or an
 *   unknown) Content-Type and sniffs as HTML: `extractPage` supplies title, lang (with
 *   `Content-Language` as the hint), encoding, meta, signals and links.
 * - Anything else (4xx, 5xx, other types): no links, no title.
 */
export function captureFromHttp(input: HttpCaptureInput): Capture {
  const headers = readResponseHeaders(input.headers);
  const mediaType = parseContentType(headers.contentType).mediaType;
  let redirect: string | undefined;
  let page: PageExtract | undefined;
  if (input.status >= 300 && input.status < 400) {
    const target =
      headers.location === undefined ? undefined : normalizeUrl(headers.location, input.url);
    if (target?.ok === true) redirect = target.url;
  } else if (input.status >= 200 && input.status < 300 && isHtml(mediaType, input.body)) {
    page = extractPage({
      url: input.url,
      body: input.body,
      ...(headers.contentType === undefined ? {} : { contentType: headers.contentType }),
      ...(headers.contentLanguage === undefined
        ? {}
        : { contentLanguage: headers.contentLanguage }),
    });
  }
  const meta: Record<string, string> = {};
  if (headers.xRobotsTag !== undefined) meta['x-robots-tag'] = headers.xRobotsTag.toLowerCase();
  if (page !== undefined) Object.assign(meta, page.meta);
  const links: LinkOccurrence[] =
    redirect === undefined
      ? (page?.links ?? [])
      : [{ url: redirect, item_type: 'redirect', anchor: '', rel: [] }];
  // Fields in the order of the Capture interface, so serialised captures read the same.
  return {
    url: input.url,
    fetched_at: input.fetchedAt,
    status: input.status,
    ...(input.ip === undefined || input.ip === '' ? {} : { ip: input.ip }),
    ...(mediaType === undefined ? {} : { content_type: mediaType }),
    ...(redirect === undefined ? {} : { redirect_location: redirect }),
    ...(page?.title === undefined ? {} : { title: page.title }),
    ...(page?.lang === undefined ? {} : { lang: page.lang }),
    ...(page === undefined ? {} : { encoding: page.encoding }),
    size: input.body.byteLength,
    ...(Object.keys(meta).length === 0 ? {} : { meta }),
    ...(page === undefined ? {} : { signals: page.signals }),
    links,
  };
}

function isHtml(mediaType: string | undefined, body: Uint8Array): boolean {
  if (mediaType === undefined || UNKNOWN_TYPES.has(mediaType)) return sniffHtml(body);
  return HTML_TYPES.has(mediaType);
}
