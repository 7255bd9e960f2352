import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows perMinute requests per key in any 60 s window', () => {
    let t = 1_000_000;
    const limiter = createRateLimiter(3, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    t += 59_999;
    expect(limiter.take('a')).toBe(false);
    t += 1;
    expect(limiter.take('a')).toBe(true);
  });

  it('does not count refused requests', () => {
    let t = 0;
    const limiter = createRateLimiter(1, () => t);
    expect(limiter.take('k')).toBe(true);
    t = 30_000;
    expect(limiter.take('k')).toBe(false);
    t = 60_000;
    expect(limiter.take('k')).toBe(true);
  });

  it('slides: a burst at a minute boundary cannot double the limit', () => {
    let t = 59_000;
    const limiter = createRateLimiter(2, () => t);
    expect(limiter.take('k')).toBe(true);
    expect(limiter.take('k')).toBe(true);
    t = 61_000;
    expect(limiter.take('k')).toBe(false);
  });
});
