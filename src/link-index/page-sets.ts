/**
 * Roaring bitmaps of source pages: per popular host (precomputed at load), built on the fly
 * for small hosts and URL ranges, and the k-of-n algebra over them. A page set of a spec is a
 * superset of the pages with a link in any scope, so it bounds the candidates of a query.
 */
import roaring from 'roaring';
import { LINK_FLAG } from './format.js';

const { RoaringBitmap32 } = roaring;
/** A roaring bitmap of page ids. */
export type Bitmap = InstanceType<typeof RoaringBitmap32>;
const LOST = LINK_FLAG.lost;

/** Which links a set is of: any, not lost, not lost and dofollow. */
export type PageSetKind = 'any' | 'live' | 'liveDofollow';

/** The flag test `(flags & mask) === want` of each kind. */
export const PAGE_SET_TESTS: Readonly<Record<PageSetKind, { mask: number; want: number }>> = {
  any: { mask: 0, want: 0 },
  live: { mask: LOST, want: 0 },
  liveDofollow: { mask: LOST | LINK_FLAG.dofollow, want: LINK_FLAG.dofollow },
};

const kindOf = (k: PageSetKind | boolean): PageSetKind =>
  typeof k === 'string' ? k : k ? 'live' : 'any';

/** Postings are CSR: key k's link ids are `postings[offsets[k] … offsets[k + 1])`. */
interface Csr {
  offsets: Uint32Array;
  postings: Uint32Array;
}

/** CSR postings with each posting's link flags. */
interface CsrWithFlags extends Csr {
  postFlags: Uint16Array;
}

/** Source-page sets of hosts and URL ranges. */
export class PageSets {
  readonly #hosts: Csr;
  readonly #urls: Csr;
  readonly #linkPage: Uint32Array;
  readonly #byHost = new Map<number, Bitmap>();
  readonly #liveByHost = new Map<number, Bitmap>();
  readonly #liveDofollowByHost = new Map<number, Bitmap>();
  readonly #domainsByHost = new Map<number, Bitmap>();
  readonly #liveDomainsByHost = new Map<number, Bitmap>();
  readonly #pageDomain: Uint32Array;
  readonly #hostFlags: Uint16Array;
  readonly #urlFlags: Uint16Array;
  /** Milliseconds spent precomputing the popular hosts' sets. */
  readonly buildMs: number;

