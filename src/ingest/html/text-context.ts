/**
 * The visible-text stream of a document, whitespace collapsed, and what links need from it: the
 * text just before a link (`text_pre`) and just after it (`text_post`).
 */
import type { LinkOccurrence } from '../../core/types.js';
import { clipEnd, clipStart, collapsedLength, isSpaceCode } from './whitespace.js';

/** How many characters of context a link gets on each side. */
export const CONTEXT_CHARS = 80;

// One more than CONTEXT_CHARS: the stream may hold a space right at the cut.
const NEED = CONTEXT_CHARS + 1;
// Texts longer than this are scanned only at the head and the tail (see `write`).
const LONG_TEXT = 256;
const HEAD_CHARS = 2 * NEED;
const TAIL_CHARS = 2 * NEED;
// Pieces are dropped from the front once there are this many (amortised O(1) per piece).
const COMPACT_AT = 512;
// Whitespace that is not a single plain space. Global: `write` scans with lastIndex.
const DIRTY = /[\t\n\v\f\r\u00a0]| {2}/g;

/**
 * Collapses visible text across text nodes (one space between words, none at the start) and
 * keeps only what links need: the latest pieces of the stream for `text_pre`, the pieces since
 * the oldest link that still waits for its `text_post`, and optionally a sample of the first
 * characters for language detection. Pieces are kept by reference and joined only when a link
 * asks, so emitting text costs an array push; memory stays small whatever the page size.
 */
export class TextContext {
  #atSpace = true;
  #length = 0;
  /** Visible characters so far, exact even where `write` skips the middle of a long text. */
  #chars = 0;
  #pieces: string[] = [];
  /** Links waiting for text_post, oldest first; `index` is their first piece in #pieces. */
  #waiting: Array<{ link: LinkOccurrence; at: number; index: number }> = [];
  #waitingHead = 0;
  #sample = '';
  #sampleMax: number;

  /** @param sampleChars how many leading characters to keep for {@link sample} (0 = none) */
  constructor(sampleChars = 0) {
    this.#sampleMax = sampleChars;
  }

  /** Append a raw text node; whitespace runs become one space. */
  write(text: string): void {
    const n = text.length;
    if (n <= LONG_TEXT || this.#sample.length < this.#sampleMax) {
      this.#collapse(text);
      return;
    }
    const chars = this.#chars;
    const atSpace = this.#atSpace;
    this.#writeLong(text);
    this.#chars = chars + collapsedLength(text, atSpace);
  }

  /** Visible text length so far, whitespace collapsed, without a trailing space. */
  visibleChars(): number {
    return this.#atSpace && this.#chars > 0 ? this.#chars - 1 : this.#chars;
  }

  #writeLong(text: string): void {
    // Of a long text only its head (for links waiting for text_post) and its tail (for the
    // next text_pre) can matter: the middle is never scanned.
    let rest = text;
    if (this.#waitingHead < this.#waiting.length) {
      this.#collapse(text.slice(0, HEAD_CHARS));
      rest = text.slice(HEAD_CHARS);
      if (this.#waitingHead < this.#waiting.length || rest.length <= LONG_TEXT) {
        this.#collapse(rest);
        return;
      }
    }
    // No compaction may run while the tail is tried, so that it can be undone.
    if (this.#pieces.length > COMPACT_AT / 2) this.#compact();
    const pieces = this.#pieces.length;
    const length = this.#length;
    const atSpace = this.#atSpace;
    this.space();
    const start = this.#length;
    this.#collapse(rest.slice(rest.length - TAIL_CHARS));
    if (this.#length - start > NEED) return;
    // Too much whitespace in the tail to fill text_pre: undo, and take the whole rest.
    this.#pieces.length = pieces;
    this.#length = length;
    this.#atSpace = atSpace;
    this.#collapse(rest);
  }

  #collapse(text: string): void {
    const n = text.length;
    let start = 0;
    // Leading whitespace (and whitespace-only nodes, common between tags) without the regex.
    while (start < n && isSpaceCode(text.charCodeAt(start))) start++;
    if (start > 0) {
      this.space();
      if (start === n) return;
    }
    // The regex engine finds whitespace that needs collapsing (fast, native); runs of words
    // with single spaces between them are emitted as slices without a per-character loop.
    DIRTY.lastIndex = start;
    while (DIRTY.test(text)) {
      // `test` allocates no match array; the match is one dirty char or two spaces.
      const end = DIRTY.lastIndex;
      const at = text.charCodeAt(end - 1) === 32 ? end - 2 : end - 1;
      let runStart = at;
      if (runStart > start && text.charCodeAt(runStart - 1) === 32) runStart--;
      let runEnd = at + 1;
      while (runEnd < n && isSpaceCode(text.charCodeAt(runEnd))) runEnd++;
      if (runStart > start) this.#words(text.slice(start, runStart));
      this.space();
      start = runEnd;
      DIRTY.lastIndex = runEnd;
    }
    if (start < n) this.#words(start === 0 ? text : text.slice(start));
  }

