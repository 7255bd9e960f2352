/**
 * Value conventions shared by the engine: rank scaling and the DataForSEO time format.
 */
import type { RankScale } from '../core/query/intersect-query.js';

/**
 * A stored 0–1000 rank in the query's scale: `one_hundred` → `round(sin(r / 636.62) × 100)`.
 * Null stays null.
 */
export function scaleRankValue(raw: number | null, scale: RankScale): number | null {
  if (raw === null) return null;
  return scale === 'one_hundred' ? Math.round(Math.sin(raw / 636.62) * 100) : raw;
}

/** `YYYY-MM-DD hh:mm:ss +00:00` for seconds since the epoch (UTC). */
export function formatSeconds(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +00:00`;
}
