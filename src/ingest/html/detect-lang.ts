/**
 * Language detection from visible text, for pages that declare no language.
 */
import { eld } from 'eld/small';

/** Fewer characters than this are not enough evidence. */
const MIN_CHARS = 24;
/** Longer samples do not help much and cost time. */
const MAX_CHARS = 2048;

/** A clear lead over the runner-up also counts as sure (eld is strict with CJK text). */
const LEAD_RATIO = 1.5;

/**
 * The ISO 639-1 code of the language `text` is written in, using eld (Nito-ELD, ~60 languages,
 * "small" n-gram set), or undefined when the text is short, or eld neither calls its answer
 * reliable nor scores it 1.5 times the runner-up.
 * @example detectLang('Der schnelle braune Fuchs springt über den faulen Hund.') // 'de'
 */
export function detectLang(text: string): string | undefined {
  if (text.length < MIN_CHARS) return undefined;
  const result = eld.detect(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  if (result.language === '') return undefined;
  if (result.isReliable()) return result.language;
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [first = 0, second = 0] = scores;
  return first >= second * LEAD_RATIO ? result.language : undefined;
}
