/**
 * The first phase in page mode from roaring page sets alone, when they are exact: indirect
 * links included, no link filter beyond `dofollow = true`, status live (or all without a
 * filter); internal links are the pages of the target's own registrable domain, removed.
 * Candidates, counts and the exclusion then cost a few bitmap operations.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import {
  atLeast,
  type Bitmap,
  LINK_FLAG,
  PAGE_SET_TESTS,
  type PageSetKind,
  without,
} from '../link-index/index.js';
import { type Collected, linkAccess, targetTests, type UnitScratch } from './collect.js';
import { checkDeadline } from './deadline.js';
import { type DomainSetContext, MIXED, ownDomain } from './domain-candidates.js';
import type { IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { resolveRanges, toSlices } from './resolve-targets.js';

/** `DomainSetContext` plus the page set of a domain's own pages. */
export interface PageSetContext extends DomainSetContext {
  pagesOfDomain(domain: number): Bitmap;
}

function kindFor(mask: number, want: number): PageSetKind | null {
  for (const [kind, t] of Object.entries(PAGE_SET_TESTS)) {
    if (t.mask === mask && t.want === want) return kind as PageSetKind;
  }
  return null;
}

/** Run the first phase from page sets, or null when they would not be exact. */
export function exactPages(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  ctx: PageSetContext,
): Collected | null {
  if (!q.includeIndirect) return null;
  const tests = targetTests(q, fields);
  const ranges = q.targets.map((t) => resolveRanges(v, t));
  const sets: Bitmap[] = [];
  for (const [i, r] of ranges.entries()) {
    const test = tests[i];
    if (test === undefined || test.pred !== null) return null;
    const kind = kindFor(test.mask & ~LINK_FLAG.internal, test.want);
    if (kind === null) return null;
    let set = ctx.sets.pagesOf(r.hosts, r.urls, kind);
    if (test.mask & LINK_FLAG.internal) {
      const own = ownDomain(v, r, ctx.hostDomain);
      if (own === MIXED) return null;
      if (own >= 0) set = without(set, ctx.pagesOfDomain(own));
    }
    sets.push(set);
  }
  let found = atLeast(sets, q.minMatching);
  if (q.excludes.length > 0) {
    const ex = q.excludes.map((e) => resolveRanges(v, e));
    const excluded = ctx.sets.pagesOf(
      ex.flatMap((r) => r.hosts),
      ex.flatMap((r) => r.urls),
      q.status === 'live' ? 'live' : 'any',
    );
    found = without(found, excluded);
  }
  const units = found.toUint32Array();
  const n = units.length;
  const { pos, candidates, counts, linked } = scratch;
  const all = sets.length === q.minMatching;
  const allBits = sets.length >= 31 ? 0 : (1 << sets.length) - 1;
  for (let i = 0; i < n; i++) {
    const u = units[i] as number;
    pos[u] = i;
    candidates[i] = u;
    counts[i] = all ? sets.length : 0;
    linked[i] = all ? allBits : 0;
  }
  if (!all) {
    for (const [t, set] of sets.entries()) {
      const ids = set.toUint32Array();
      for (let j = 0; j < ids.length; j++) {
        checkDeadline();
        const p = pos[ids[j] as number] as number;
        if (p < 0) continue;
        counts[p] = (counts[p] as number) + 1;
        linked[p] = (linked[p] as number) | (1 << t);
      }
    }
  }
  const access = linkAccess(
    ranges.map((r) => toSlices(v, r)),
    tests,
    null,
    scratch,
  );
  return {
    ...access,
    candidates: candidates.subarray(0, n),
    counts: counts.subarray(0, n),
    linked: linked.subarray(0, n),
    touched: units,
  };
}
