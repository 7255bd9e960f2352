/**
 * The first phase in domain mode from roaring domain sets alone, when they are exact: no link
 * filters, indirect links included, status live (sets of live links) or all (any link). Internal
 * links are those from the target's own registrable domain, removed from its set.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { atLeast, type PageSets, without, withoutOne } from '../link-index/index.js';
import {
  type Collected,
  linkAccess,
  type TargetLinks,
  targetTests,
  type UnitScratch,
} from './collect.js';
import { checkDeadline } from './deadline.js';
import type { IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { resolveRanges, type SpecRanges, toSlices } from './resolve-targets.js';

/** `ownDomain` when the links point at more than one registrable domain. */
export const MIXED = -2;
const MAX_URLS_CHECKED = 10_000;

/** The one registrable domain every link into `r` points at, -1 for none, MIXED otherwise. */
export function ownDomain(v: IndexView, r: SpecRanges, hostDomain: Int32Array): number {
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

/** Pages grouped by domain (CSR): domain d's pages are `ids[offsets[d] … offsets[d + 1])`. */
export interface DomainPages {
  offsets: Uint32Array;
  ids: Uint32Array;
}

/** Group the source pages by domain. */
export function domainPages(v: IndexView): DomainPages {
  const offsets = new Uint32Array(v.nDomains + 1);
  const pd = v.page.domain;
  for (let p = 0; p < pd.length; p++) {
    const d = (pd[p] as number) + 1;
    offsets[d] = (offsets[d] as number) + 1;
  }
  for (let d = 0; d < v.nDomains; d++) {
    offsets[d + 1] = (offsets[d + 1] as number) + (offsets[d] as number);
  }
  const fill = offsets.slice(0, v.nDomains);
  const ids = new Uint32Array(pd.length);
  for (let p = 0; p < pd.length; p++) {
    const d = pd[p] as number;
    ids[fill[d] as number] = p;
    fill[d] = (fill[d] as number) + 1;
  }
  return { offsets, ids };
}

/** What the domain-set path needs besides the query. */
export interface DomainSetContext {
  sets: PageSets;
  hostDomain: Int32Array;
  domainPages: DomainPages;
  /** Per page and target, the page's links in A_t (see `linksOfPages`). */
  linksOfPages: (pages: number[]) => number[][][];
}

const ownLinksMemo = new WeakMap<object, TargetLinks[] | null>();

/**
 * A_t's links from `units` found through the domains' own pages' links, when those are fewer
 * than the targets' postings (memoised per `units` array); null otherwise.
 */
function fromOwnLinks(
  v: IndexView,
  ctx: DomainSetContext,
  units: ArrayLike<number>,
  walkCost: number,
): TargetLinks[] | null {
  const key = units as object;
  if (ownLinksMemo.has(key)) return ownLinksMemo.get(key) ?? null;
  const { offsets, ids } = ctx.domainPages;
  const start = v.page.linkStart;
  const pages: number[] = [];
  let cost = 0;
  for (let i = 0; i < units.length && cost <= walkCost; i++) {
    const d = units[i] as number;
    for (let j = offsets[d] as number; j < (offsets[d + 1] as number); j++) {
      checkDeadline();
      const p = ids[j] as number;
      pages.push(p);
      cost += (start[p + 1] as number) - (start[p] as number);
    }
  }
  let out: TargetLinks[] | null = null;
  if (cost <= walkCost) {
    const perPage = ctx.linksOfPages(pages);
    const nT = perPage[0]?.length ?? 0;
    out = [];
    for (let t = 0; t < nT; t++) {
      const links: number[] = [];
      const us: number[] = [];
      for (const [i, p] of pages.entries()) {
        for (const l of (perPage[i] as number[][])[t] as number[]) {
          links.push(l);
          us.push(v.page.domain[p] as number);
        }
      }
      out.push({ links: Uint32Array.from(links), units: Uint32Array.from(us) });
    }
  }
  ownLinksMemo.set(key, out);
  return out;
}

/** Run the first phase from domain sets, or null when they would not be exact. */
export function domainCandidates(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  ctx: DomainSetContext,
): Collected | null {
  const { sets, hostDomain } = ctx;
  // Domain sets count technical hosts' pages too; the posting walk drops them.
  if (!q.includeIndirect || q.status === 'lost' || q.excludeTechnicalHosts) return null;
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
      checkDeadline();
      const p = pos[ids[j] as number] as number;
      if (p < 0) continue;
      counts[p] = (counts[p] as number) + 1;
      linked[p] = (linked[p] as number) | (1 << t);
    }
  }
  const slices = ranges.map((r) => toSlices(v, r));
  const access = linkAccess(slices, targetTests(q, fields), v.page.domain, scratch);
  let walkCost = 0;
  for (const ss of slices) for (const x of ss) walkCost += x.to - x.from;
  return {
    targetLinks: access.targetLinks,
    linksOfUnits: (t, units) =>
      fromOwnLinks(v, ctx, units, walkCost)?.[t] ?? access.linksOfUnits(t, units),
    candidates: candidates.subarray(0, n),
    counts: counts.subarray(0, n),
    linked: linked.subarray(0, n),
    touched: units,
  };
}
