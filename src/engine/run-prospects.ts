/**
 * The explorer's prospect table on the index: candidates from the engine's first phase (roaring
 * page/domain sets where they apply, else `collect`: link filters, excludes, k of n), a sort on
 * one column with a unique tie-break, and compact rows. Aggregates over a prospect's counted
 * backlinks (count, first/last seen, best page rank) are computed for every candidate only when
 * the sort needs them; otherwise for the rows returned, from their pages' own links. The plan
 * owns its arrays, so the scratch is released before rows are built and an export can hydrate
 * its rows in chunks while other queries run.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { NULL_I16 } from '../link-index/index.js';
import { type Collected, collect, releaseScratch, type UnitScratch } from './collect.js';
import { checkDeadline } from './deadline.js';
import type { ProspectRow, ProspectSort, ProspectSortField } from './explore-types.js';
import { dictText, type IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import { compareBy, type SortKey, selectWindow } from './top-n.js';
import { formatSeconds, scaleRankValue } from './values.js';

/** Per prospect: its counted backlinks' count, dates and best source page rank. */
export interface ProspectAggregates {
  backlinks: Uint32Array;
  /** Seconds; 0xffffffff = none. */
  firstSeen: Uint32Array;
  lastSeen: Uint32Array;
  /** The best raw page rank of the linking pages (NULL_I16 = none; used in domain mode). */
  bestPageRank: Int16Array;
}

/** The candidates of a query, in candidate order, with their aggregates when the sort needs them. */
export interface ProspectPlan {
  domainMode: boolean;
  targets: number;
  units: Uint32Array;
  counts: Uint8Array;
  linked: Uint32Array;
  /** Per candidate, or null: compute them for the rows returned (`prospectRows`). */
  aggregates: ProspectAggregates | null;
}

/** What the plan needs from the engine: its first phase and per-page link lists. */
export interface ProspectSources {
  /** The engine's fast first phase, or null when `collect` must do. */
  firstPhase: () => Collected | null;
  /** Per page and target: the page's links in A_t (`linksOfPages`). */
  linksOfPages: (pages: number[]) => number[][][];
  /** The source pages of a domain. */
  pagesOfDomain: (domain: number) => ArrayLike<number>;
}

const NONE = 0xffffffff;

/** True when sorting by `field` needs every candidate's aggregates. */
export function sortNeedsAggregates(field: ProspectSortField, domainMode: boolean): boolean {
  return field === 'backlinks' || field === 'first_seen' || (domainMode && field === 'page_rank');
}

function emptyAggregates(n: number): ProspectAggregates {
  return {
    backlinks: new Uint32Array(n),
    firstSeen: new Uint32Array(n).fill(NONE),
    lastSeen: new Uint32Array(n),
    bestPageRank: new Int16Array(n).fill(NULL_I16),
  };
}

/** Add link `l` to prospect position `i`. */
function addLink(v: IndexView, a: ProspectAggregates, i: number, l: number): void {
  a.backlinks[i] = (a.backlinks[i] as number) + 1;
  const first = v.link.firstSeen[l] as number;
  if (first < (a.firstSeen[i] as number)) a.firstSeen[i] = first;
  const last = v.link.lastSeen[l] as number;
  if (last > (a.lastSeen[i] as number)) a.lastSeen[i] = last;
  const r = v.page.pageRank[v.link.page[l] as number] as number;
  if (r !== NULL_I16 && r > (a.bestPageRank[i] as number)) a.bestPageRank[i] = r;
}

/** Find the candidates of `q` (and every aggregate when `withAggregates`). */
export function planProspects(
  v: IndexView,
  q: IntersectQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  domainMode: boolean,
  sources: ProspectSources,
  withAggregates: boolean,
): ProspectPlan {
  const c = sources.firstPhase() ?? collect(v, q, fields, scratch, domainMode, false);
  try {
    const n = c.candidates.length;
    const plan: ProspectPlan = {
      domainMode,
      targets: q.targets.length,
      units: Uint32Array.from(c.candidates),
      counts: Uint8Array.from(c.counts),
      linked: Uint32Array.from(c.linked),
      aggregates: null,
    };
    if (withAggregates) {
      const a = emptyAggregates(n);
      const pos = scratch.pos;
      for (let t = 0; t < q.targets.length; t++) {
        const set = c.targetLinks(t);
        for (let j = 0; j < set.links.length; j++) {
          checkDeadline();
          const i = pos[set.units[j] as number] as number;
          if (i >= 0) addLink(v, a, i, set.links[j] as number);
        }
      }
      plan.aggregates = a;
    }
    return plan;
  } finally {
    releaseScratch(scratch, c);
  }
}

/** The aggregates of candidate positions `at` (aligned with `at`), from their pages' links. */
function aggregatesOf(
  v: IndexView,
  plan: ProspectPlan,
  at: readonly number[],
  sources: ProspectSources,
): ProspectAggregates {
  const a = emptyAggregates(at.length);
  const pages: number[] = [];
  const owner: number[] = [];
  at.forEach((i, k) => {
    const u = plan.units[i] as number;
    if (!plan.domainMode) {
      pages.push(u);
      owner.push(k);
      return;
    }
    const own = sources.pagesOfDomain(u);
    for (let j = 0; j < own.length; j++) {
      pages.push(own[j] as number);
      owner.push(k);
    }
  });
  const lists = sources.linksOfPages(pages);
  lists.forEach((perTarget, j) => {
    const k = owner[j] as number;
    for (const links of perTarget) for (const l of links) addLink(v, a, k, l);
  });
  return a;
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
          plan.domainMode
            ? (plan.aggregates?.bestPageRank[i] as number)
            : (v.page.pageRank[u] as number),
        );
        break;
      case 'spam_score':
        out[i] = i16(
          plan.domainMode ? (v.domain.spamScore[u] as number) : (v.page.spamScore[u] as number),
        );
        break;
      case 'backlinks':
        out[i] = plan.aggregates?.backlinks[i] as number;
        break;
      case 'first_seen': {
        const s = plan.aggregates?.firstSeen[i] as number;
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
  sources: ProspectSources,
): ProspectRow[] {
  const rank = (x: number) => scaleRankValue(x === NULL_I16 ? null : x, 'one_hundred');
  const score = (x: number) => (x === NULL_I16 ? null : x);
  const local = plan.aggregates === null ? aggregatesOf(v, plan, at, sources) : null;
  const a = local ?? (plan.aggregates as ProspectAggregates);
  return at.map((i, k) => {
    const j = local === null ? i : k;
    const u = plan.units[i] as number;
    const d = plan.domainMode ? u : (v.page.domain[u] as number);
    const mask = plan.linked[i] as number;
    const first = a.firstSeen[j] as number;
    const last = a.lastSeen[j] as number;
    return {
      prospect: plan.domainMode ? v.domain.name.get(u) : v.page.url.get(u),
      title: plan.domainMode ? null : dictText(v.page.title, u),
      domainRank: rank(v.domain.rank[d] as number),
      pageRank: rank(
        plan.domainMode ? (a.bestPageRank[j] as number) : (v.page.pageRank[u] as number),
      ),
      spamScore: score(
        plan.domainMode ? (v.domain.spamScore[u] as number) : (v.page.spamScore[u] as number),
      ),
      matches: plan.counts[i] as number,
      linked: Array.from({ length: plan.targets }, (_, t) => (mask & (1 << t)) !== 0),
      backlinks: a.backlinks[j] as number,
      firstSeen: first === NONE ? null : formatSeconds(first),
      lastSeen: first === NONE ? null : formatSeconds(last),
    };
  });
}
