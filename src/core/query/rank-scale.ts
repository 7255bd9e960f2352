/**
 * DataForSEO's `rank_scale`: ranks are stored on 0–1000 and shown on 0–100 on request.
 */
import type { RankScale } from './intersect-query.js';

/** The divisor of DataForSEO's one_hundred formula (1000 / (π/2), rounded). */
const ONE_HUNDRED_DIVISOR = 636.62;

/**
 * A stored 0–1000 rank in the requested scale: `one_thousand` leaves it as is, `one_hundred`
 * gives `round(sin(r / 636.62) * 100)`. null (no rank) stays null.
 * @example scaleRank(694, 'one_hundred') // 89
 */
export function scaleRank(raw: number | null, scale: RankScale): number | null {
  if (raw === null || scale === 'one_thousand') return raw;
  return Math.round(Math.sin(raw / ONE_HUNDRED_DIVISOR) * 100);
}
