import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles per retry with the upper half random', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 500, () => 0))).toEqual([250, 500, 1000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 500, () => 0.999999))).toEqual([500, 1000, 2000]);
  });

  it('waits at least what Retry-After asked, up to a cap', () => {
    expect(backoffDelay(1, 500, () => 0, 3000)).toBe(3000);
    expect(backoffDelay(1, 500, () => 0, 10)).toBe(250);
    expect(backoffDelay(1, 500, () => 0, 3_600_000)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('Fri, 04 Dec 2026 10:00:00 GMT');
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
