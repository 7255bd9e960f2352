/**
 * JSON from clients, bounded in nesting. `JSON.parse` builds any depth, but everything that
 * walks the value afterwards (validation, echoing it back, `JSON.stringify`) recurses: a body of
 * 100,000 nested arrays would overflow the stack there. No request of any front needs more
 * than a few levels, so deeper text is refused before it is parsed.
 */

/** Nesting of arrays and objects allowed in a request body. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON `text` opens more than `limit` arrays or objects at once (strings skipped). */
export function jsonNestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Parsed JSON, or why not: not JSON, or nested deeper than `limit`. */
export type BoundedJson =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'invalid' | 'too_deep'; message: string };

/** Parse client JSON, refusing nesting deeper than `limit` (default `MAX_JSON_DEPTH`). */
export function parseBoundedJson(text: string, limit = MAX_JSON_DEPTH): BoundedJson {
  if (jsonNestsDeeper(text, limit)) {
    return {
      ok: false,
      reason: 'too_deep',
      message: `JSON nested deeper than ${limit} levels`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'invalid', message: 'not valid JSON' };
  }
}
