/**
 * Roaring bitmaps of source pages: per popular host (precomputed at load), built on the fly
 * for small hosts and URL ranges, and the k-of-n algebra over them. A page set of a spec is a
 * superset of the pages with a link in any scope, so it bounds the candidates of a query.
 */
import roaring from 'roaring';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

/** Postings are CSR: key k's link ids are `postings[offsets[k] … offsets[k + 1])`. */
interface Csr {
  offsets: Uint32Array;
  postings: Uint32Array;
}

/** Source-page sets of hosts and URL ranges. */
export class PageSets {
  readonly #hosts: Csr;
  readonly #urls: Csr;
  readonly #linkPage: Uint32Array;
  readonly #byHost = new Map<number, Bitmap>();
  /** Milliseconds spent precomputing the popular hosts' sets. */
  readonly buildMs: number;

  /** Precompute the sets of hosts with at least `threshold` links. */
  constructor(hosts: Csr, urls: Csr, linkPage: Uint32Array, threshold: number) {
    const started = performance.now();
    this.#hosts = hosts;
    this.#urls = urls;
    this.#linkPage = linkPage;
    const nHosts = hosts.offsets.length - 1;
    for (let h = 0; h < nHosts; h++) {
      const from = hosts.offsets[h] as number;
      const to = hosts.offsets[h + 1] as number;
      if (to - from >= threshold) this.#byHost.set(h, this.#fromPostings(hosts, [[from, to]]));
    }
    this.buildMs = performance.now() - started;
  }

  /** Pages of the links `postings[from … to)` for each slice (sorted, distinct per slice). */
  #fromPostings(csr: Csr, slices: Array<[number, number]>): Bitmap {
    let n = 0;
    for (const [a, b] of slices) n += b - a;
    const pages = new Uint32Array(n);
    let m = 0;
    const lp = this.#linkPage;
    const post = csr.postings;
    for (const [a, b] of slices) {
      let last = -1;
      for (let j = a; j < b; j++) {
        const p = lp[post[j] as number] as number;
        if (p !== last) {
          pages[m++] = p;
          last = p;
        }
      }
    }
    return new RoaringBitmap32(pages.subarray(0, m));
  }

  /** The pages with a link to a host in one of `hostRanges` or a URL in one of `urlRanges`. */
  pagesOf(hostRanges: Array<[number, number]>, urlRanges: Array<[number, number]>): Bitmap {
    const parts: Bitmap[] = [];
    const small: Array<[number, number]> = [];
    for (const [a, b] of hostRanges) {
      for (let h = a; h < b; h++) {
        const pre = this.#byHost.get(h);
        if (pre !== undefined) parts.push(pre);
        else small.push([this.#hosts.offsets[h] as number, this.#hosts.offsets[h + 1] as number]);
      }
    }
    if (small.length > 0) parts.push(this.#fromPostings(this.#hosts, small));
    if (urlRanges.length > 0) {
      const o = this.#urls.offsets;
      const u = urlRanges.map(([a, b]): [number, number] => [o[a] as number, o[b] as number]);
      parts.push(this.#fromPostings(this.#urls, u));
    }
    if (parts.length === 1) return parts[0] as Bitmap;
    return RoaringBitmap32.orMany(parts);
  }
}

/** The elements in at least `k` of `sets`, ascending. */
export function atLeast(sets: readonly Bitmap[], k: number): Uint32Array {
  if (sets.length === 0 || k > sets.length) return new Uint32Array(0);
  if (k === sets.length) {
    const order = [...sets].sort((a, b) => a.size - b.size);
    let acc = new RoaringBitmap32(order[0] as Bitmap);
    for (let i = 1; i < order.length && !acc.isEmpty; i++)
      acc = RoaringBitmap32.and(acc, order[i] as Bitmap);
    return acc.toUint32Array();
  }
  // levels[j] = elements seen in at least j + 1 of the sets so far.
  const levels: Bitmap[] = [];
  for (let j = 0; j < k; j++) levels.push(new RoaringBitmap32());
  for (const s of sets) {
    for (let j = k - 1; j >= 1; j--)
      levels[j]?.orInPlace(RoaringBitmap32.and(levels[j - 1] as Bitmap, s));
    levels[0]?.orInPlace(s);
  }
  return (levels[k - 1] as Bitmap).toUint32Array();
}
