/**
 * Minimal HTML escaping for generated documents: text content and double-quoted attributes.
 */

/** Escape text content (`&`, `<`, `>`). */
export function escapeText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escape a double-quoted attribute value (`&`, `"`, `<`, `>`). */
export function escapeAttr(s: string): string {
  if (!/[&"<>]/.test(s)) return s;
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}
