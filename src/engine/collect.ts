/**
 * The first phase of a query: walk each target's postings once, keep the links in scope that
 * pass the target's link filter (the sets A_i), mark which targets each unit (page or domain)
 * links to, then mark the units the exclusion set reaches and list the candidates.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { checkDeadline } from './deadline.js';
import { excludeScopeMask, scopeOf, type TargetTest, targetTest } from './flag-filter.js';
import type { IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { compileLinkPredicate } from './link-predicate.js';
import { type PostingSlice, resolveSpec } from './resolve-targets.js';

/** Mask bit of an excluded unit. */
const EXCLUDED = 1 << 30;
/** Mask bit of a candidate unit. */
export const CANDIDATE = 1 << 29;
/** Mask bit of a unit `linksOfUnits` wants. */
const WANTED = 1 << 28;
/** Bits of the targets (at most 20). */
const TARGET_BITS = (1 << 20) - 1;

/** The links of one target set A_i with their units, in posting order. */
export interface TargetLinks {
  links: Uint32Array;
  units: Uint32Array;
}

/** Reusable per-unit scratch arrays of one unit kind (all zero / -1 between queries). */
export interface UnitScratch {
  mask: Uint32Array;
  /** Candidate position of a unit, -1 otherwise. */
  pos: Int32Array;
  /** Buffers of one unit per element, reused by each query (results are views of them). */
  touched: Uint32Array;
  candidates: Uint32Array;
  counts: Uint8Array;
  linked: Uint32Array;
}

/** Scratch arrays for `n` units. */
export function createUnitScratch(n: number): UnitScratch {
  return {
    mask: new Uint32Array(n),
    pos: new Int32Array(n).fill(-1),
    touched: new Uint32Array(n),
    candidates: new Uint32Array(n),
    counts: new Uint8Array(n),
    linked: new Uint32Array(n),
  };
}

/** What the first phase found. */
export interface Collected {
  /** The links of A_t from candidate units (and possibly others), with their units. */
  targetLinks(t: number): TargetLinks;
  /** The links of A_t whose unit is one of `units` (candidates). */
  linksOfUnits(t: number, units: ArrayLike<number>): TargetLinks;
  /** Candidate units, in no particular order. */
  candidates: Uint32Array;
  /** Per candidate: the number of linked targets. */
  counts: Uint8Array;
  /** Per candidate: bit i set when target i is linked. */
  linked: Uint32Array;
  /** Units whose mask must be cleared after the query. */
  touched: Uint32Array;
}

/** Set bits of a 32-bit mask. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function sliceLength(slices: PostingSlice[]): number {
  let n = 0;
  for (const s of slices) n += s.to - s.from;
  return n;
}

/** Run the first phase. `pageDomain` is set in domain mode (unit = domain of the page). */
export function collect(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  domainMode: boolean,
  record = true,
): Collected {
  const pageDomain = domainMode ? v.page.domain : null;
  const mask = scratch.mask;
  const { scopeMask, scopeWant } = scopeOf(q);
  const xMask = excludeScopeMask(q);

  const resolved = q.targets.map((t) => resolveSpec(v, t));
  // Each unit is touched at most once, so the scratch buffer (one per unit) always suffices.
  const touched = scratch.touched;
  let nTouched = 0;
  const targets: TargetLinks[] = [];
  const tests: TargetTest[] = [];

  for (let i = 0; i < resolved.length; i++) {
    const slices = resolved[i] as PostingSlice[];
    const test = targetTest(scopeMask, scopeWant, q.linkFilters[i] ?? null, (e) =>
      compileLinkPredicate(e, fields, q.internalListLimit),
    );
    tests.push(test);
    const { mask: tMask, want: tWant, pred } = test;
    const cap = record ? sliceLength(slices) : 0;
    const links = new Uint32Array(cap);
    const units = new Uint32Array(cap);
    let n = 0;
    const bit = 1 << i;
    for (const s of slices) {
      const post = s.postings;
      const pf = s.flags;
      const pp = s.pages;
      for (let j = s.from; j < s.to; j++) {
        checkDeadline();
        if (((pf[j] as number) & tMask) !== tWant) continue;
        const l = post[j] as number;
        if (pred !== null && !pred(l)) continue;
        let u = pp[j] as number;
        if (pageDomain !== null) u = pageDomain[u] as number;
        const m = mask[u] as number;
        if (m === 0) touched[nTouched++] = u;
        mask[u] = m | bit;
        if (record) {
          links[n] = l;
          units[n] = u;
          n++;
        }
      }
    }
    targets.push({ links: links.subarray(0, n), units: units.subarray(0, n) });
  }

  for (const ex of q.excludes) {
    for (const s of resolveSpec(v, ex)) {
      const pf = s.flags;
      const pp = s.pages;
      for (let j = s.from; j < s.to; j++) {
        checkDeadline();
        if (((pf[j] as number) & xMask) !== 0) continue;
        let u = pp[j] as number;
        if (pageDomain !== null) u = pageDomain[u] as number;
        const m = mask[u] as number;
        if (m !== 0) mask[u] = m | EXCLUDED;
      }
    }
  }

  const k = q.minMatching;
  let nCand = 0;
  const { candidates, counts, linked } = scratch;
  for (let t = 0; t < nTouched; t++) {
    const u = touched[t] as number;
    const m = mask[u] as number;
    if (m & EXCLUDED) continue;
    const c = popcount(m & TARGET_BITS);
    if (c < k) continue;
    mask[u] = m | CANDIDATE;
    scratch.pos[u] = nCand;
    candidates[nCand] = u;
    counts[nCand] = c;
    linked[nCand] = m & TARGET_BITS;
    nCand++;
  }
  const access = linkAccess(resolved, tests, pageDomain, scratch);
  const targetLinks = (t: number): TargetLinks =>
    record ? (targets[t] ?? EMPTY) : access.targetLinks(t);
  const linksOfUnits = access.linksOfUnits;
  return {
    targetLinks,
    linksOfUnits,
    candidates: candidates.subarray(0, nCand),
    counts: counts.subarray(0, nCand),
    linked: linked.subarray(0, nCand),
    touched: touched.subarray(0, nTouched),
  };
}

