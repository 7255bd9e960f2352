/**
 * Recognising an HTML body without a Content-Type, per the WHATWG MIME Sniffing Standard
 * ("identifying a resource with an unknown MIME type", the HTML rows).
 */

// Each pattern must be followed by a space or `>` (the standard's tag-terminating byte).
const PATTERNS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
];

const SNIFF_BYTES = 1445;

/**
 * Whether `body` starts (after a UTF-8 BOM and whitespace) like an HTML document.
 * @example sniffHtml(new TextEncoder().encode('\n<!DOCTYPE html><p>x')) // true
 */
export function sniffHtml(body: Uint8Array): boolean {
  const end = Math.min(body.length, SNIFF_BYTES);
  let i = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (i < end && isWhitespaceByte(body[i] ?? 0)) i++;
  if (body[i] !== 0x3c) return false;
  for (const pattern of PATTERNS) {
    const after = i + pattern.length;
    if (after >= end) continue;
    let match = true;
    for (let k = 1; k < pattern.length; k++) {
      const b = body[i + k] ?? 0;
      const lower = b >= 0x41 && b <= 0x5a ? b | 0x20 : b;
      if (lower !== pattern.charCodeAt(k)) {
        match = false;
        break;
      }
    }
    if (match && (body[after] === 0x20 || body[after] === 0x3e)) return true;
  }
  return false;
}

function isWhitespaceByte(b: number): boolean {
  return b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
}
