/**
 * URL normalisation with the WHATWG parser: scheme and host lower-cased, IDN hosts in punycode,
 * default ports and fragments dropped, path and query kept exactly as the parser serialises
 * them. Only http(s) URLs are link targets.
 */

/** The outcome of normalising one URL string. */
export type NormalizeResult = { ok: true; url: string } | { ok: false; reason: string };

const MAX_URL_LENGTH = 4096;

/**
 * Normalise `raw`, resolving it against `base` when it is relative.
 * @example normalizeUrl('HTTP://Example.COM:80/a?b#c') // { ok: true, url: 'http://example.com/a?b' }
 */
export function normalizeUrl(raw: string, base?: string): NormalizeResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty URL' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, reason: 'URL too long' };
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return { ok: false, reason: 'unparseable URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `unsupported scheme ${parsed.protocol}` };
  }
  if (parsed.hostname === '') return { ok: false, reason: 'no host' };
  parsed.hash = '';
  // A bare "?" carries nothing; WHATWG keeps it, we drop it so `/a?` and `/a` are one page.
  const href = parsed.href;
  return { ok: true, url: href.endsWith('?') ? href.slice(0, -1) : href };
}
