/**
 * Child process of the PageRank benchmark: reads one edge file, builds the CSR, runs our
 * PageRank, writes the scores (float64, sum 1) and prints its timings and peak RSS as JSON, so
 * the RSS is this run's alone.
 */
import { writeFile } from 'node:fs/promises';
import { createGraphBuilder, pageRank } from '../../src/build/rank/index.js';
import { readEdges } from './edges.js';

const [path, nodesArg, scoresPath] = process.argv.slice(2);
if (path === undefined || nodesArg === undefined || scoresPath === undefined) {
  throw new Error('usage: pagerank-child.ts EDGES NODES SCORES_OUT');
}
const t0 = performance.now();
const builder = createGraphBuilder();
await readEdges(path, (from, to, n) => builder.add(from, to, n));
const t1 = performance.now();
const graph = builder.build(Number(nodesArg));
const t2 = performance.now();
const result = pageRank(graph);
const t3 = performance.now();
await writeFile(scoresPath, new Uint8Array(result.scores.buffer));
console.log(
  JSON.stringify({
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    readSeconds: (t1 - t0) / 1000,
    csrSeconds: (t2 - t1) / 1000,
    pagerankSeconds: (t3 - t2) / 1000,
    iterations: result.iterations,
    converged: result.converged,
    delta: result.delta,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
