/**
 * PageRank by power iteration, pulling over in-edges (DESIGN §2, docs/ranks.md): damping 0.85,
 * the mass of dangling nodes (no out-edge) spread evenly over all nodes, stop when the L1
 * change of the score vector falls below 1e-9 or after 100 iterations.
 */
import type { LinkGraph } from './graph.js';

/** PageRank parameters; every field has the DESIGN §2 default. */
export interface PageRankOptions {
  /** Probability of following a link (d). Default 0.85. */
  damping?: number;
  /**
   * Stop when Σ|x_new − x_old| < tolerance, with x summing to 1. Default 1e-9: DESIGN's
   * "L1 change < 1e-9·N" measured on scores that sum to N (an average node = 1) is the same test.
   */
  tolerance?: number;
  /** Default 100. */
  maxIterations?: number;
  /** Called after each iteration with its number (1-based) and L1 change. */
  onIteration?: (iteration: number, delta: number) => void;
}

/** Scores (sum 1) and how the iteration ended. */
export interface PageRankResult {
  scores: Float64Array;
  iterations: number;
  /** The last iteration's L1 change. */
  delta: number;
  converged: boolean;
}

/**
 * PageRank of every node: x ← (1 − d)/N + d·D/N + d·Σ_{u→v} x_u / out(u), where D is the
 * mass on dangling nodes, starting from the uniform vector. An empty graph gives empty scores.
 * @example pageRank(createGraph(2 nodes, 0→1)).scores // [0.3508…, 0.6491…]
 */
export function pageRank(graph: LinkGraph, options: PageRankOptions = {}): PageRankResult {
  const d = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 100;
  const { nodeCount: n, inStart, inFrom, outDegree } = graph;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, delta: 0, converged: true };

  // d / out(u), or 0 for a dangling node, so the contribution is one multiply per node.
  const weight = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const deg = outDegree[u] as number;
    weight[u] = deg === 0 ? 0 : d / deg;
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const contrib = new Float64Array(n);
  let delta = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations && !(delta < tolerance)) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      const xu = x[u] as number;
      const w = weight[u] as number;
      if (w === 0) dangling += xu;
      contrib[u] = xu * w;
    }
    const base = (1 - d + d * dangling) / n;
    delta = 0;
    let k = inStart[0] as number;
    for (let v = 0; v < n; v++) {
      const end = inStart[v + 1] as number;
      let s = base;
      for (; k < end; k++) s += contrib[inFrom[k] as number] as number;
      const diff = s - (x[v] as number);
      delta += diff < 0 ? -diff : diff;
      next[v] = s;
    }
    const t = x;
    x = next;
    next = t;
    iterations++;
    options.onIteration?.(iterations, delta);
  }
  normalize(x);
  return { scores: x, iterations, delta, converged: delta < tolerance };
}

function normalize(x: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] as number;
  if (sum > 0) for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) / sum;
}
