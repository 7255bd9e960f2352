/**
 * A simplified version of the HTML standard's "prescan a byte stream to determine its encoding":
 * walks the first bytes of a document, skipping comments and other tags, and returns the label of
 * the first `<meta charset>` or `<meta http-equiv=content-type content="…charset=…">` that names
 * an encoding we can decode.
 */
import { type EncodingName, resolveEncodingLabel, UTF8 } from './encoding-labels.js';

/** How many leading bytes the prescan reads (the standard says 1,024; real pages need more). */
export const PRESCAN_BYTES = 4096;

/**
 * The encoding declared by a `<meta>` in the first {@link PRESCAN_BYTES} bytes, or undefined.
 * A declared UTF-16 means UTF-8: a document that could be read as ASCII to find the
 * declaration is not UTF-16, whatever it says.
 */
export function prescanCharset(body: Uint8Array): EncodingName | undefined {
  const end = Math.min(body.length, PRESCAN_BYTES);
  // latin1 maps each byte to one char, so indices match and ASCII compares work.
  const s = Buffer.from(body.buffer, body.byteOffset, end).toString('latin1');
  let i = s.indexOf('<');
  while (i >= 0 && i < s.length - 1) {
    if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4);
      if (close < 0) return undefined;
      i = s.indexOf('<', close + 3);
      continue;
    }
    const next = s.charCodeAt(i + 1) | 0x20;
    if (next === 109 /* m */ && isMetaStart(s, i)) {
      const found = readMeta(s, i + 5);
      if (found.encoding !== undefined) {
        return found.encoding.name.startsWith('utf-16') ? UTF8 : found.encoding;
      }
      i = s.indexOf('<', found.end);
      continue;
    }
    if (next >= 97 && next <= 122) {
      i = s.indexOf('<', skipAttributes(s, i + 2));
    } else if (next === 47 /* / */ || next === 33 /* ! */ || next === 63 /* ? */) {
      const close = s.indexOf('>', i + 2);
      if (close < 0) return undefined;
      i = s.indexOf('<', close + 1);
    } else {
      i = s.indexOf('<', i + 1);
    }
  }
  return undefined;
}

function isMetaStart(s: string, i: number): boolean {
  if (s.slice(i + 1, i + 5).toLowerCase() !== 'meta') return false;
  const after = s.charCodeAt(i + 5);
  return isSpace(after) || after === 47;
}

function readMeta(s: string, from: number): { encoding?: EncodingName; end: number } {
  let i = from;
  let charset: string | undefined;
  let content: string | undefined;
  let httpEquivContentType = false;
  for (;;) {
    const attr = readAttribute(s, i);
    if (attr === undefined) break;
    i = attr.end;
    if (attr.name === 'charset' && charset === undefined) charset = attr.value;
    else if (attr.name === 'content' && content === undefined) content = attr.value;
    else if (attr.name === 'http-equiv') {
      httpEquivContentType ||= attr.value.trim().toLowerCase() === 'content-type';
    }
  }
  const end = i;
  let label = charset;
  if (label === undefined && httpEquivContentType && content !== undefined) {
    label = charsetFromContent(content);
  }
  const encoding = label === undefined ? undefined : resolveEncodingLabel(label);
  return encoding === undefined ? { end } : { encoding, end };
}

function skipAttributes(s: string, from: number): number {
  let i = from;
  while (i < s.length && !isSpace(s.charCodeAt(i)) && s[i] !== '>') i++;
  for (;;) {
    const attr = readAttribute(s, i);
    if (attr === undefined) return i;
    i = attr.end;
  }
}

/** The standard's "get an attribute"; undefined at `>` or the end of input. */
function readAttribute(
  s: string,
  from: number,
): { name: string; value: string; end: number } | undefined {
  let i = from;
  while (i < s.length && (isSpace(s.charCodeAt(i)) || s[i] === '/')) i++;
  if (i >= s.length || s[i] === '>') return undefined;
  const nameStart = i;
  i++;
  while (
    i < s.length &&
    s[i] !== '=' &&
    s[i] !== '>' &&
    s[i] !== '/' &&
    !isSpace(s.charCodeAt(i))
  ) {
    i++;
  }
  const name = s.slice(nameStart, i).toLowerCase();
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (s[i] !== '=') return { name, value: '', end: i };
  i++;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  const quote = s[i];
  if (quote === '"' || quote === "'") {
    const close = s.indexOf(quote, i + 1);
    const end = close < 0 ? s.length : close;
    return { name, value: s.slice(i + 1, end), end: end + 1 };
  }
  const valueStart = i;
  while (i < s.length && s[i] !== '>' && !isSpace(s.charCodeAt(i))) i++;
  return { name, value: s.slice(valueStart, i), end: i };
}

/** The standard's "extract a character encoding from a meta element". */
export function charsetFromContent(content: string): string | undefined {
  const lower = content.toLowerCase();
  let i = lower.indexOf('charset');
  while (i >= 0) {
    let j = i + 7;
    while (j < lower.length && isSpace(lower.charCodeAt(j))) j++;
    if (lower[j] !== '=') {
      i = lower.indexOf('charset', i + 7);
      continue;
    }
    j++;
    while (j < lower.length && isSpace(lower.charCodeAt(j))) j++;
    const quote = lower[j];
    if (quote === '"' || quote === "'") {
      const close = lower.indexOf(quote, j + 1);
      return close < 0 ? undefined : content.slice(j + 1, close);
    }
    let k = j;
    while (k < lower.length && lower[k] !== ';' && !isSpace(lower.charCodeAt(k))) k++;
    return k === j ? undefined : content.slice(j, k);
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
