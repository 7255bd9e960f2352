import { describe, expect, it } from 'vitest';
import { createRandom } from '../../test/helpers/random.js';
import { compareBy, selectByScore, selectWindow } from './top-n.js';

describe('selectWindow', () => {
  it('returns the same window as a full sort, nulls last in both directions', () => {
    const rnd = createRandom(5);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(rnd() * 300);
      const a = new Float64Array(n).map(() => (rnd() < 0.2 ? Number.NaN : Math.floor(rnd() * 10)));
      const b = new Float64Array(n).map(() => Math.floor(rnd() * 3));
      const tie = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % 100_003);
      const cmp = compareBy(
        [
          { values: a, desc: rnd() < 0.5 },
          { values: b, desc: rnd() < 0.5 },
        ],
        tie,
      );
      const items = Array.from({ length: n }, (_, i) => i).filter(() => rnd() < 0.8);
      const offset = Math.floor(rnd() * 20);
      const limit = 1 + Math.floor(rnd() * 20);
      const full = [...items].sort(cmp).slice(offset, offset + limit);
      expect(selectWindow(items, cmp, offset, limit)).toEqual(full);
    }
  });

  it('puts units without a value after the others whatever the direction', () => {
    const values = Float64Array.from([Number.NaN, 1, 3]);
    const tie = Uint32Array.from([0, 1, 2]);
    expect(selectWindow([0, 1, 2], compareBy([{ values, desc: true }], tie), 0, 3)).toEqual([
      2, 1, 0,
    ]);
    expect(selectWindow([0, 1, 2], compareBy([{ values, desc: false }], tie), 0, 3)).toEqual([
      1, 2, 0,
    ]);
  });
});

describe('selectByScore', () => {
  it('agrees with selectWindow on one descending key', () => {
    const rnd = createRandom(8);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(rnd() * 400);
      const score = new Float64Array(n).map(() =>
        rnd() < 0.2 ? Number.NaN : Math.floor(rnd() * 5),
      );
      const tie = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % 100_003);
      const items = Array.from({ length: n }, (_, i) => i).filter(() => rnd() < 0.9);
      const offset = Math.floor(rnd() * 10);
      const limit = 1 + Math.floor(rnd() * 30);
      const cmp = compareBy([{ values: score, desc: true }], tie);
      expect(selectByScore(items, score, tie, offset, limit)).toEqual(
        selectWindow(items, cmp, offset, limit),
      );
    }
  });
});
