/**
 * The explorer's prospect table on the index: candidates from `collect` (link filters, excludes,
 * k of n), per-candidate aggregates over their counted backlinks, a sort on one column with a
 * unique tie-break, and compact rows. The plan owns its arrays, so the scratch is released before
 * rows are built and an export can hydrate its rows in chunks while other queries run.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { NULL_I16 } from '../link-index/index.js';
import { collect, releaseScratch, type UnitScratch } from './collect.js';
import type { ProspectRow, ProspectSort } from './explore-types.js';
import { dictText, type IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { compareBy, type SortKey, selectWindow } from './top-n.js';
import { formatSeconds, scaleRankValue } from './values.js';

/** The candidates of a query and their aggregates, in candidate order. */
export interface ProspectPlan {
  domainMode: boolean;
  targets: number;
  units: Uint32Array;
  counts: Uint8Array;
  linked: Uint32Array;
  backlinks: Uint32Array;
  /** Seconds; 0xffffffff = none. */
  firstSeen: Uint32Array;
  lastSeen: Uint32Array;
  /** Domains: the best raw page rank of the linking pages (NULL_I16 = none). */
  bestPageRank: Int16Array;
}

const NONE = 0xffffffff;

/** Collect the candidates of `q` and aggregate their counted backlinks. */
export function planProspects(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  domainMode: boolean,
): ProspectPlan {
  const c = collect(v, q, fields, scratch, domainMode, false);
  try {
    const n = c.candidates.length;
    const plan: ProspectPlan = {
      domainMode,
      targets: q.targets.length,
      units: Uint32Array.from(c.candidates),
      counts: Uint8Array.from(c.counts),
      linked: Uint32Array.from(c.linked),
      backlinks: new Uint32Array(n),
      firstSeen: new Uint32Array(n).fill(NONE),
      lastSeen: new Uint32Array(n),
      bestPageRank: new Int16Array(n).fill(NULL_I16),
    };
    const pos = scratch.pos;
    for (let t = 0; t < q.targets.length; t++) {
      const set = c.targetLinks(t);
      for (let j = 0; j < set.links.length; j++) {
        const i = pos[set.units[j] as number] as number;
        if (i < 0) continue;
        const l = set.links[j] as number;
        plan.backlinks[i] = (plan.backlinks[i] as number) + 1;
        const first = v.link.firstSeen[l] as number;
        if (first < (plan.firstSeen[i] as number)) plan.firstSeen[i] = first;
        const last = v.link.lastSeen[l] as number;
        if (last > (plan.lastSeen[i] as number)) plan.lastSeen[i] = last;
        if (domainMode) {
          const r = v.page.pageRank[v.link.page[l] as number] as number;
          if (r !== NULL_I16 && r > (plan.bestPageRank[i] as number)) plan.bestPageRank[i] = r;
        }
      }
    }
    return plan;
  } finally {
    releaseScratch(scratch, c);
  }
}

/** Raw 0–1000 ranks and scores per candidate (NaN = unknown). */
function columnOf(v: IndexView, plan: ProspectPlan, field: ProspectSort['field']): Float64Array {
  const n = plan.units.length;
  const out = new Float64Array(n);
  const i16 = (x: number) => (x === NULL_I16 ? Number.NaN : x);
  for (let i = 0; i < n; i++) {
    const u = plan.units[i] as number;
    const d = plan.domainMode ? u : (v.page.domain[u] as number);
    switch (field) {
      case 'matches':
        out[i] = plan.counts[i] as number;
        break;
      case 'domain_rank':
        out[i] = i16(v.domain.rank[d] as number);
        break;
      case 'page_rank':
        out[i] = i16(
          plan.domainMode ? (plan.bestPageRank[i] as number) : (v.page.pageRank[u] as number),
        );
        break;
      case 'spam_score':
        out[i] = i16(
          plan.domainMode ? (v.domain.spamScore[u] as number) : (v.page.spamScore[u] as number),
        );
        break;
      case 'backlinks':
        out[i] = plan.backlinks[i] as number;
        break;
      case 'first_seen': {
        const s = plan.firstSeen[i] as number;
        out[i] = s === NONE ? Number.NaN : s;
        break;
      }
      case 'prospect':
        out[i] = u;
        break;
    }
  }
  if (field === 'prospect' && !plan.domainMode) {
    // Page ids follow the source domain, not the URL: rank the URLs as strings instead.
    const urls = Array.from(plan.units, (u) => v.page.url.get(u));
    const order = Array.from(urls.keys()).sort((a, b) => {
      const x = urls[a] as string;
      const y = urls[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    order.forEach((i, rank) => {
      out[i] = rank;
    });
  }
  return out;
}

/** Candidate positions in the sort's order: all of them, or the window `[offset, offset+limit)`. */
export function orderProspects(
  v: IndexView,
  plan: ProspectPlan,
  sort: ProspectSort,
  offset: number,
  limit: number,
): number[] {
  const keys: SortKey[] = [{ values: columnOf(v, plan, sort.field), desc: sort.dir === 'desc' }];
  if (sort.field !== 'matches') keys.push({ values: columnOf(v, plan, 'matches'), desc: true });
  if (sort.field !== 'domain_rank') {
    keys.push({ values: columnOf(v, plan, 'domain_rank'), desc: true });
  }
  const all = Array.from(plan.units.keys());
  return selectWindow(all, compareBy(keys, plan.units), offset, limit);
}

/** The rows of candidate positions `at`. */
export function prospectRows(
  v: IndexView,
  plan: ProspectPlan,
  at: readonly number[],
): ProspectRow[] {
  const rank = (x: number) => scaleRankValue(x === NULL_I16 ? null : x, 'one_hundred');
  const score = (x: number) => (x === NULL_I16 ? null : x);
  return at.map((i) => {
    const u = plan.units[i] as number;
    const d = plan.domainMode ? u : (v.page.domain[u] as number);
    const mask = plan.linked[i] as number;
    const first = plan.firstSeen[i] as number;
    const last = plan.lastSeen[i] as number;
    return {
      prospect: plan.domainMode ? v.domain.name.get(u) : v.page.url.get(u),
      title: plan.domainMode ? null : dictText(v.page.title, u),
      domainRank: rank(v.domain.rank[d] as number),
      pageRank: rank(
        plan.domainMode ? (plan.bestPageRank[i] as number) : (v.page.pageRank[u] as number),
      ),
      spamScore: score(
        plan.domainMode ? (v.domain.spamScore[u] as number) : (v.page.spamScore[u] as number),
      ),
      matches: plan.counts[i] as number,
      linked: Array.from({ length: plan.targets }, (_, t) => (mask & (1 << t)) !== 0),
      backlinks: plan.backlinks[i] as number,
      firstSeen: first === NONE ? null : formatSeconds(first),
      lastSeen: first === NONE ? null : formatSeconds(last),
    };
  });
}
