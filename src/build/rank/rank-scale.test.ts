import { describe, expect, it } from 'vitest';
import { createGraphBuilder } from './graph.js';
import { pageRank } from './page-rank.js';
import {
  authorityFromRank,
  inflowMultiples,
  passMultiples,
  rankFromMultiple,
  ranksOf,
} from './rank-scale.js';

describe('rankFromMultiple', () => {
  it('gives 0 to nothing and 1..1000 to anything positive', () => {
    expect(rankFromMultiple(0)).toBe(0);
    expect(rankFromMultiple(-1)).toBe(0);
    expect(rankFromMultiple(Number.NaN)).toBe(0);
    expect(rankFromMultiple(1e-300)).toBe(1);
    expect(rankFromMultiple(1e-4)).toBe(1);
    expect(rankFromMultiple(1)).toBe(400);
    expect(rankFromMultiple(10)).toBe(500);
    expect(rankFromMultiple(0.0085)).toBe(193);
    expect(rankFromMultiple(1e6)).toBe(1000);
    expect(rankFromMultiple(Number.POSITIVE_INFINITY)).toBe(1000);
  });

  it('is monotonic', () => {
    let prev = 0;
    for (let e = -8; e <= 8; e += 0.01) {
      const r = rankFromMultiple(10 ** e);
      expect(r).toBeGreaterThanOrEqual(prev);
      prev = r;
    }
  });
});

describe('passMultiples and inflowMultiples', () => {
  it('split a star: each leaf passes N·d·x_l, the centre receives their sum, leaves nothing', () => {
    const b = createGraphBuilder();
    b.add([1, 2, 3, 0], [0, 0, 0, 3]);
    const g = b.build();
    const { scores } = pageRank(g);
    const pass = passMultiples(g, scores);
    expect(pass[1]).toBeCloseTo(4 * 0.85 * (scores[1] as number), 12);
    const inflow = inflowMultiples(g, pass);
    expect(inflow[0]).toBeCloseTo((pass[1] as number) * 2 + (pass[3] as number), 12);
    expect(inflow[3]).toBeCloseTo(pass[0] as number, 12);
    expect(inflow[1]).toBe(0);
    // The inflow is PR × N minus the share every node gets (leaves have only that share).
    expect(inflow[0]).toBeCloseTo(4 * ((scores[0] as number) - (scores[1] as number)), 6);
    expect(Array.from(ranksOf(inflow)).slice(1, 3)).toEqual([0, 0]);
  });

  it('passes what one link would from a node without out-edges', () => {
    const b = createGraphBuilder();
    b.add([0], [1]);
    const g = b.build();
    const { scores } = pageRank(g);
    expect(passMultiples(g, scores)[1]).toBeCloseTo(2 * 0.85 * (scores[1] as number), 12);
  });
});

describe('authorityFromRank', () => {
  it('maps 0–1000 onto 1–100', () => {
    expect(authorityFromRank(0)).toBe(1);
    expect(authorityFromRank(204)).toBe(1);
    expect(authorityFromRank(400)).toBe(25);
    expect(authorityFromRank(600)).toBe(50);
    expect(authorityFromRank(996)).toBe(100);
    expect(authorityFromRank(1000)).toBe(100);
  });
});
