/**
 * The spam signals a page score is the sum of (DataForSEO's published weights where known,
 * spec/dataforseo.md §12; Moz's spam features otherwise, spec/moz-and-peers.md §2.2–§2.3).
 * A page stores the signals that fired as a bit mask (`1 << bit`); bits are part of the index
 * format and never change meaning: add new signals with new bits.
 */

/** One signal: its stable code and bit, its weight in score points, and what it means. */
export interface SpamSignal {
  code: string;
  bit: number;
  weight: number;
  description: string;
}

/** Every signal, by bit. */
export const SPAM_SIGNALS: readonly SpamSignal[] = [
  {
    code: 'domain_length',
    bit: 0,
    weight: 10,
    description:
      'domain name (before the public suffix) shorter than 4 or longer than 20 characters',
  },
  {
    code: 'domain_digits',
    bit: 1,
    weight: 15,
    description: 'two or more digits in the domain name',
  },
  {
    code: 'subdomain_digits',
    bit: 2,
    weight: 20,
    description: 'two or more digits in the subdomain',
  },
  { code: 'spammy_tld', bit: 3, weight: 20, description: 'TLD frequent among spam domains' },
  {
    code: 'no_trusted_head_sources',
    bit: 4,
    weight: 20,
    description:
      'no <script> or <link> in <head> from a trusted source (Google, Bing, Facebook, X)',
  },
  {
    code: 'trusted_google',
    bit: 5,
    weight: -5,
    description: '<head> loads a resource from Google',
  },
  { code: 'trusted_bing', bit: 6, weight: -5, description: '<head> loads a resource from Bing' },
  {
    code: 'trusted_facebook',
    bit: 7,
    weight: -5,
    description: '<head> loads a resource from Facebook',
  },
  {
    code: 'trusted_twitter',
    bit: 8,
    weight: -5,
    description: '<head> loads a resource from X (Twitter)',
  },
  {
    code: 'social_meta_tags',
    bit: 9,
    weight: -15,
    description: 'OpenGraph or Twitter card meta tags',
  },
  {
    code: 'contact_info',
    bit: 10,
    weight: -20,
    description: 'contact information (email, phone or a contact page link)',
  },
  {
    code: 'foreign_canonical',
    bit: 11,
    weight: 20,
    description: 'rel=canonical points to another site',
  },
  { code: 'plain_http', bit: 12, weight: 30, description: 'served over plain HTTP' },
  {
    code: 'title_bad',
    bit: 13,
    weight: 5,
    description: 'title missing or outside 30–65 characters',
  },
  { code: 'title_good', bit: 14, weight: -5, description: 'title of 30–65 characters' },
  {
    code: 'description_bad',
    bit: 15,
    weight: 5,
    description: 'meta description missing or outside 40–200 characters',
  },
  {
    code: 'description_good',
    bit: 16,
    weight: -5,
    description: 'meta description of 40–200 characters',
  },
  {
    code: 'external_link_ratio',
    bit: 17,
    weight: 10,
    description: 'more external than internal links (at least 10 external)',
  },
  {
    code: 'domain_hyphens',
    bit: 18,
    weight: 10,
    description: 'two or more hyphens in the domain name',
  },
  {
    code: 'consonant_run',
    bit: 19,
    weight: 5,
    description: 'five or more consonants in a row in the domain name',
  },
  {
    code: 'thin_content',
    bit: 20,
    weight: 10,
    description: 'less than 250 characters of visible text',
  },
  { code: 'no_favicon', bit: 21, weight: 5, description: 'no favicon declared' },
  { code: 'meta_keywords', bit: 22, weight: 5, description: 'meta keywords present' },
  {
    code: 'many_external_links',
    bit: 23,
    weight: 10,
    description: 'more than 100 external links',
  },
  {
    code: 'poison_words',
    bit: 24,
    weight: 15,
    description: 'spam vocabulary in the title, description or host name',
  },
];

/** The signals of a bit mask, in bit order. */
export function signalsOf(mask: number): SpamSignal[] {
  return SPAM_SIGNALS.filter((s) => (mask & (1 << s.bit)) !== 0);
}