  /** A word boundary that is not in the text (block elements, `<br>`): acts as whitespace. */
  space(): void {
    if (this.#atSpace) return;
    this.#atSpace = true;
    this.#emit(' ');
  }

  /** Up to {@link CONTEXT_CHARS} characters of text before this point, trimmed. */
  textBefore(): string {
    const pieces = this.#pieces;
    let i = pieces.length;
    let total = 0;
    // One extra for a trailing space: the cut then still leaves CONTEXT_CHARS characters.
    while (i > 0 && total <= NEED) total += (pieces[--i] as string).length;
    let text = i === pieces.length - 1 ? (pieces[i] as string) : join(pieces, i, pieces.length);
    if (this.#atSpace && text.length > 0) text = text.slice(0, -1);
    text = clipStart(text, CONTEXT_CHARS);
    return text.charCodeAt(0) === 32 ? text.slice(1) : text;
  }

  /** Fill `link.text_post` with the text that follows this point, once enough has arrived. */
  awaitTextAfter(link: LinkOccurrence): void {
    this.#waiting.push({ link, at: this.#length, index: this.#pieces.length });
  }

  /** The first characters of visible text (see the constructor), for language detection. */
  sample(): string {
    return this.#sample;
  }

  /** Stop collecting the language sample (the language is already known). */
  dropSample(): void {
    this.#sampleMax = 0;
    this.#sample = '';
  }

  /** End of document: links still waiting get whatever text followed them. */
  finish(): void {
    while (this.#waitingHead < this.#waiting.length) this.#resolveNext();
    this.#waiting = [];
    this.#waitingHead = 0;
  }

  /** Text whose only whitespace is single spaces (maybe one at either end). */
  #words(segment: string): void {
    let words = segment;
    if (words.charCodeAt(0) === 32) {
      this.space();
      words = words.slice(1);
    }
    const trailing = words.length > 0 && words.charCodeAt(words.length - 1) === 32;
    if (trailing) words = words.slice(0, -1);
    if (words.length > 0) {
      this.#emit(words);
      this.#atSpace = false;
    }
    if (trailing) this.space();
  }

  #emit(piece: string): void {
    this.#length += piece.length;
    this.#chars += piece.length;
    this.#pieces.push(piece);
    const room = this.#sampleMax - this.#sample.length;
    if (room > 0) this.#sample += piece.length <= room ? piece : clipEnd(piece, room);
    if (this.#waitingHead < this.#waiting.length) {
      let next = this.#waiting[this.#waitingHead];
      while (next !== undefined && this.#length - next.at >= NEED) {
        this.#resolveNext();
        next = this.#waiting[this.#waitingHead];
      }
      if (next === undefined) {
        this.#waiting = [];
        this.#waitingHead = 0;
      }
    }
    if (this.#pieces.length >= COMPACT_AT) this.#compact();
  }

  #resolveNext(): void {
    const next = this.#waiting[this.#waitingHead++];
    if (next === undefined) return;
    const pieces = this.#pieces;
    let end = next.index;
    let total = 0;
    while (end < pieces.length && total < NEED) total += (pieces[end++] as string).length;
    let text = join(pieces, next.index, end);
    if (text.charCodeAt(0) === 32) text = text.slice(1);
    text = clipEnd(text, CONTEXT_CHARS);
    if (text.charCodeAt(text.length - 1) === 32) text = text.slice(0, -1);
    next.link.text_post = text;
  }

  /** Drop pieces that neither text_pre nor a waiting link can need any more. */
  #compact(): void {
    const pieces = this.#pieces;
    let keep = pieces.length;
    let total = 0;
    while (keep > 0 && total <= NEED) total += (pieces[--keep] as string).length;
    const oldest = this.#waiting[this.#waitingHead];
    if (oldest !== undefined && oldest.index < keep) keep = oldest.index;
    // Resolved links leave the queue here too, so it stays short on link-dense pages.
    this.#waiting = this.#waiting.slice(this.#waitingHead);
    this.#waitingHead = 0;
    if (keep === 0) return;
    this.#pieces = pieces.slice(keep);
    for (const waiting of this.#waiting) waiting.index -= keep;
  }
}

/** pieces[from..to) as one string. */
function join(pieces: readonly string[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += pieces[i] as string;
  return text;
}
