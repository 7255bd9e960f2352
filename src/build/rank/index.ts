/**
 * @module Ranks: in-edge CSR graphs, PageRank and the 0–1000 rank scale (docs/ranks.md).
 */
export type { GraphBuilder, LinkGraph } from './graph.js';
export { createGraphBuilder } from './graph.js';
export type { PageRankOptions, PageRankResult } from './page-rank.js';
export { pageRank } from './page-rank.js';
export {
  authorityFromRank,
  inflowMultiples,
  MAX_RANK,
  passMultiples,
  rankFromMultiple,
  ranksOf,
} from './rank-scale.js';
