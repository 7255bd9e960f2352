import { describe, expect, it } from 'vitest';
import { scaleRank } from './rank-scale.js';

describe('scaleRank', () => {
  it('leaves one_thousand values unchanged', () => {
    expect(scaleRank(694, 'one_thousand')).toBe(694);
    expect(scaleRank(0, 'one_thousand')).toBe(0);
  });

  it('maps one_hundred with the sine formula of the DataForSEO docs', () => {
    expect(scaleRank(694, 'one_hundred')).toBe(89);
    expect(scaleRank(1000, 'one_hundred')).toBe(100);
    expect(scaleRank(0, 'one_hundred')).toBe(0);
    expect(scaleRank(100, 'one_hundred')).toBe(16);
  });

  it('keeps null as null in both scales', () => {
    expect(scaleRank(null, 'one_hundred')).toBeNull();
    expect(scaleRank(null, 'one_thousand')).toBeNull();
  });

  it('is monotonic over the stored range', () => {
    let prev = -1;
    for (let r = 0; r <= 1000; r++) {
      const v = scaleRank(r, 'one_hundred') as number;
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
  });
});
