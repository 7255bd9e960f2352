/**
 * Spam vocabulary for `poison_words`. Source: Moz's spam-score features "poison words in
 * content and in outbound anchor text" (spec/moz-and-peers.md §2.2); the words are the
 * categories search engines' spam policies name (pharmacy, gambling, adult, payday loans,
 * counterfeit goods, essay mills, link selling), as used in common comment-spam blocklists.
 * To extend: add a lower-case word or phrase; add it to `POISON_HOST_WORDS` too only when it is
 * long and distinctive enough not to occur inside ordinary host names ("sex" is in "essex").
 */

/** Words and phrases matched as whole words in the title and meta description. */
export const POISON_WORDS: readonly string[] = [
  'viagra',
  'cialis',
  'levitra',
  'tramadol',
  'xanax',
  'casino',
  'casinos',
  'poker',
  'roulette',
  'slots',
  'betting',
  'porn',
  'porno',
  'xxx',
  'sex',
  'escort',
  'escorts',
  'payday loan',
  'payday loans',
  'replica watches',
  'cheap jerseys',
  'buy backlinks',
  'buy followers',
  'essay writing service',
  'weight loss pills',
  'crypto giveaway',
];

/** Substrings matched anywhere in the host name (before the public suffix). */
export const POISON_HOST_WORDS: readonly string[] = [
  'viagra',
  'cialis',
  'levitra',
  'tramadol',
  'casino',
  'porn',
  'payday',
  'replica',
  'escort',
  'backlinks',
];
