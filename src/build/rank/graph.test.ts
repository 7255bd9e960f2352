import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/helpers/random.js';
import { createGraphBuilder } from './graph.js';

function inLists(g: ReturnType<ReturnType<typeof createGraphBuilder>['build']>): number[][] {
  return Array.from({ length: g.nodeCount }, (_, v) =>
    Array.from(g.inFrom.subarray(g.inStart[v], g.inStart[v + 1])),
  );
}

describe('createGraphBuilder', () => {
  it('drops self loops and parallel edges, sorts in-lists, counts distinct out-degrees', () => {
    const b = createGraphBuilder();
    b.add([2, 0, 1, 1, 2, 0], [0, 2, 1, 0, 0, 2]);
    b.add(new Uint32Array([3, 0, 9]), new Uint32Array([0, 1, 9]), 2);
    expect(b.edgeCount).toBe(7);
    const g = b.build();
    expect(g.nodeCount).toBe(4);
    expect(g.edgeCount).toBe(5);
    expect(inLists(g)).toEqual([[1, 2, 3], [0], [0], []]);
    expect(Array.from(g.outDegree)).toEqual([2, 1, 1, 1]);
  });

  it('keeps isolated nodes up to the given node count', () => {
    const b = createGraphBuilder();
    b.add([0], [1]);
    const g = b.build(5);
    expect(g.nodeCount).toBe(5);
    expect(Array.from(g.inStart)).toEqual([0, 0, 1, 1, 1, 1]);
  });

  it('builds an empty graph', () => {
    const g = createGraphBuilder().build();
    expect(g.nodeCount).toBe(0);
    expect(g.edgeCount).toBe(0);
    expect(Array.from(g.inStart)).toEqual([0]);
  });

  it('matches a set-based construction across block boundaries', () => {
    const r = createRandom(7);
    const n = 300;
    const b = createGraphBuilder();
    const expected = Array.from({ length: n }, () => new Set<number>());
    const out = new Array<number>(n).fill(0);
    // 2.5M edges: more than two 1M-edge blocks, with many duplicates.
    for (let c = 0; c < 25; c++) {
      const from = new Uint32Array(100_000);
      const to = new Uint32Array(100_000);
      for (let i = 0; i < from.length; i++) {
        from[i] = Math.floor(r() * n);
        to[i] = Math.floor(r() * r() * n);
        const u = from[i] as number;
        const v = to[i] as number;
        if (u !== v && !expected[v]?.has(u)) {
          expected[v]?.add(u);
          out[u] = (out[u] as number) + 1;
        }
      }
      b.add(from, to);
    }
    const g = b.build();
    expect(inLists(g)).toEqual(expected.map((s) => [...s].sort((a, c) => a - c)));
    expect(Array.from(g.outDegree)).toEqual(out);
  });
});
