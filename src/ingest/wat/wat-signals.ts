/**
 * The signals a WAT record's `HTML-Metadata` can give (docs/captures-ndjson.md): hosts of
 * `Head.Scripts` and `Head.Link` URLs, a favicon link, software from generator metas and resource
 * paths, contact evidence from `mailto:` / `tel:` links and links to contact pages. WAT carries no
 * page text and no JSON-LD, so `text_chars` and `schema_types` stay unset.
 */
import type { LinkOccurrence, PageSignals } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { isIconRel, SignalCollector } from '../html/index.js';
import { type JsonObject, stringAt } from './json-access.js';
import { relTokens } from './wat-links.js';

/** What of one WAT record the signals are read from. */
export interface WatSignalSources {
  /** Normalised page URL. */
  pageUrl: string;
  /** `Head.Base` resolved against the page, or the page URL. */
  base: string;
  headLinks: JsonObject[];
  headScripts: JsonObject[];
  metas: JsonObject[];
  /** `HTML-Metadata.Links` entries. */
  links: JsonObject[];
  /** The record's link occurrences, already resolved. */
  mapped: readonly LinkOccurrence[];
}

// Body entries whose URL is a resource the page loads.
const RESOURCE_PATHS = new Set(['IMG@/SRC', 'SCRIPT@/SRC', 'LINK@/HREF']);

/** The signals of one WAT record that has `HTML-Metadata`. */
export function watSignals(s: WatSignalSources): PageSignals {
  const signals = new SignalCollector(s.pageUrl);
  for (const meta of s.metas) {
    if ((stringAt(meta, 'name') ?? '').trim().toLowerCase() !== 'generator') continue;
    const content = stringAt(meta, 'content');
    if (content !== undefined) signals.generator(content);
  }
  for (const entry of [...s.headLinks, ...s.headScripts]) {
    const raw = stringAt(entry, 'url') ?? stringAt(entry, 'href');
    if (raw === undefined) continue;
    if (isIconRel(relTokens(stringAt(entry, 'rel'))) && raw.trim() !== '') signals.icon();
    signals.resource(raw);
    const url = normalizeUrl(raw, s.base);
    if (url.ok) signals.headResource(url.url);
  }
  for (const entry of s.links) {
    const path = (stringAt(entry, 'path') ?? '').toUpperCase();
    const raw = stringAt(entry, 'url') ?? stringAt(entry, 'href');
    if (raw === undefined) continue;
    if (path === 'A@/HREF' || path === 'AREA@/HREF') signals.contactHref(raw);
    else if (RESOURCE_PATHS.has(path)) {
      signals.resource(raw);
      if (path === 'LINK@/HREF' && isIconRel(relTokens(stringAt(entry, 'rel')))) signals.icon();
    }
  }
  for (const l of s.mapped) {
    if (l.item_type === 'anchor' || l.item_type === 'image') signals.link(l.url, l.anchor ?? '');
  }
  return signals.result({ schemaTypes: false });
}
