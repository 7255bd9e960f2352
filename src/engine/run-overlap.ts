/**
 * The explorer's overlap view: how many prospects link to 1, 2, … n targets, the largest exact
 * combinations, prospects per target (the query with `minMatching` = 1, excludes and link
 * filters applied), and how fresh each target's backlinks are.
 */
import type { IntersectQuery, TargetSpec } from '../core/query/intersect-query.js';
import { describeTarget } from '../core/query/target-label.js';
import { LINK_FLAG } from '../link-index/index.js';
import { type Collected, collect, popcount, releaseScratch, type UnitScratch } from './collect.js';
import { checkDeadline } from './deadline.js';
import type { Overlap, TargetFreshness } from './explore-types.js';
import type { IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { resolveSpec } from './resolve-targets.js';
import { formatSeconds } from './values.js';

/** A per-page stamp array for counting distinct pages without a Set (reused across calls). */
export interface PageStamp {
  stamp: Uint32Array;
  epoch: number;
}

/**
 * Run the overlap of `q` (its `minMatching` must be 1); `combinations` caps the combinations
 * listed; `firstPhase` may find the candidates faster than `collect` (null = use collect).
 */
export function runOverlap(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  domainMode: boolean,
  combinations: number,
  firstPhase: () => Collected | null,
  freshness: (t: TargetSpec) => TargetFreshness,
): Overlap {
  const n = q.targets.length;
  const byCount = new Array<number>(n).fill(0);
  const perCompetitor = new Array<number>(n).fill(0);
  const combos = new Map<number, number>();
  const c = firstPhase() ?? collect(v, q, fields, scratch, domainMode, false);
  try {
    for (let i = 0; i < c.candidates.length; i++) {
      const m = c.linked[i] as number;
      const k = popcount(m);
      byCount[k - 1] = (byCount[k - 1] as number) + 1;
      for (let t = 0; t < n; t++)
        if (m & (1 << t)) perCompetitor[t] = (perCompetitor[t] as number) + 1;
      combos.set(m, (combos.get(m) ?? 0) + 1);
    }
  } finally {
    releaseScratch(scratch, c);
  }
  const top = [...combos]
    .sort((a, b) => b[1] - a[1] || popcount(b[0]) - popcount(a[0]) || a[0] - b[0])
    .slice(0, combinations)
    .map(([mask, prospects]) => ({
      competitors: Array.from({ length: n }, (_, t) => t).filter((t) => mask & (1 << t)),
      prospects,
    }));
  return {
    byCount,
    combinations: top,
    perCompetitor,
    freshness: q.targets.map(freshness),
  };
}

/** Counts and dates of every backlink to `t` in the index (no link option applied). */
export function targetFreshness(v: IndexView, t: TargetSpec, seen: PageStamp): TargetFreshness {
  let backlinks = 0;
  let live = 0;
  let pages = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  seen.epoch++;
  if (seen.epoch === 0xffffffff) {
    seen.stamp.fill(0);
    seen.epoch = 1;
  }
  const epoch = seen.epoch;
  const stamp = seen.stamp;
  for (const s of resolveSpec(v, t)) {
    for (let j = s.from; j < s.to; j++) {
      checkDeadline();
      const l = s.postings[j] as number;
      backlinks++;
      if (((s.flags[j] as number) & LINK_FLAG.lost) === 0) {
        live++;
        const p = s.pages[j] as number;
        if (stamp[p] !== epoch) {
          stamp[p] = epoch;
          pages++;
        }
      }
      const f = v.link.firstSeen[l] as number;
      if (f < first) first = f;
      const ls = v.link.lastSeen[l] as number;
      if (ls > last) last = ls;
    }
  }
  return {
    target: describeTarget(t),
    backlinks,
    liveBacklinks: live,
    referringPages: pages,
    lastSeen: backlinks === 0 ? null : formatSeconds(last),
    firstSeen: backlinks === 0 ? null : formatSeconds(first),
  };
}
