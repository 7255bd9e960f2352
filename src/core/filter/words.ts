/**
 * Words as the `match` / `not_match` operators see them.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a string: maximal runs of Unicode letters and digits, lower-cased. */
export function wordsOf(s: string): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase());
}
