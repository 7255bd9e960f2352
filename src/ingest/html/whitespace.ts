/**
 * Whitespace collapsing and surrogate-safe clipping for extracted text. Whitespace is HTML's
 * ASCII whitespace (space, tab, LF, FF, CR) plus vertical tab and NBSP, which pages use as
 * spacing and readers expect as a space.
 */

/** Whether a UTF-16 code unit is whitespace for text collapsing. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c <= 13 && c >= 9) || c === 160;
}

/**
 * Length of `text` with whitespace runs collapsed to one space, where `atSpace` says the text
 * before it ended with (or was) whitespace, so a leading run adds nothing.
 * @example collapsedLength('  a \n b ', true) // 4 ('a b ')
 */
export function collapsedLength(text: string, atSpace: boolean): number {
  let from = 0;
  if (atSpace) while (from < text.length && isSpaceCode(text.charCodeAt(from))) from++;
  // Every other run of whitespace counts one: runs of two or more shrink by all but one. The
  // regex engine scans the text natively; single spaces between words never match.
  let n = text.length - from;
  RUN.lastIndex = from;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) n -= m[0].length - 1;
  return n;
}

const RUN = /[\t\n\v\f\r \u00a0]{2,}/g;

/**
 * Collapse runs of whitespace to one space and trim both ends. Returns `s` itself (no
 * allocation) when it is already collapsed, which is the common case.
 * @example collapseWhitespace('  a \n\t b ') // 'a b'
 */
export function collapseWhitespace(s: string): string {
  const n = s.length;
  let clean = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 32) {
        clean = false;
        break;
      }
    } else if (isSpaceCode(c)) {
      clean = false;
      break;
    }
  }
  if (clean) return s;
  const parts: string[] = [];
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
    parts.push(s.slice(start, i));
  }
  return parts.join(' ');
}

/** The first `max` UTF-16 units of `s`, without splitting a surrogate pair. */
export function clipEnd(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** The last `max` UTF-16 units of `s`, without splitting a surrogate pair. */
export function clipStart(s: string, max: number): string {
  if (s.length <= max) return s;
  const first = s.charCodeAt(s.length - max);
  return s.slice(first >= 0xdc00 && first <= 0xdfff ? s.length - max + 1 : s.length - max);
}

/** Whitespace collapsed and clipped to `max`; "" for undefined. */
export function cleanText(value: string | undefined, max: number): string {
  return value === undefined ? '' : clipEnd(collapseWhitespace(value), max);
}

/**
 * Raw text gathered in parts (anchor text, a title) and collapsed once at the end. Keeps at
 * most 8 × `max` raw characters: enough for `max` collapsed ones short of pathological
 * whitespace, and bounded whatever the input.
 */
export class CappedText {
  #parts: string[] = [];
  #rawLength = 0;
  #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** Append raw text (a lone " " marks a word boundary). */
  add(text: string): void {
    if (this.#rawLength >= 8 * this.#max) return;
    this.#parts.push(text);
    this.#rawLength += text.length;
  }

  /** The text so far, whitespace collapsed, at most `max` characters. */
  value(): string {
    const raw = this.#parts.length === 1 ? (this.#parts[0] as string) : this.#parts.join('');
    return clipEnd(collapseWhitespace(raw), this.#max);
  }
}
