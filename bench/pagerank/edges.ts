/**
 * The synthetic graph of the PageRank benchmark: a seeded power-law directed graph written as a
 * binary edge file (little-endian uint32 pairs `src, dst`), cached in the work dir.
 *
 * N = edges / 10 nodes. Sources are visited in a scrambled order; each draws a Pareto-like
 * out-degree (15 % have none: dangling nodes) and that many distinct targets, 70 % Zipf-like
 * (log-uniform rank, P(rank k) ∝ 1/k, so in-degrees follow a power law) and 30 % uniform.
 * Node ids are scrambled by an affine permutation so hubs are spread over the id range. The file
 * has no self loops and no parallel edges, so every PageRank implementation sees the same graph.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom } from '../../test/helpers/random.js';

/** What a cached edge file holds. */
export interface EdgeFileInfo {
  path: string;
  nodes: number;
  edges: number;
  seed: number;
}

const SEED = 20261123;
/** A prime; (id × A + B) mod N permutes ids while A × N < 2^53. */
const A = 479001599;
const B = 7919;

/** The edge file for `edges` edges in `workDir`, generated on first use. */
export async function edgeFile(workDir: string, edges: number): Promise<EdgeFileInfo> {
  const path = join(workDir, `edges-${edges}.bin`);
  const metaPath = `${path}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as EdgeFileInfo;
    if (meta.edges === edges && meta.seed === SEED) return { ...meta, path };
  }
  const nodes = Math.max(10, Math.round(edges / 10));
  await generate(`${path}.tmp`, nodes, edges);
  await rename(`${path}.tmp`, path);
  const info = { path, nodes, edges, seed: SEED };
  await writeFile(metaPath, JSON.stringify(info));
  return info;
}

async function generate(path: string, nodes: number, edges: number): Promise<void> {
  const r = createRandom(SEED);
  const perm = (x: number): number => (x * A + B) % nodes;
  const logN = Math.log(nodes);
  const out = createWriteStream(path);
  const BUF = 1 << 20;
  let buf = new Uint32Array(BUF * 2);
  let used = 0;
  let written = 0;
  const seen = new Set<number>();
  const flush = async (): Promise<void> => {
    if (!out.write(Buffer.from(buf.buffer, 0, used * 8))) await once(out, 'drain');
    buf = new Uint32Array(BUF * 2);
    used = 0;
  };
  for (let i = 0; i < nodes && written < edges; i++) {
    const u = perm(i);
    if (r() < 0.15) continue;
    const want = Math.min(Math.floor(6.5 / Math.sqrt(1 - r())), nodes >> 3, edges - written);
    seen.clear();
    while (seen.size < want) {
      const rank = r() < 0.7 ? Math.floor(Math.exp(r() * logN)) - 1 : Math.floor(r() * nodes);
      const v = perm(Math.min(rank, nodes - 1));
      if (v === u || seen.has(v)) continue;
      seen.add(v);
      buf[used * 2] = u;
      buf[used * 2 + 1] = v;
      used++;
      written++;
      if (used === BUF) await flush();
    }
  }
  if (written < edges) throw new Error(`generator ran out of nodes at ${written} edges`);
  await flush();
  out.end();
  await once(out, 'finish');
}

/**
 * Read an edge file in chunks of up to 1M edges, de-interleaved into `from` / `to` arrays that
 * are reused between calls.
 */
export async function readEdges(
  path: string,
  onChunk: (from: Uint32Array, to: Uint32Array, count: number) => void | Promise<void>,
): Promise<void> {
  const from = new Uint32Array(1 << 20);
  const to = new Uint32Array(1 << 20);
  let carry = Buffer.alloc(0);
  for await (const piece of createReadStream(path, { highWaterMark: 8 << 20 })) {
    const data: Buffer = carry.length > 0 ? Buffer.concat([carry, piece as Buffer]) : piece;
    const pairs = Math.floor(data.length / 8);
    const aligned = data.byteOffset % 4 === 0;
    const words = aligned
      ? new Uint32Array(data.buffer, data.byteOffset, pairs * 2)
      : new Uint32Array(data.buffer.slice(data.byteOffset, data.byteOffset + pairs * 8));
    for (let start = 0; start < pairs; start += from.length) {
      const n = Math.min(from.length, pairs - start);
      for (let i = 0; i < n; i++) {
        from[i] = words[(start + i) * 2] as number;
        to[i] = words[(start + i) * 2 + 1] as number;
      }
      await onChunk(from, to, n);
    }
    carry = Buffer.from(data.subarray(pairs * 8));
  }
}

/** The same edges as text (`src dst` per line) for igraph's C reader, cached beside the file. */
export async function textEdgeFile(info: EdgeFileInfo): Promise<string> {
  const path = info.path.replace(/\.bin$/, '.txt');
  if (existsSync(path)) return path;
  const out = createWriteStream(`${path}.tmp`);
  await readEdges(info.path, async (from, to, n) => {
    const lines: string[] = new Array(n);
    for (let i = 0; i < n; i++) lines[i] = `${from[i]} ${to[i]}\n`;
    if (!out.write(lines.join(''))) await once(out, 'drain');
  });
  out.end();
  await once(out, 'finish');
  await rename(`${path}.tmp`, path);
  return path;
}
