/**
 * Phrases of running text, drawn from fixed per-language pools: one draw per phrase instead of
 * one per word keeps text generation off the profile. Pools are built once, deterministically.
 */
import { hashString, Rng } from './prng.js';
import { LANGUAGES, type Lang, separatorOf, WORDS } from './words.js';

const POOL_SIZE = 1024;
const MAX_WORDS = 16;
const pools: Array<readonly string[] | undefined> = [];
const langIndex = new Map<Lang, number>(LANGUAGES.map((l, i) => [l, i]));

function buildPool(lang: Lang, min: number, max: number, cap: boolean): string[] {
  const r = new Rng(hashString(`${lang}:${min}:${max}`));
  const words = WORDS[lang];
  const sep = separatorOf(lang);
  const out: string[] = [];
  for (let i = 0; i < POOL_SIZE; i++) {
    let s = words[r.int(words.length)] as string;
    for (let n = r.range(min, max) - 1; n > 0; n--)
      s += sep + (words[r.int(words.length)] as string);
    out.push(cap ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  }
  return out;
}

/**
 * A phrase of `min`..`max` words (both below 16) of `lang`, capitalised when `cap`.
 * @example phrase(rng, 'de', 2, 5) // "Garten Reise Stadt"
 */
export function phrase(r: Rng, lang: Lang, min: number, max: number, cap = false): string {
  const key =
    (((langIndex.get(lang) ?? 0) * MAX_WORDS + min) * MAX_WORDS + max) * 2 + (cap ? 1 : 0);
  let pool = pools[key];
  if (pool === undefined) {
    pool = buildPool(lang, min, max, cap);
    pools[key] = pool;
  }
  return pool[r.nextU32() & (POOL_SIZE - 1)] as string;
}