  /** Precompute the sets of hosts with at least `threshold` links. */
  constructor(
    hosts: CsrWithFlags,
    urls: CsrWithFlags,
    linkPage: Uint32Array,
    pageDomain: Uint32Array,
    threshold: number,
  ) {
    const started = performance.now();
    this.#hosts = hosts;
    this.#urls = urls;
    this.#linkPage = linkPage;
    this.#hostFlags = hosts.postFlags;
    this.#urlFlags = urls.postFlags;
    this.#pageDomain = pageDomain;
    const nHosts = hosts.offsets.length - 1;
    for (let h = 0; h < nHosts; h++) {
      const from = hosts.offsets[h] as number;
      const to = hosts.offsets[h + 1] as number;
      if (to - from < threshold) continue;
      this.#byHost.set(h, this.#fromPostings(hosts, [[from, to]], null, 'any'));
      const live = this.#fromPostings(hosts, [[from, to]], this.#hostFlags, 'live');
      this.#liveByHost.set(h, live);
      this.#liveDofollowByHost.set(
        h,
        this.#fromPostings(hosts, [[from, to]], this.#hostFlags, 'liveDofollow'),
      );
      this.#domainsByHost.set(h, this.#toDomains(this.#byHost.get(h) as Bitmap));
      this.#liveDomainsByHost.set(h, this.#toDomains(live));
    }
    this.buildMs = performance.now() - started;
  }

  /**
   * Pages of the links `postings[from … to)` for each slice; with `flags`, only of links that
   * are not lost.
   */
  #fromPostings(
    csr: Csr,
    slices: Array<[number, number]>,
    flags: Uint16Array | null,
    kind: PageSetKind,
  ): Bitmap {
    const { mask, want } = PAGE_SET_TESTS[kind];
    let n = 0;
    for (const [a, b] of slices) n += b - a;
    const pages = new Uint32Array(n);
    let m = 0;
    const lp = this.#linkPage;
    const post = csr.postings;
    for (const [a, b] of slices) {
      let last = -1;
      for (let j = a; j < b; j++) {
        if (flags !== null && ((flags[j] as number) & mask) !== want) continue;
        const p = lp[post[j] as number] as number;
        if (p !== last) {
          pages[m++] = p;
          last = p;
        }
      }
    }
    return new RoaringBitmap32(pages.subarray(0, m));
  }

  #toDomains(pages: Bitmap): Bitmap {
    const ids = pages.toUint32Array();
    const pd = this.#pageDomain;
    for (let i = 0; i < ids.length; i++) ids[i] = pd[ids[i] as number] as number;
    return new RoaringBitmap32(ids);
  }

  /** As `pagesOf`, for the pages' domains. */
  domainsOf(
    hostRanges: Array<[number, number]>,
    urlRanges: Array<[number, number]>,
    live = false,
  ): Bitmap {
    const parts: Bitmap[] = [];
    const small: Array<[number, number]> = [];
    const pre = live ? this.#liveDomainsByHost : this.#domainsByHost;
    for (const [a, b] of hostRanges) {
      for (let h = a; h < b; h++) {
        const bm = pre.get(h);
        if (bm !== undefined) parts.push(bm);
        else small.push([h, h + 1]);
      }
    }
    if (small.length > 0 || urlRanges.length > 0) {
      parts.push(this.#toDomains(this.pagesOf(small, urlRanges, live)));
    }
    if (parts.length === 0) return new RoaringBitmap32();
    if (parts.length === 1) return parts[0] as Bitmap;
    return RoaringBitmap32.orMany(parts);
  }

  /**
   * The pages with a link (with `live`: a link that is not lost) to a host in one of
   * `hostRanges` or a URL in one of `urlRanges`.
   */
  pagesOf(
    hostRanges: Array<[number, number]>,
    urlRanges: Array<[number, number]>,
    setKind: PageSetKind | boolean = 'any',
  ): Bitmap {
    const kind = kindOf(setKind);
    const parts: Bitmap[] = [];
    const small: Array<[number, number]> = [];
    const pre =
      kind === 'live'
        ? this.#liveByHost
        : kind === 'liveDofollow'
          ? this.#liveDofollowByHost
          : this.#byHost;
    const flagsOr = (f: Uint16Array) => (kind === 'any' ? null : f);
    for (const [a, b] of hostRanges) {
      for (let h = a; h < b; h++) {
        const bm = pre.get(h);
        if (bm !== undefined) parts.push(bm);
        else small.push([this.#hosts.offsets[h] as number, this.#hosts.offsets[h + 1] as number]);
      }
    }
    if (small.length > 0) {
      parts.push(this.#fromPostings(this.#hosts, small, flagsOr(this.#hostFlags), kind));
    }
    if (urlRanges.length > 0) {
      const o = this.#urls.offsets;
      const u = urlRanges.map(([a, b]): [number, number] => [o[a] as number, o[b] as number]);
      parts.push(this.#fromPostings(this.#urls, u, flagsOr(this.#urlFlags), kind));
    }
    if (parts.length === 0) return new RoaringBitmap32();
    if (parts.length === 1) return parts[0] as Bitmap;
    return RoaringBitmap32.orMany(parts);
  }
}

/** The elements in at least `k` of `sets`. */
export function atLeast(sets: readonly Bitmap[], k: number): Bitmap {
  if (sets.length === 0 || k > sets.length) return new RoaringBitmap32();
  if (k === sets.length) {
    const order = [...sets].sort((a, b) => a.size - b.size);
    let acc = new RoaringBitmap32(order[0] as Bitmap);
    for (let i = 1; i < order.length && !acc.isEmpty; i++)
      acc = RoaringBitmap32.and(acc, order[i] as Bitmap);
    return acc;
  }
  // levels[j] = elements seen in at least j + 1 of the sets so far.
  const levels: Bitmap[] = [];
  for (let j = 0; j < k; j++) levels.push(new RoaringBitmap32());
  for (const s of sets) {
    for (let j = k - 1; j >= 1; j--)
      levels[j]?.orInPlace(RoaringBitmap32.and(levels[j - 1] as Bitmap, s));
    levels[0]?.orInPlace(s);
  }
  return levels[k - 1] as Bitmap;
}

/** `a` without the elements of `b`. */
export function without(a: Bitmap, b: Bitmap): Bitmap {
  return RoaringBitmap32.andNot(a, b);
}

/** `a` without the element `x` (a copy when `x` is in it). */
export function withoutOne(a: Bitmap, x: number): Bitmap {
  if (!a.has(x)) return a;
  const out = new RoaringBitmap32(a);
  out.delete(x);
  return out;
}

/** A set of the given ids. */
export function bitmapOf(ids: Uint32Array): Bitmap {
  return new RoaringBitmap32(ids);
}
