/**
 * Top-level domains frequent among spam and abuse domains. A page's TLD (the last label of its
 * public suffix) on this list fires `spammy_tld`.
 *
 * Sources: DataForSEO's spam score announcement names `.surf`, `.cn`, `.biz`
 * (spec/moz-and-peers.md §2.3); the rest are the TLDs that recur in Spamhaus's "most abused
 * TLDs" statistics (spamhaus.org/statistics/tlds) and Interisle's Cybercrime Supply Chain
 * reports (2022–2024): the former free Freenom TLDs and the cheap new gTLDs.
 * To extend: add the TLD in lower case, without the dot, with the report that lists it.
 */
export const SPAMMY_TLDS: ReadonlySet<string> = new Set([
  // DataForSEO's examples.
  'surf',
  'cn',
  'biz',
  // Freenom's free TLDs (Spamhaus, Interisle 2022–2023).
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  // Cheap new gTLDs in Spamhaus's most-abused lists.
  'top',
  'xyz',
  'icu',
  'buzz',
  'monster',
  'cyou',
  'sbs',
  'cfd',
  'rest',
  'quest',
  'bond',
  'work',
  'click',
  'link',
  'loan',
  'men',
  'date',
  'download',
  'racing',
  'win',
  'bid',
  'stream',
  'review',
  'trade',
  'party',
  'science',
  'accountant',
  'cricket',
  'faith',
  'gdn',
  'kim',
  'country',
  'zip',
  'mov',
]);
