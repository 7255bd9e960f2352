import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/helpers/random.js';
import { createGraphBuilder } from './graph.js';
import { pageRank } from './page-rank.js';

function graphOf(edges: Array<[number, number]>, n?: number) {
  const b = createGraphBuilder();
  b.add(
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
  );
  return b.build(n);
}

/** Textbook PageRank on an edge list (dense, per-edge objects): the reference. */
function naivePageRank(n: number, edges: Array<[number, number]>, iterations: number): number[] {
  const set = new Set(edges.filter(([u, v]) => u !== v).map(([u, v]) => `${u} ${v}`));
  const es = [...set].map((s) => s.split(' ').map(Number) as [number, number]);
  const out = new Array<number>(n).fill(0);
  for (const [u] of es) out[u] = (out[u] as number) + 1;
  let x = new Array<number>(n).fill(1 / n);
  for (let i = 0; i < iterations; i++) {
    const dangling = x.reduce((s, xu, u) => (out[u] === 0 ? s + xu : s), 0);
    const next = new Array<number>(n).fill((0.15 + 0.85 * dangling) / n);
    for (const [u, v] of es)
      next[v] = (next[v] as number) + (0.85 * (x[u] as number)) / (out[u] as number);
    x = next;
  }
  return x;
}

describe('pageRank', () => {
  it('gives every node of a cycle 1/N', () => {
    const r = pageRank(
      graphOf([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 0],
      ]),
    );
    for (const s of r.scores) expect(s).toBeCloseTo(0.2, 14);
    expect(r.converged).toBe(true);
  });

  it('solves a link to a dangling node: x0 = 0.5 / 1.425', () => {
    // x0 = 0.15/2 + 0.85·x1/2 and x0 + x1 = 1 give x0 = 0.5/1.425.
    const { scores } = pageRank(graphOf([[0, 1]]));
    expect(scores[0]).toBeCloseTo(0.5 / 1.425, 9);
    expect(scores[1]).toBeCloseTo(1 - 0.5 / 1.425, 9);
  });

  it('solves a star of k leaves around a dangling centre: x_c = (n − 0.15k)/(n + 0.85k)', () => {
    const { scores } = pageRank(
      graphOf([
        [1, 0],
        [2, 0],
        [3, 0],
      ]),
    );
    const centre = (4 - 0.45) / (4 + 2.55);
    expect(scores[0]).toBeCloseTo(centre, 9);
    for (const leaf of [1, 2, 3]) expect(scores[leaf]).toBeCloseTo((1 - centre) / 3, 9);
  });

  it('ignores duplicate edges and self loops', () => {
    const plain = pageRank(
      graphOf([
        [1, 0],
        [2, 0],
        [0, 3],
        [3, 1],
      ]),
    );
    const noisy = pageRank(
      graphOf([
        [1, 0],
        [1, 0],
        [2, 0],
        [2, 2],
        [0, 3],
        [0, 3],
        [3, 1],
        [3, 3],
      ]),
    );
    expect(Array.from(noisy.scores)).toEqual(Array.from(plain.scores));
  });

  it('spreads the mass of dangling nodes evenly and keeps the sum at 1', () => {
    // Nodes 2–5 have no out-edge and no in-edge: they get exactly the teleport + dangling share.
    const { scores } = pageRank(graphOf([[0, 1]], 6));
    const sum = scores.reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(1, 14);
    for (const v of [2, 3, 4, 5]) expect(scores[v]).toBeCloseTo(scores[0] as number, 14);
    expect(scores[1]).toBeGreaterThan(scores[0] as number);
  });

  it('matches the textbook iteration on random graphs', () => {
    const r = createRandom(11);
    for (let t = 0; t < 5; t++) {
      const n = 50;
      const edges: Array<[number, number]> = Array.from({ length: 200 }, () => [
        Math.floor(r() * n),
        Math.floor(r() * r() * n),
      ]);
      const ours = pageRank(graphOf(edges, n), { tolerance: 0, maxIterations: 60 });
      const ref = naivePageRank(n, edges, 60);
      for (let v = 0; v < n; v++) expect(ours.scores[v]).toBeCloseTo(ref[v] as number, 12);
    }
  });

  it('stops once the L1 change is below the tolerance, or at the iteration cap', () => {
    const g = graphOf([
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
      [4, 0],
    ]);
    const deltas: number[] = [];
    const r = pageRank(g, { onIteration: (_, d) => deltas.push(d) });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(deltas.length);
    expect(r.delta).toBeLessThan(1e-9);
    expect(deltas.at(-2)).toBeGreaterThanOrEqual(1e-9);
    const capped = pageRank(g, { maxIterations: 3 });
    expect(capped.iterations).toBe(3);
    expect(capped.converged).toBe(false);
  });

  it('returns empty scores for an empty graph', () => {
    expect(pageRank(graphOf([])).scores.length).toBe(0);
  });
});
