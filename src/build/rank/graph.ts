/**
 * A directed graph in compressed sparse row form over its in-edges, built from streamed edge
 * chunks: parallel edges collapse to one, self loops are dropped.
 */

/**
 * In-edge CSR: the sources of node v's in-edges are `inFrom[inStart[v] .. inStart[v + 1])`, in
 * ascending order and distinct. Node ids are dense, 0 ≤ id < nodeCount. At most 2³² − 1 edges.
 */
export interface LinkGraph {
  nodeCount: number;
  edgeCount: number;
  /** nodeCount + 1 offsets into `inFrom`. */
  inStart: Uint32Array;
  inFrom: Uint32Array;
  /** Distinct out-neighbours per node (self loops excluded). */
  outDegree: Uint32Array;
}

/** Collects edges chunk by chunk; `build` turns them into a `LinkGraph`. */
export interface GraphBuilder {
  /**
   * Add edges `from[i] → to[i]` for i < count (default: `from.length`). Self loops are skipped;
   * the arrays are copied, so the caller may reuse them.
   */
  add(from: ArrayLike<number>, to: ArrayLike<number>, count?: number): void;
  /** Edges added so far (self loops excluded, duplicates included). */
  readonly edgeCount: number;
  /**
   * The graph over `max(nodeCount, largest id + 1)` nodes. Frees the collected edges: call once.
   */
  build(nodeCount?: number): LinkGraph;
}

const BLOCK = 1 << 20;

/**
 * A builder that stores edges in fixed 1M-edge blocks (no reallocation) and builds the CSR with
 * two counting sorts: by source, then stably by target, so each in-list comes out sorted and a
 * duplicate is always next to its twin. Peak memory 12–16 bytes per edge
 * (the collected blocks are released before the in-lists are filled, when the GC gets to them).
 * @example
 * const b = createGraphBuilder();
 * b.add([0, 1, 1], [1, 2, 2]);
 * b.build(3).inFrom // Uint32Array [0, 1]
 */
export function createGraphBuilder(): GraphBuilder {
  let fromBlocks: Uint32Array[] = [];
  let toBlocks: Uint32Array[] = [];
  let used = BLOCK;
  let edges = 0;
  let maxId = -1;

  return {
    get edgeCount() {
      return edges;
    },
    add(from, to, count = from.length) {
      let f = fromBlocks[fromBlocks.length - 1] as Uint32Array;
      let t = toBlocks[toBlocks.length - 1] as Uint32Array;
      for (let i = 0; i < count; i++) {
        const u = from[i] as number;
        const v = to[i] as number;
        if (u === v) continue;
        if (used === BLOCK) {
          f = new Uint32Array(BLOCK);
          t = new Uint32Array(BLOCK);
          fromBlocks.push(f);
          toBlocks.push(t);
          used = 0;
        }
        f[used] = u;
        t[used] = v;
        used++;
        if (u > maxId) maxId = u;
        if (v > maxId) maxId = v;
      }
      edges = fromBlocks.length === 0 ? 0 : (fromBlocks.length - 1) * BLOCK + used;
    },
    build(nodeCount = 0) {
      const n = Math.max(nodeCount, maxId + 1);
      const blocks = { from: fromBlocks, to: toBlocks, lastUsed: used };
      fromBlocks = [];
      toBlocks = [];
      used = BLOCK;
      const total = edges;
      edges = 0;
      maxId = -1;
      return buildCsr(n, total, blocks);
    },
  };
}

interface Blocks {
  from: Uint32Array[];
  to: Uint32Array[];
  lastUsed: number;
}

function blockLength(b: Blocks, i: number): number {
  return i === b.from.length - 1 ? b.lastUsed : BLOCK;
}

function buildCsr(n: number, m: number, blocks: Blocks): LinkGraph {
  // 1. Counting sort by source: targets grouped by ascending source.
  const outStart = new Uint32Array(n + 1);
  for (let b = 0; b < blocks.from.length; b++) {
    const f = blocks.from[b] as Uint32Array;
    const len = blockLength(blocks, b);
    for (let i = 0; i < len; i++) {
      const j = (f[i] as number) + 1;
      outStart[j] = (outStart[j] as number) + 1;
    }
  }
  prefixSum(outStart);
  const fill = outStart.slice(0, n);
  const toBySource = new Uint32Array(m);
  const inCount = new Uint32Array(n + 1);
  for (let b = 0; b < blocks.from.length; b++) {
    const f = blocks.from[b] as Uint32Array;
    const t = blocks.to[b] as Uint32Array;
    const len = blockLength(blocks, b);
    for (let i = 0; i < len; i++) {
      const v = t[i] as number;
      const u = f[i] as number;
      const p = fill[u] as number;
      toBySource[p] = v;
      fill[u] = p + 1;
      inCount[v + 1] = (inCount[v + 1] as number) + 1;
    }
  }
  blocks.from.length = 0;
  blocks.to.length = 0;

  // 2. Stable counting sort by target, walking sources in ascending order: each in-list is
  // sorted, so a parallel edge is the previous entry of its list and is skipped.
  const inStart = inCount;
  prefixSum(inStart);
  const next = inStart.slice(0, n);
  const inFrom = new Uint32Array(m);
  const outDegree = new Uint32Array(n);
  for (let u = 0; u < n; u++) {
    const end = outStart[u + 1] as number;
    let deg = 0;
    for (let k = outStart[u] as number; k < end; k++) {
      const v = toBySource[k] as number;
      const p = next[v] as number;
      if (p > (inStart[v] as number) && inFrom[p - 1] === u) continue;
      inFrom[p] = u;
      next[v] = p + 1;
      deg++;
    }
    outDegree[u] = deg;
  }

  // 3. Close the gaps the skipped duplicates left.
  let w = 0;
  for (let v = 0; v < n; v++) {
    const s = inStart[v] as number;
    const e = next[v] as number;
    inStart[v] = w;
    if (s !== w) inFrom.copyWithin(w, s, e);
    w += e - s;
  }
  inStart[n] = w;
  return {
    nodeCount: n,
    edgeCount: w,
    inStart,
    inFrom: w === m ? inFrom : inFrom.slice(0, w),
    outDegree,
  };
}

/** Counts at [i + 1] become start offsets at [i]. */
function prefixSum(a: Uint32Array): void {
  let acc = 0;
  for (let i = 0; i < a.length; i++) {
    acc += a[i] as number;
    a[i] = acc;
  }
}
