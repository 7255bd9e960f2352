/**
 * The first phase in page mode when few pages can qualify: bound the candidates with roaring
 * page sets (pages linking to at least k targets in any scope), then check each such page's own
 * links (contiguous in the index) for scope, link filters and excludes. Exact, and much cheaper
 * than walking whole posting lists when popular targets share few pages.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { atLeast, type PageSets, without } from '../link-index/index.js';
import { type Collected, type TargetLinks, targetTests, type UnitScratch } from './collect.js';
import { checkDeadline } from './deadline.js';
import { excludeScopeMask, type TargetTest } from './flag-filter.js';
import type { IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { resolveRanges, type SpecRanges } from './resolve-targets.js';

const EXCLUDED = 1 << 30;

/** Per-query marks on hosts and URLs (zero between queries). */
export interface SpecScratch {
  hostBits: Uint32Array;
  urlBits: Uint32Array;
}

function unionHosts(rs: SpecRanges[]): Array<[number, number]> {
  return rs.flatMap((r) => r.hosts);
}

function unionUrls(rs: SpecRanges[]): Array<[number, number]> {
  return rs.flatMap((r) => r.urls);
}

function sliceCost(v: IndexView, r: SpecRanges): number {
  let n = 0;
  for (const [a, b] of r.hosts)
    n += (v.hosts.offsets[b] as number) - (v.hosts.offsets[a] as number);
  for (const [a, b] of r.urls) n += (v.urls.offsets[b] as number) - (v.urls.offsets[a] as number);
  return n;
}

class Growing {
  data: Uint32Array;
  length = 0;
  constructor(n: number) {
    this.data = new Uint32Array(Math.max(16, n));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Run the first phase by verification, or return null when walking the postings is cheaper
 * (`collect` then does it); `force` skips the cost check.
 */
export function verifyPages(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  marks: SpecScratch,
  sets: PageSets,
  force = false,
): Collected | null {
  const targets = q.targets.map((t) => resolveRanges(v, t));
  const excludes = q.excludes.map((e) => resolveRanges(v, e));
  let scanCost = 0;
  for (const r of targets) scanCost += sliceCost(v, r);
  for (const r of excludes) scanCost += sliceCost(v, r);
  // A_i only holds live links under status live, so the live page sets bound it tighter.
  const live = q.status === 'live';
  const bounds = targets.map((r) => sets.pagesOf(r.hosts, r.urls, live));
  let bound = atLeast(bounds, q.minMatching);
  if (q.includeIndirect && excludes.length > 0) {
    // With indirect links included, the exclusion set's pages are exactly these (live: links
    // not lost; otherwise any link).
    bound = without(bound, sets.pagesOf(unionHosts(excludes), unionUrls(excludes), live));
  }
  const pages = bound.toUint32Array();
  const start = v.page.linkStart;
  let verifyCost = 0;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i] as number;
    verifyCost += (start[p + 1] as number) - (start[p] as number);
  }
  // Sequential reads of a page's links cost about a third of random posting reads.
  if (!force && verifyCost > scanCost * 3) return null;

  return withMarks(marks, targets, excludes, (useUrls) =>
    check(v, q, fields, scratch, marks, pages, useUrls),
  );
}

/** Mark targets (bit i) and excludes on hosts and URLs, run `body`, clear the marks. */
function withMarks<T>(
  marks: SpecScratch,
  targets: SpecRanges[],
  excludes: SpecRanges[],
  body: (useUrls: boolean) => T,
): T {
  const { hostBits, urlBits } = marks;
  let useUrls = false;
  const mark = (r: SpecRanges, bit: number) => {
    for (const [a, b] of r.hosts) {
      for (let h = a; h < b; h++) hostBits[h] = (hostBits[h] as number) | bit;
    }
    for (const [a, b] of r.urls) {
      useUrls = true;
      for (let u = a; u < b; u++) urlBits[u] = (urlBits[u] as number) | bit;
    }
  };
  const unmark = (r: SpecRanges) => {
    for (const [a, b] of r.hosts) hostBits.fill(0, a, b);
    for (const [a, b] of r.urls) urlBits.fill(0, a, b);
  };
  try {
    for (const [i, r] of targets.entries()) mark(r, 1 << i);
    for (const r of excludes) mark(r, EXCLUDED);
    return body(useUrls);
  } finally {
    for (const r of targets) unmark(r);
    for (const r of excludes) unmark(r);
  }
}

