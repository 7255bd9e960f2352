/**
 * Reading the target URL out of a `<meta http-equiv="refresh" content="…">` value.
 */
import { isSpaceCode } from './whitespace.js';

/**
 * The URL of a refresh declaration such as `5; url='/next'`, following the HTML standard's
 * "shared declarative refresh steps": a delay, then `;` or `,`, then an optional `url=` and
 * optional quotes. Returns the URL as written (not resolved), or undefined when the value is
 * malformed or only reloads the page.
 * @example parseMetaRefresh('0;URL="https://a.com/"') // 'https://a.com/'
 */
export function parseMetaRefresh(content: string): string | undefined {
  const s = content;
  const n = s.length;
  let i = skipSpaces(s, 0);
  const delayStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i === delayStart && s[i] !== '.') return undefined;
  while (i < n && (isDigit(s.charCodeAt(i)) || s[i] === '.')) i++;
  if (i < n) {
    const c = s[i];
    if (c !== ';' && c !== ',' && !isSpaceCode(s.charCodeAt(i))) return undefined;
  }
  i = skipSpaces(s, i);
  if (s[i] === ';' || s[i] === ',') i++;
  i = skipSpaces(s, i);
  if (i >= n) return undefined;
  let urlStart = i;
  if (s[i] === 'u' || s[i] === 'U') {
    // "url =" is optional; when the prefix breaks off, the whole rest is the URL.
    let j = i + 1;
    if (s[j] === 'r' || s[j] === 'R') {
      j++;
      if (s[j] === 'l' || s[j] === 'L') {
        j = skipSpaces(s, j + 1);
        if (s[j] === '=') urlStart = skipSpaces(s, j + 1);
      }
    }
  }
  const quote = s[urlStart];
  let url: string;
  if (quote === '"' || quote === "'") {
    const close = s.indexOf(quote, urlStart + 1);
    url = s.slice(urlStart + 1, close < 0 ? n : close);
  } else {
    url = s.slice(urlStart);
  }
  url = url.trim();
  return url === '' ? undefined : url;
}

function skipSpaces(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
