/**
 * The visible-text stream of a document, whitespace collapsed as it arrives, and what links
 * need from it: the text just before a link (`text_pre`) and just after it (`text_post`).
 */
import type { LinkOccurrence } from '../../core/types.js';
import { clipEnd, clipStart, isSpaceCode } from './whitespace.js';

/** How many characters of context a link gets on each side. */
export const CONTEXT_CHARS = 80;

// One more than CONTEXT_CHARS: the stream may hold a space right at the cut.
const NEED = CONTEXT_CHARS + 1;
// The rolling tail for text_pre is cut back to KEEP characters once it grows past MAX; small,
// because every textBefore flattens it.
const PRE_KEEP = NEED + 1;
const PRE_MAX = 4 * NEED;
// Whitespace that is not a single plain space. Global: `write` scans with lastIndex.
const DIRTY = /[\t\n\v\f\r\u00a0]| {2}/g;

/**
 * Collapses visible text across text nodes (one space between words, none at the start) and
 * keeps only what links need: a rolling tail for `text_pre`, the text since the oldest link that
 * still waits for its `text_post`, and optionally a sample of the first characters for language
 * detection. Memory stays small whatever the page size.
 */
export class TextContext {
  #atSpace = true;
  #length = 0;
  #pre = '';
  #post = '';
  #postStart = 0;
  #waiting: Array<{ link: LinkOccurrence; at: number }> = [];
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
    const pre = this.#atSpace && this.#pre.length > 0 ? this.#pre.slice(0, -1) : this.#pre;
    const tail = clipStart(pre, CONTEXT_CHARS);
    return tail.length > 0 && tail.charCodeAt(0) === 32 ? tail.slice(1) : tail;
  }

  /** Fill `link.text_post` with the text that follows this point, once enough has arrived. */
  awaitTextAfter(link: LinkOccurrence): void {
    if (this.#waitingHead === this.#waiting.length) {
      this.#post = '';
      this.#postStart = this.#length;
    }
    this.#waiting.push({ link, at: this.#length });
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
    this.#post = '';
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
    this.#pre += piece;
    if (this.#pre.length > PRE_MAX) this.#pre = this.#pre.slice(-PRE_KEEP);
    if (this.#sample.length < this.#sampleMax) this.#sample += piece;
    if (this.#waitingHead === this.#waiting.length) return;
    this.#post += piece;
    while (this.#waitingHead < this.#waiting.length) {
      const next = this.#waiting[this.#waitingHead];
      if (next === undefined || this.#length - next.at < NEED) break;
      this.#resolveNext();
    }
    if (this.#waitingHead === this.#waiting.length) {
      this.#waiting = [];
      this.#waitingHead = 0;
      this.#post = '';
    } else if (this.#post.length > PRE_MAX) {
      const oldest = this.#waiting[this.#waitingHead]?.at ?? this.#length;
      this.#post = this.#post.slice(oldest - this.#postStart);
      this.#postStart = oldest;
    }
  }

  #resolveNext(): void {
    const next = this.#waiting[this.#waitingHead++];
    if (next === undefined) return;
    const from = next.at - this.#postStart;
    let text = this.#post.slice(from, from + NEED);
    if (text.charCodeAt(0) === 32) text = text.slice(1);
    text = clipEnd(text, CONTEXT_CHARS);
    if (text.charCodeAt(text.length - 1) === 32) text = text.slice(0, -1);
    next.link.text_post = text;
  }
}
