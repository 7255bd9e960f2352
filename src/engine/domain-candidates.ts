/**
 * The first phase in domain mode from roaring domain sets alone, when they are exact: no link
 * filters, indirect links included, status live (sets of live links) or all (any link). Internal
 * links are those from the target's own registrable domain, removed from its set.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { atLeast, type PageSets, without, withoutOne } from '../link-index/index.js';
import { type Collected, linkAccess, targetTests, type UnitScratch } from './collect.js';
import type { IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { resolveRanges, type SpecRanges, toSlices } from './resolve-targets.js';

const MIXED = -2;
const MAX_URLS_CHECKED = 10_000;

/** The one registrable domain every link into `r` points at, -1 for none, MIXED otherwise. */
function ownDomain(v: IndexView, r: SpecRanges, hostDomain: Int32Array): number {
  let d = -1;
  const see = (x: number): boolean => {
    if (x < 0) return true;
    if (d === -1) d = x;
    return d === x;
  };
  for (const [a, b] of r.hosts) {
    for (let h = a; h < b; h++) if (!see(hostDomain[h] as number)) return MIXED;
  }
  for (const [a, b] of r.urls) {
    if (b - a > MAX_URLS_CHECKED) return MIXED;
    for (let u = a; u < b; u++) {
      if (!see(hostDomain[v.urls.host[u] as number] as number)) return MIXED;
    }
  }
  return d;
}

/** The registrable domain id the links to each host point at (-1: a host without links). */
export function hostDomains(v: IndexView): Int32Array {
  const n = v.hosts.offsets.length - 1;
  const out = new Int32Array(n).fill(-1);
  const ids = v.link.domainTo.ids;
  for (let h = 0; h < n; h++) {
    const from = v.hosts.offsets[h] as number;
    if (from === (v.hosts.offsets[h + 1] as number)) continue;
    const d = ids[v.hosts.postings[from] as number] as number;
    out[h] = d === v.link.domainTo.nul ? -1 : d;
  }
  return out;
}

/** Run the first phase from domain sets, or null when they would not be exact. */
export function domainCandidates(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  sets: PageSets,
  hostDomain: Int32Array,
): Collected | null {
  if (!q.includeIndirect || q.status === 'lost') return null;
  if (q.linkFilters.some((f) => f !== null && f !== undefined)) return null;
  const live = q.status === 'live';
  const ranges = q.targets.map((t) => resolveRanges(v, t));
  const bounds = [];
  for (const r of ranges) {
    let set = sets.domainsOf(r.hosts, r.urls, live);
    if (q.excludeInternal) {
      const own = ownDomain(v, r, hostDomain);
      if (own === MIXED) return null;
      if (own >= 0) set = withoutOne(set, own);
    }
    bounds.push(set);
  }
  let found = atLeast(bounds, q.minMatching);
  if (q.excludes.length > 0) {
    const ex = q.excludes.map((e) => resolveRanges(v, e));
    const excluded = sets.domainsOf(
      ex.flatMap((r) => r.hosts),
      ex.flatMap((r) => r.urls),
      live,
    );
    found = without(found, excluded);
  }
  const units = found.toUint32Array();
  const n = units.length;
  const { pos, candidates, counts, linked } = scratch;
  for (let i = 0; i < n; i++) {
    const u = units[i] as number;
    pos[u] = i;
    candidates[i] = u;
    counts[i] = 0;
    linked[i] = 0;
  }
  for (const [t, set] of bounds.entries()) {
    const ids = set.toUint32Array();
    for (let j = 0; j < ids.length; j++) {
      const p = pos[ids[j] as number] as number;
      if (p < 0) continue;
      counts[p] = (counts[p] as number) + 1;
      linked[p] = (linked[p] as number) | (1 << t);
    }
  }
  const access = linkAccess(
    ranges.map((r) => toSlices(v, r)),
    targetTests(q, fields),
    v.page.domain,
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
