/**
 * The key order of captures NDJSON (docs/captures-ndjson.md): export writes keys in this order
 * and omits absent ones, which is what makes export → ingest → export byte-identical.
 */
import type { LinkOccurrence, PageSignals } from './types.js';

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
  'signals',
  'links',
] as const;

/** Keys of `signals`, in the documented order. */
export const SIGNAL_KEYS = [
  'head_hosts',
  'software',
  'schema_types',
  'contact',
  'favicon',
  'text_chars',
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
    anchor: wellFormed(l.anchor),
    alt: wellFormed(l.alt),
    rel: l.rel,
    text_pre: wellFormed(l.text_pre),
    text_post: wellFormed(l.text_post),
    semantic_location: l.semantic_location,
  };
}

/** A lone surrogate (from a broken page) becomes U+FFFD: JSON readers refuse it. */
function wellFormed(s: string | undefined): string | undefined {
  return s === undefined ? s : (s as string & { toWellFormed(): string }).toWellFormed();
}

/**
 * A capture's links as a JSON array in the documented key order, text made well-formed
 * Unicode (lone surrogates replaced by U+FFFD).
 */
export function linksJson(links: readonly LinkOccurrence[]): string {
  return JSON.stringify(links.map(ordered));
}

/**
 * A capture's signals as a JSON object in the documented key order, absent keys omitted;
 * `undefined` when no field is set (the capture then carries no `signals`).
 */
export function signalsJson(signals: PageSignals | undefined): string | undefined {
  if (signals === undefined) return undefined;
  const parts: string[] = [];
  for (const key of SIGNAL_KEYS) {
    const v = signals[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${JSON.stringify(v)}`);
  }
  return parts.length === 0 ? undefined : `{${parts.join(',')}}`;
}