/**
 * Per page of `pages` and per target t: the page's links in A_t (scope, internal exclusion,
 * link filter t), in link order.
 */
export function linksOfPages(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  marks: SpecScratch,
  pages: number[],
): number[][][] {
  const targets = q.targets.map((t) => resolveRanges(v, t));
  const tests = targetTests(q, fields);
  const { hostBits, urlBits } = marks;
  return withMarks(marks, targets, [], (useUrls) =>
    pages.map((p) => {
      const out: number[][] = q.targets.map(() => []);
      const end = v.page.linkStart[p + 1] as number;
      for (let l = v.page.linkStart[p] as number; l < end; l++) {
        checkDeadline();
        const u = v.link.url[l] as number;
        let b = hostBits[v.link.host[l] as number] as number;
        if (useUrls) b |= urlBits[u] as number;
        if (b === 0) continue;
        const f = v.link.flags[l] as number;
        for (let t = 0; t < out.length; t++) {
          if (!((b >>> t) & 1)) continue;
          const test = tests[t] as TargetTest;
          if ((f & test.mask) !== test.want) continue;
          if (test.pred !== null && !test.pred(l)) continue;
          (out[t] as number[]).push(l);
        }
      }
      return out;
    }),
  );
}

function check(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  marks: SpecScratch,
  pages: Uint32Array,
  useUrls: boolean,
): Collected {
  const xMask = excludeScopeMask(q);
  const tests = targetTests(q, fields);
  const nT = q.targets.length;
  const found = q.targets.map(() => new Growing(pages.length * 2));
  const { hostBits, urlBits } = marks;
  const start = v.page.linkStart;
  const linkUrl = v.link.url;
  const linkHost = v.link.host;
  const flags = v.link.flags;
  const k = q.minMatching;
  const candidates = new Uint32Array(pages.length);
  const counts = new Uint8Array(pages.length);
  const linked = new Uint32Array(pages.length);
  const marksAt = new Uint32Array(nT);
  let nCand = 0;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i] as number;
    for (let t = 0; t < nT; t++) marksAt[t] = (found[t] as Growing).length;
    let bits = 0;
    let excluded = false;
    const end = start[p + 1] as number;
    for (let l = start[p] as number; l < end; l++) {
      checkDeadline();
      let b = hostBits[linkHost[l] as number] as number;
      if (useUrls) b |= urlBits[linkUrl[l] as number] as number;
      if (b === 0) continue;
      const f = flags[l] as number;
      if (b & EXCLUDED && (f & xMask) === 0) {
        excluded = true;
        break;
      }
      for (let t = 0; t < nT; t++) {
        if (!((b >>> t) & 1)) continue;
        const test = tests[t] as TargetTest;
        if ((f & test.mask) !== test.want) continue;
        if (test.pred !== null && !test.pred(l)) continue;
        bits |= 1 << t;
        (found[t] as Growing).push(l);
      }
    }
    let c = 0;
    for (let x = bits; x !== 0; x &= x - 1) c++;
    if (excluded || c < k) {
      for (let t = 0; t < nT; t++) (found[t] as Growing).length = marksAt[t] as number;
      continue;
    }
    scratch.pos[p] = nCand;
    candidates[nCand] = p;
    counts[nCand] = c;
    linked[nCand] = bits;
    nCand++;
  }
  const targets: TargetLinks[] = found.map((g) => {
    const links = g.view();
    const units = new Uint32Array(links.length);
    const page = v.link.page;
    for (let j = 0; j < links.length; j++) units[j] = page[links[j] as number] as number;
    return { links, units };
  });
  const cands = candidates.subarray(0, nCand);
  const none: TargetLinks = { links: new Uint32Array(0), units: new Uint32Array(0) };
  return {
    targetLinks: (t) => targets[t] ?? none,
    linksOfUnits: (t, units) => {
      const want = new Set(Array.from(units));
      const all = targets[t] ?? none;
      const keep: number[] = [];
      for (let j = 0; j < all.links.length; j++) if (want.has(all.units[j] as number)) keep.push(j);
      return {
        links: Uint32Array.from(keep, (j) => all.links[j] as number),
        units: Uint32Array.from(keep, (j) => all.units[j] as number),
      };
    },
    candidates: cands,
    counts: counts.subarray(0, nCand),
    linked: linked.subarray(0, nCand),
    touched: cands,
  };
}
