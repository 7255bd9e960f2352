/**
 * How long to wait before retry `n`: exponential backoff with jitter, at least what a
 * `Retry-After` header asked for (capped, so one host cannot stall a crawler slot for long).
 */

/** Longest `Retry-After` honoured, in ms. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Delay before retry number `retry` (1-based) in ms: base·2^(retry−1), of which the upper half
 * is random ("equal jitter"), then raised to `retryAfterMs` when the server gave one.
 * @example backoffDelay(1, 500, () => 0) // 250; backoffDelay(2, 500, () => 1) // 1000
 */
export function backoffDelay(
  retry: number,
  baseMs: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const full = baseMs * 2 ** (retry - 1);
  const delay = full / 2 + (random() * full) / 2;
  if (retryAfterMs === undefined) return Math.round(delay);
  return Math.round(Math.max(delay, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)));
}

/**
 * A `Retry-After` value (delta-seconds or an HTTP date) in ms from `nowMs`, or undefined when
 * absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
