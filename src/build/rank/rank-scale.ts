/**
 * The 0–1000 rank scale (docs/ranks.md): PageRank quantities are measured as multiples of an
 * average node (PR × N, so they do not shrink as the graph grows) and mapped 100 points per
 * decade. Pages, domains and single links share this one scale.
 */
import type { LinkGraph } from './graph.js';

/** Decades below one average node that still get rank ≥ 1: v = 1e-4 ↦ 0. */
const OFFSET_DECADES = 4;
const POINTS_PER_DECADE = 100;
/** The highest rank. */
export const MAX_RANK = 1000;

/**
 * Rank of a PageRank quantity v given as a multiple of an average node's score (v = PR × N):
 * `v ≤ 0 → 0`, else `clamp(round(100 × (log10 v + 4)), 1, 1000)`. Monotonic in v; v = 1 (an
 * average node) ↦ 400, each factor 10 adds 100, v ≥ 1e6 ↦ 1000.
 * @example rankFromMultiple(1) // 400
 * @example rankFromMultiple(0.0085) // 193
 */
export function rankFromMultiple(v: number): number {
  if (!(v > 0)) return 0;
  const r = Math.round(POINTS_PER_DECADE * (Math.log10(v) + OFFSET_DECADES));
  return Math.max(1, Math.min(r, MAX_RANK));
}

/**
 * What one dofollow link from each node passes, as a multiple of an average node:
 * N × d × PR(u) ÷ out(u). A node without out-edges gets what a single link would pass
 * (N × d × PR(u)), so links the graph left out (lost, indirect) still get a value.
 */
export function passMultiples(
  graph: LinkGraph,
  scores: Float64Array,
  damping = 0.85,
): Float64Array {
  const n = graph.nodeCount;
  const out = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const deg = graph.outDegree[u] as number;
    out[u] = (n * damping * (scores[u] as number)) / (deg === 0 ? 1 : deg);
  }
  return out;
}

/**
 * What each node receives through its in-edges, as a multiple of an average node: the sum of its
 * in-links' `passMultiples` = N × (PR(v) − the teleport and dangling share every node gets).
 * Exactly 0 for a node without in-edges.
 */
export function inflowMultiples(graph: LinkGraph, pass: Float64Array): Float64Array {
  const n = graph.nodeCount;
  const { inStart, inFrom } = graph;
  const out = new Float64Array(n);
  let k = inStart[0] as number;
  for (let v = 0; v < n; v++) {
    const end = inStart[v + 1] as number;
    let s = 0;
    for (; k < end; k++) s += pass[inFrom[k] as number] as number;
    out[v] = s;
  }
  return out;
}

/** Rank 0–1000 per node from `inflowMultiples` or `passMultiples`. */
export function ranksOf(multiples: Float64Array): Uint16Array {
  const out = new Uint16Array(multiples.length);
  for (let i = 0; i < multiples.length; i++) out[i] = rankFromMultiple(multiples[i] as number);
  return out;
}

/**
 * Moz-style authority 1–100 (domain_authority from domain_rank, page_authority from page_rank):
 * `clamp(round((rank − 200) / 8), 1, 100)`, i.e. logarithmic like Moz's: 12.5 points per factor
 * 10 of PageRank, 1 up to rank 204 (v ≈ 0.011) and 100 from rank 996 (v ≈ 9e5).
 * @example authorityFromRank(400) // 25
 */
export function authorityFromRank(rank: number): number {
  const a = Math.round((rank - 200) / 8);
  return Math.max(1, Math.min(a, 100));
}