const EMPTY: TargetLinks = { links: new Uint32Array(0), units: new Uint32Array(0) };

/**
 * Lazy access to the target sets A_t of a query after its candidates are marked (`pos`):
 * their links from candidates, or from chosen units, by walking the postings again.
 */
export function linkAccess(
  resolved: PostingSlice[][],
  tests: TargetTest[],
  pageDomain: Uint32Array | null,
  scratch: UnitScratch,
): Pick<Collected, 'targetLinks' | 'linksOfUnits'> {
  const mask = scratch.mask;
  const pos = scratch.pos;
  const memo = new Map<number, TargetLinks>();
  const targetLinks = (t: number): TargetLinks => {
    let found = memo.get(t);
    if (found === undefined) {
      const test = tests[t] ?? { mask: 0, want: 1 << 20, pred: null };
      found = rescan(resolved[t] ?? [], test, pageDomain, (u) => (pos[u] as number) >= 0);
      memo.set(t, found);
    }
    return found;
  };
  const linksOfUnits = (t: number, units: ArrayLike<number>): TargetLinks => {
    for (let i = 0; i < units.length; i++) {
      const u = units[i] as number;
      mask[u] = (mask[u] as number) | WANTED;
    }
    try {
      const test = tests[t] ?? { mask: 0, want: 1 << 20, pred: null };
      const links: number[] = [];
      const out: number[] = [];
      for (const s of resolved[t] ?? []) {
        const pf = s.flags;
        const pp = s.pages;
        for (let j = s.from; j < s.to; j++) {
          checkDeadline();
          if (((pf[j] as number) & test.mask) !== test.want) continue;
          let u = pp[j] as number;
          if (pageDomain !== null) u = pageDomain[u] as number;
          if (((mask[u] as number) & WANTED) === 0) continue;
          const l = s.postings[j] as number;
          if (test.pred !== null && !test.pred(l)) continue;
          links.push(l);
          out.push(u);
        }
      }
      return { links: Uint32Array.from(links), units: Uint32Array.from(out) };
    } finally {
      for (let i = 0; i < units.length; i++) {
        const u = units[i] as number;
        mask[u] = (mask[u] as number) & ~WANTED;
      }
    }
  };
  return { targetLinks, linksOfUnits };
}

/** The per-link tests of a query's targets (scope, internal exclusion, link filter). */
export function targetTests(q: IntersectQuery, fields: LinkFields): TargetTest[] {
  const { scopeMask, scopeWant } = scopeOf(q);
  return q.targets.map((_, i) =>
    targetTest(scopeMask, scopeWant, q.linkFilters[i] ?? null, (e) =>
      compileLinkPredicate(e, fields, q.internalListLimit),
    ),
  );
}

/** The links of one target set whose unit passes `keep`. */
function rescan(
  slices: PostingSlice[],
  test: TargetTest,
  pageDomain: Uint32Array | null,
  keep: (unit: number) => boolean,
): TargetLinks {
  const links: number[] = [];
  const units: number[] = [];
  for (const s of slices) {
    for (let j = s.from; j < s.to; j++) {
      checkDeadline();
      if (((s.flags[j] as number) & test.mask) !== test.want) continue;
      let u = s.pages[j] as number;
      if (pageDomain !== null) u = pageDomain[u] as number;
      if (!keep(u)) continue;
      const l = s.postings[j] as number;
      if (test.pred !== null && !test.pred(l)) continue;
      links.push(l);
      units.push(u);
    }
  }
  return { links: Uint32Array.from(links), units: Uint32Array.from(units) };
}

/** Reset the scratch arrays after a query. */
export function releaseScratch(scratch: UnitScratch, c: Collected): void {
  for (let t = 0; t < c.touched.length; t++) {
    const u = c.touched[t] as number;
    scratch.mask[u] = 0;
    scratch.pos[u] = -1;
  }
}
