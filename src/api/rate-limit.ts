/**
 * Per-key request rate limit: at most `perMinute` requests in any window of 60 s per key
 * (a sliding log of request times, so a burst at a minute boundary cannot double the limit).
 */

/** The rate limiter seam. */
export interface RateLimiter {
  /** Record a request for `key`; false when it is over the limit (then it is not counted). */
  take(key: string): boolean;
}

/** A sliding-window limiter; `now` in milliseconds (injectable for tests). */
export function createRateLimiter(
  perMinute: number,
  now: () => number = () => Date.now(),
): RateLimiter {
  const windows = new Map<string, number[]>();
  let calls = 0;
  return {
    take(key) {
      const t = now();
      const log = windows.get(key) ?? [];
      while (log.length > 0 && (log[0] ?? 0) <= t - 60_000) log.shift();
      if (++calls % 1024 === 0) sweep(windows, t);
      if (log.length >= perMinute) {
        windows.set(key, log);
        return false;
      }
      log.push(t);
      windows.set(key, log);
      return true;
    },
  };
}

/** Forget keys that made no request in the last minute. */
function sweep(windows: Map<string, number[]>, t: number): void {
  for (const [key, log] of windows) {
    const last = log[log.length - 1];
    if (last === undefined || last <= t - 60_000) windows.delete(key);
  }
}
