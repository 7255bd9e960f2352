/**
 * @module Page spam scores: the signal catalogue (stable bits) and the pure page scorer.
 */

export { POISON_HOST_WORDS, POISON_WORDS } from './poison-words.js';
export type { SpamInput, SpamScore } from './score-page.js';
export { SPAM_THRESHOLDS, scorePage } from './score-page.js';
export type { SpamSignal } from './signals.js';
export { SPAM_SIGNALS, signalsOf } from './signals.js';
export { SPAMMY_TLDS } from './spammy-tlds.js';
export type { TrustedVendor } from './trusted-head-hosts.js';
export { TRUSTED_VENDORS } from './trusted-head-hosts.js';
