/**
 * One WAT JSON document (Common Crawl / ia-web-commons layout) → a capture, for documents that
 * describe a WARC `response` record.
 */
import type { Capture } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { normalizeWarcDate, unbracketUri } from '../warc/index.js';
import { headerAt, type JsonObject, objectAt, objectsAt, stringAt } from './json-access.js';
import { mapWatLinks } from './wat-links.js';
import { watSignals } from './wat-signals.js';

/** What one WAT document turns into. */
export type WatCaptureResult =
  | { kind: 'capture'; capture: Capture; invalidLinks: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; message: string };

/** Meta names kept in `Capture.meta` besides `og:*` and `twitter:*`. */
const META_NAMES = new Set(['description', 'keywords', 'generator', 'robots']);

/**
 * Read a parsed WAT document. `Envelope.WARC-Header-Metadata.WARC-Type` must be `response`;
 * other record types are skipped, as are non-http(s) target URIs.
 */
export function watToCapture(doc: unknown): WatCaptureResult {
  const envelope = objectAt(doc, 'Envelope');
  if (envelope === undefined) return { kind: 'error', message: 'WAT JSON without Envelope' };
  const warc = objectAt(envelope, 'WARC-Header-Metadata');
  const type = (stringAt(warc, 'WARC-Type') ?? '').toLowerCase();
  if (type !== 'response')
    return { kind: 'skipped', reason: `WAT of a ${type || 'untyped'} record` };
  const rawUri = stringAt(warc, 'WARC-Target-URI') ?? '';
  const url = normalizeUrl(unbracketUri(rawUri));
  if (!url.ok) {
    return {
      kind: 'skipped',
      reason: `response for ${JSON.stringify(rawUri.slice(0, 200))}: ${url.reason}`,
    };
  }
  const fetchedAt = normalizeWarcDate(stringAt(warc, 'WARC-Date') ?? '');
  if (fetchedAt === undefined)
    return { kind: 'error', message: `invalid WARC-Date in WAT of ${url.url}` };
  const http = objectAt(envelope, 'Payload-Metadata', 'HTTP-Response-Metadata');
  const status = Number(stringAt(objectAt(http, 'Response-Message'), 'Status'));
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return { kind: 'skipped', reason: `no HTTP status in WAT of ${url.url}` };
  }
  const headers = objectAt(http, 'Headers');
  const html = objectAt(http, 'HTML-Metadata');
  const head = objectAt(html, 'Head');
  const capture: Capture = { url: url.url, fetched_at: fetchedAt, status, links: [] };
  let invalidLinks = 0;

  const ip = stringAt(warc, 'WARC-IP-Address');
  if (ip) capture.ip = ip;
  const contentType = headerAt(headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType) capture.content_type = contentType;
  const size = Number(stringAt(http, 'Entity-Length'));
  if (stringAt(http, 'Entity-Length') !== undefined && Number.isSafeInteger(size) && size >= 0) {
    capture.size = size;
  }
  const location = headerAt(headers, 'Location');
  if (status >= 300 && status < 400 && location !== undefined) {
    const target = normalizeUrl(location, url.url);
    if (target.ok) {
      capture.redirect_location = target.url;
      capture.links.push({ url: target.url, item_type: 'redirect' });
    } else {
      invalidLinks++;
    }
  }
  const title = stringAt(head, 'Title')?.replace(/\s+/g, ' ').trim();
  if (title) capture.title = title;

  const metas = objectsAt(head, 'Metas');
  const lang = pageLang(metas, headerAt(headers, 'Content-Language'));
  if (lang !== undefined) capture.lang = lang;
  const base = baseUrl(stringAt(head, 'Base'), url.url);
  const mapped = mapWatLinks({
    base,
    headLinks: objectsAt(head, 'Link'),
    metas,
    links: objectsAt(html, 'Links'),
  });
  capture.links.push(...mapped.links);
  invalidLinks += mapped.invalid;

  const meta = pageMeta(metas, headers);
  const canonical = mapped.links.find((l) => l.item_type === 'canonical');
  if (canonical !== undefined) meta.canonical = canonical.url;
  if (Object.keys(meta).length > 0) capture.meta = meta;
  // As for WARC responses, only a 2xx HTML page is read for signals.
  if (html !== undefined && status >= 200 && status < 300) {
    capture.signals = watSignals({
      pageUrl: url.url,
      base,
      headLinks: objectsAt(head, 'Link'),
      headScripts: objectsAt(head, 'Scripts'),
      metas,
      links: objectsAt(html, 'Links'),
      mapped: mapped.links,
    });
  }
  return { kind: 'capture', capture, invalidLinks };
}

/** description, keywords, generator, robots, og:*, twitter:* (first wins) and X-Robots-Tag. */
function pageMeta(metas: JsonObject[], headers: JsonObject | undefined): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const entry of metas) {
    const key = (stringAt(entry, 'name') ?? stringAt(entry, 'property') ?? '').trim().toLowerCase();
    const content = stringAt(entry, 'content');
    if (content === undefined || key === '' || key in meta) continue;
    if (META_NAMES.has(key) || key.startsWith('og:') || key.startsWith('twitter:')) {
      meta[key] = content.replace(/\s+/g, ' ').trim();
    }
  }
  const robotsHeader = headerAt(headers, 'X-Robots-Tag');
  if (robotsHeader !== undefined) meta['x-robots-tag'] = robotsHeader.trim();
  return meta;
}

/** ISO 639-1 code from `<html lang>` (WAT meta `HTML@/lang`), meta content-language or header. */
function pageLang(metas: JsonObject[], header: string | undefined): string | undefined {
  const candidates: Array<string | undefined> = [];
  for (const entry of metas) {
    const name = (stringAt(entry, 'name') ?? '').toLowerCase();
    if (name === 'html@/lang' || name === 'html@/xml:lang')
      candidates.push(stringAt(entry, 'content'));
  }
  for (const entry of metas) {
    if ((stringAt(entry, 'http-equiv') ?? '').toLowerCase() === 'content-language') {
      candidates.push(stringAt(entry, 'content'));
    }
  }
  candidates.push(header);
  for (const raw of candidates) {
    const primary = raw?.split(/[-_,;\s]/)[0]?.toLowerCase();
    if (primary !== undefined && /^[a-z]{2}$/.test(primary)) return primary;
  }
  return undefined;
}

function baseUrl(base: string | undefined, pageUrl: string): string {
  if (base === undefined) return pageUrl;
  const resolved = normalizeUrl(base, pageUrl);
  return resolved.ok ? resolved.url : pageUrl;
}
