/**
 * Seeded, portable randomness for the synthetic web: a murmur3-style integer hash to derive
 * independent streams (site s, page j, snapshot k …) from the seed, and a mulberry32 generator.
 * Never Math.random: every byte the generator writes must follow from the seed.
 */

function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = h ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

/**
 * Hash of up to five 32-bit integers to one unsigned 32-bit integer (murmur3 body + finaliser).
 * Different argument tuples give independent-looking values; use a distinct tag per purpose.
 * @example hash32(seed, TAG_PAGE, site, page)
 */
export function hash32(a: number, b = 0, c = 0, d = 0, e = 0): number {
  let h = mix(mix(mix(mix(mix(0x2545f491, a), b), c), d), e);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a string (FNV-1a, 32 bit), for turning names into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32: a tiny, fast 32-bit generator. Good enough for synthetic data (not for crypto).
 * Stateful, so a class; create one per independent stream with `new Rng(hash32(...))`.
 */
export class Rng {
  // A plain field, not #private: this is the generator's hottest path and V8 reads it faster.
  private s: number;

  constructor(seed: number) {
    this.s = seed | 0;
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const s = (this.s + 0x6d2b79f5) | 0;
    this.s = s;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n); 0 when n <= 0. */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /**
   * A heavy-tailed integer >= min: a discrete Pareto draw with tail exponent `alpha`, capped at
   * `max`. Smaller alpha means a heavier tail (alpha 1.2: a few huge values, most near min).
   */
  pareto(min: number, alpha: number, max: number): number {
    const u = 1 - this.next();
    return Math.min(max, Math.floor(min * u ** (-1 / alpha)));
  }
}
