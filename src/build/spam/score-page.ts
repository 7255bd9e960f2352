/**
 * The page spam score: the clamped sum of the weights of the signals that fired
 * (docs/spam-score.md). A signal fires only on evidence: a capture that does not tell text
 * length, favicon or head resources (a WAT record, a CSV import) never fires the signals about
 * them.
 */

import type { PageSignals } from '../../core/types.js';
import { hostFacts, hostOf } from '../../core/url/registrable-domain.js';
import { countDigits, hostParts, longestConsonantRun } from './name-shape.js';
import { POISON_HOST_WORDS, POISON_WORDS } from './poison-words.js';
import { SPAM_SIGNALS } from './signals.js';
import { SPAMMY_TLDS } from './spammy-tlds.js';
import { TRUSTED_VENDORS } from './trusted-head-hosts.js';

/** What a page score is computed from (one page's latest HTML capture). */
export interface SpamInput {
  /** Normalised absolute URL. */
  url: string;
  title?: string | null;
  /** Page meta: description, keywords, canonical, og:*, twitter:* … */
  meta?: Readonly<Record<string, string>> | null;
  signals?: PageSignals | null;
  /** Anchor and image links to the page's own registrable domain. */
  internalLinks: number;
  /** Anchor and image links to other registrable domains. */
  externalLinks: number;
}

/** A page score: 0–100 and the bit mask of the signals that fired (`signalsOf`). */
export interface SpamScore {
  score: number;
  mask: number;
}

/** Thresholds of the signals, in one place (docs/spam-score.md quotes them). */
export const SPAM_THRESHOLDS = {
  domainLabelMin: 4,
  domainLabelMax: 20,
  minDigits: 2,
  minHyphens: 2,
  consonantRun: 5,
  titleMin: 30,
  titleMax: 65,
  descriptionMin: 40,
  descriptionMax: 200,
  ratioMinExternal: 10,
  manyExternal: 100,
  thinText: 250,
} as const;

const T = SPAM_THRESHOLDS;
const WEIGHTS = new Map(SPAM_SIGNALS.map((s) => [s.code, s]));
const POISON_RE = new RegExp(
  `(^|[^\\p{L}\\p{N}])(${POISON_WORDS.map(escapeRe).join('|')})($|[^\\p{L}\\p{N}])`,
  'iu',
);

/** Score one page. Pure; the same input always gives the same score. */
export function scorePage(input: SpamInput): SpamScore {
  const fired: string[] = [];
  const host = hostOf(input.url);
  const meta = input.meta ?? {};
  const signals = input.signals ?? {};
  const parts = hostParts(host);

  if (!parts.isIp && !parts.isIdn) {
    const len = parts.label.length;
    if (len < T.domainLabelMin || len > T.domainLabelMax) fired.push('domain_length');
    if (countDigits(parts.label) >= T.minDigits) fired.push('domain_digits');
    if (parts.label.split('-').length - 1 >= T.minHyphens) fired.push('domain_hyphens');
    if (longestConsonantRun(parts.label) >= T.consonantRun) fired.push('consonant_run');
  }
  if (countDigits(parts.subdomain) >= T.minDigits) fired.push('subdomain_digits');
  if (SPAMMY_TLDS.has(parts.tld)) fired.push('spammy_tld');

  if (signals.head_hosts !== undefined) {
    const trusted = TRUSTED_VENDORS.filter((v) =>
      signals.head_hosts?.some((h) => v.hosts.some((t) => h === t || h.endsWith(`.${t}`))),
    );
    if (trusted.length === 0) fired.push('no_trusted_head_sources');
    for (const v of trusted) fired.push(v.signal);
  }
  if (Object.keys(meta).some((k) => k.startsWith('og:') || k.startsWith('twitter:'))) {
    fired.push('social_meta_tags');
  }
  if ((signals.contact?.length ?? 0) > 0) fired.push('contact_info');
  const canonical = meta.canonical;
  if (canonical !== undefined && canonical !== '') {
    // Another site, not another spelling of this one (www., a sibling subdomain).
    const canonicalHost = hostOf(canonical);
    if (canonicalHost !== '' && hostFacts(canonicalHost).domain !== hostFacts(host).domain) {
      fired.push('foreign_canonical');
    }
  }
  if (input.url.startsWith('http:')) fired.push('plain_http');

  const title = (input.title ?? '').trim();
  fired.push(inRange(title.length, T.titleMin, T.titleMax) ? 'title_good' : 'title_bad');
  const description = (meta.description ?? '').trim();
  fired.push(
    inRange(description.length, T.descriptionMin, T.descriptionMax)
      ? 'description_good'
      : 'description_bad',
  );
  if ((meta.keywords ?? '').trim() !== '') fired.push('meta_keywords');

  const { internalLinks, externalLinks } = input;
  if (externalLinks >= T.ratioMinExternal && externalLinks > internalLinks) {
    fired.push('external_link_ratio');
  }
  if (externalLinks > T.manyExternal) fired.push('many_external_links');
  if (signals.text_chars !== undefined && signals.text_chars < T.thinText) {
    fired.push('thin_content');
  }
  if (signals.favicon === false) fired.push('no_favicon');
  if (
    POISON_RE.test(title) ||
    POISON_RE.test(description) ||
    POISON_HOST_WORDS.some((w) => parts.label.includes(w) || parts.subdomain.includes(w))
  ) {
    fired.push('poison_words');
  }

  let sum = 0;
  let mask = 0;
  for (const code of fired) {
    const s = WEIGHTS.get(code);
    if (s === undefined) continue;
    sum += s.weight;
    mask |= 1 << s.bit;
  }
  return { score: Math.max(0, Math.min(100, sum)), mask };
}

function inRange(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
