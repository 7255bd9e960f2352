/**
 * Timestamps as the index stores and prints them: ISO 8601 UTC with second precision.
 */

/** `2024-05-17T23:31:22Z` for a date; fractions of a second are dropped. */
export function toIsoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Parse a timestamp in any form `Date` understands that names its zone (or a plain date, read
 * as UTC) and return it in ISO seconds; undefined when it is not a valid time.
 */
export function parseTimestamp(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '' || s.length > 64) return undefined;
  // "2019-11-15 12:57:46 +00:00" (DataForSEO's form) is not ISO; make it so.
  const m =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  let candidate = s;
  if (m) candidate = `${m[1]}T${m[2]}${m[3] ?? 'Z'}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) candidate = `${s}T00:00:00Z`;
  const t = Date.parse(candidate);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  const year = d.getUTCFullYear();
  if (year < 1990 || year > 9999) return undefined;
  return toIsoSeconds(d);
}
