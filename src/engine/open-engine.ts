/**
 * `openEngine`: the `Engine` over the current link index generation under an index root.
 */
import type { IntersectQuery, RankScale, TargetSpec } from '../core/query/intersect-query.js';
import {
  type Bitmap,
  bitmapOf,
  type LinkIndexData,
  loadLinkIndex,
  type Manifest,
  PageSets,
} from '../link-index/index.js';
import { createUnitScratch, type UnitScratch } from './collect.js';
import {
  type DomainPages,
  domainCandidates,
  domainPages,
  hostDomains,
} from './domain-candidates.js';
import { exactPages, type PageSetContext } from './exact-pages.js';
import type {
  Evidence,
  IndexFacts,
  Overlap,
  ProspectPage,
  ProspectSink,
  ProspectSort,
  TargetFreshness,
} from './explore-types.js';
import { indexFacts } from './index-facts.js';
import { createIndexView, type IndexView } from './index-view.js';
import { createLinkFields, type LinkFields } from './link-fields.js';
import type { MozQuery, MozResult } from './moz-types.js';
import { runDomainQuery } from './run-domain.js';
import { prospectUnit, runEvidence } from './run-evidence.js';
import { runMozQuery } from './run-moz.js';
import { type PageStamp, runOverlap, targetFreshness } from './run-overlap.js';
import { runPageQuery } from './run-page.js';
import {
  orderProspects,
  type ProspectPlan,
  type ProspectSources,
  planProspects,
  prospectRows,
  sortNeedsAggregates,
} from './run-prospects.js';
import type {
  DomainIntersectionItem,
  Engine,
  IndexInfo,
  IntersectionResult,
  PageIntersectionItem,
} from './types.js';
import { linksOfPages, type SpecScratch, verifyPages } from './verify-pages.js';

/**
 * How candidates are found: `scan` walks the targets' postings; `auto` uses roaring sets where
 * they are exact or cheaper (domain mode: exact domain sets; page mode: page sets bounding the
 * candidates, then each page's links checked), `verify` forces the page-set check in page mode.
 */
export type PagePlan = 'auto' | 'scan' | 'verify';

/** Target freshness entries kept per generation. */
const FRESHNESS_CACHE = 1024;

/** Hosts with at least this many links get a precomputed page set. */
const POPULAR_HOST_LINKS = 1000;

/** The engine over one loaded generation. Queries run synchronously, one at a time. */
export class LinkIndexEngine implements Engine {
  readonly #view: IndexView;
  readonly #info: IndexInfo;
  readonly #fields = new Map<RankScale, LinkFields>();
  readonly #pages: UnitScratch;
  readonly #domains: UnitScratch;
  readonly #marks: SpecScratch;
  readonly #pageSets: PageSets;
  /** Milliseconds the generation took to load (page sets included). */
  readonly loadMs: number;

  readonly #plan: PagePlan;
  readonly #hostDomain: Int32Array;
  readonly #domainPages: DomainPages;
  readonly #ownPages = new Map<number, Bitmap>();
  readonly #manifest: Manifest;
  #facts: IndexFacts | null = null;
  readonly #freshnessCache = new Map<string, TargetFreshness>();
  #pageStamp: PageStamp;

  constructor(
    view: IndexView,
    manifest: Manifest,
    info: IndexInfo,
    loadMs: number,
    plan: PagePlan = 'auto',
  ) {
    this.#view = view;
    this.#manifest = manifest;
    this.#pageStamp = { stamp: new Uint32Array(view.nPages), epoch: 0 };
    this.#plan = plan;
    this.#info = info;
    this.#pages = createUnitScratch(view.nPages);
    this.#domains = createUnitScratch(view.nDomains);
    this.#marks = {
      hostBits: new Uint32Array(view.hosts.offsets.length - 1),
      urlBits: new Uint32Array(view.urls.name.count),
    };
    this.#pageSets = new PageSets(
      view.hosts,
      view.urls,
      view.link.page,
      view.page.domain,
      POPULAR_HOST_LINKS,
    );
    this.#hostDomain = hostDomains(view);
    this.#domainPages = domainPages(view);
    this.loadMs = loadMs + this.#pageSets.buildMs;
  }

  #pageSetContext(q: IntersectQuery, fields: LinkFields): PageSetContext {
    return {
      sets: this.#pageSets,
      hostDomain: this.#hostDomain,
      domainPages: this.#domainPages,
      linksOfPages: (pages) => linksOfPages(this.#view, q, fields, this.#marks, pages),
      pagesOfDomain: (d) => {
        let set = this.#ownPages.get(d);
        if (set === undefined) {
          const { offsets, ids } = this.#domainPages;
          set = bitmapOf(ids.subarray(offsets[d] as number, offsets[d + 1] as number));
          this.#ownPages.set(d, set);
        }
        return set;
      },
    };
  }

  #fieldsFor(scale: RankScale): LinkFields {
    let f = this.#fields.get(scale);
    if (f === undefined) {
      f = createLinkFields(this.#view, scale);
      this.#fields.set(scale, f);
    }
    return f;
  }

  async pageIntersection(q: IntersectQuery): Promise<IntersectionResult<PageIntersectionItem>> {
    if (q.source !== 'page') throw new Error('pageIntersection needs query.source = page');
    const fields = this.#fieldsFor(q.rankScale);
    const sources = this.#querySources(q);
    return guarded(this.#pages, () =>
      runPageQuery(this.#view, q, fields, this.#pages, sources.linksOfPages, sources.firstPhase),
    );
  }

  async domainIntersection(q: IntersectQuery): Promise<IntersectionResult<DomainIntersectionItem>> {
    if (q.source !== 'domain') throw new Error('domainIntersection needs query.source = domain');
    const fields = this.#fieldsFor(q.rankScale);
    const { firstPhase } = this.#querySources(q);
    return guarded(this.#domains, () =>
      runDomainQuery(this.#view, q, fields, this.#domains, firstPhase),
    );
  }

  async linkIntersect(q: MozQuery): Promise<MozResult> {
    const domainMode = q.query.source === 'domain';
    const fields = this.#fieldsFor(q.query.rankScale);
    const scratch = domainMode ? this.#domains : this.#pages;
    return guarded(scratch, () => runMozQuery(this.#view, q, fields, scratch, domainMode));
  }

  /**
   * How a query finds its candidates (roaring page/domain sets where they apply, null = `collect`)
   * and its pages' links: shared by the intersections and the explorer.
   */
  #querySources(q: IntersectQuery): ProspectSources {
    const fields = this.#fieldsFor(q.rankScale);
    const domainMode = q.source === 'domain';
    const linksOf = (pages: number[]) => linksOfPages(this.#view, q, fields, this.#marks, pages);
    const { offsets, ids } = this.#domainPages;
    return {
      firstPhase: () => {
        if (this.#plan === 'scan') return null;
        if (domainMode) {
          return domainCandidates(
            this.#view,
            q,
            fields,
            this.#domains,
            this.#pageSetContext(q, fields),
          );
        }
        return (
          (this.#plan === 'auto'
            ? exactPages(this.#view, q, fields, this.#pages, this.#pageSetContext(q, fields))
            : null) ??
          verifyPages(
            this.#view,
            q,
            fields,
            this.#pages,
            this.#marks,
            this.#pageSets,
            this.#plan === 'verify',
          )
        );
      },
      linksOfPages: linksOf,
      pagesOfDomain: (d) => ids.subarray(offsets[d] as number, offsets[d + 1] as number),
    };
  }

  /** The plan of `q`; with every candidate's aggregates when the sort (or `every`) needs them. */
  #prospectPlan(
    q: IntersectQuery,
    sort: ProspectSort,
    sources: ProspectSources,
    every = false,
  ): ProspectPlan {
    const domainMode = q.source === 'domain';
    const scratch = domainMode ? this.#domains : this.#pages;
    const fields = this.#fieldsFor(q.rankScale);
    const all = every || sortNeedsAggregates(sort.field, domainMode);
    return guarded(scratch, () =>
      planProspects(this.#view, q, fields, scratch, domainMode, sources, all),
    );
  }

  async prospects(q: IntersectQuery, sort: ProspectSort): Promise<ProspectPage> {
    const sources = this.#querySources(q);
    const plan = this.#prospectPlan(q, sort, sources);
    const window = orderProspects(this.#view, plan, sort, q.offset, q.limit);
    return { total: plan.units.length, items: prospectRows(this.#view, plan, window, sources) };
  }

  async exportProspects(
    q: IntersectQuery,
    sort: ProspectSort,
    sink: ProspectSink,
    chunk = 1000,
  ): Promise<number> {
    const sources = this.#querySources(q);
    // Every row is wanted: one pass over the targets' postings beats per-page link walks.
    const plan = this.#prospectPlan(q, sort, sources, true);
    const all = orderProspects(this.#view, plan, sort, 0, plan.units.length);
    await sink.begin(all.length);
    for (let i = 0; i < all.length; i += chunk) {
      await sink.rows(prospectRows(this.#view, plan, all.slice(i, i + chunk), sources));
    }
    return all.length;
  }

  async overlap(q: IntersectQuery, combinations: number): Promise<Overlap> {
    const domainMode = q.source === 'domain';
    const scratch = domainMode ? this.#domains : this.#pages;
    const fields = this.#fieldsFor(q.rankScale);
    const any = { ...q, minMatching: 1 };
    const first = this.#querySources(any).firstPhase;
    return guarded(scratch, () =>
      runOverlap(this.#view, any, fields, scratch, domainMode, combinations, first, (t) =>
        this.#freshness(t),
      ),
    );
  }

  /** A target's freshness, computed once per generation (it depends on no query option). */
  #freshness(t: TargetSpec): TargetFreshness {
    const key = `${t.kind} ${t.includeSubdomains ? 1 : 0} ${t.value}`;
    let f = this.#freshnessCache.get(key);
    if (f === undefined) {
      if (this.#freshnessCache.size >= FRESHNESS_CACHE) this.#freshnessCache.clear();
      f = targetFreshness(this.#view, t, this.#pageStamp);
      this.#freshnessCache.set(key, f);
    }
    return f;
  }

  async evidence(q: IntersectQuery, prospect: string, limit: number): Promise<Evidence | null> {
    const domainMode = q.source === 'domain';
    const u = prospectUnit(this.#view, this.#domainPages, prospect, domainMode);
    if (u < 0) return null;
    const sources = this.#querySources(q);
    const pages = domainMode ? Array.from(sources.pagesOfDomain(u)) : [u];
    return runEvidence(this.#view, q, prospect, pages, sources.linksOfPages, limit);
  }

  async facts(): Promise<IndexFacts> {
    this.#facts ??= indexFacts(this.#view, this.#manifest);
    return this.#facts;
  }

  info(): IndexInfo {
    return { ...this.#info };
  }

  async close(): Promise<void> {}
}

/** Run a query; if it fails half-way, reset the scratch arrays it may have left dirty. */
function guarded<T>(scratch: UnitScratch, run: () => T): T {
  try {
    return run();
  } catch (error) {
    scratch.mask.fill(0);
    scratch.pos.fill(-1);
    throw error;
  }
}

/** Load the current generation under `indexRoot` and return its engine. */
export async function openEngine(indexRoot: string): Promise<Engine> {
  return openLinkIndexEngine(indexRoot);
}

/** `openEngine` with the concrete type (load time included) and a page plan (tests, benches). */
export async function openLinkIndexEngine(
  indexRoot: string,
  plan: PagePlan = 'auto',
): Promise<LinkIndexEngine> {
  return engineFromData(await loadLinkIndex(indexRoot), plan);
}

/** The engine over a generation already in memory (a file load, or hydrated query rows). */
export function engineFromData(data: LinkIndexData, plan: PagePlan = 'auto'): LinkIndexEngine {
  const view = createIndexView(data);
  const m = data.manifest;
  return new LinkIndexEngine(
    view,
    m,
    {
      generation: m.generation,
      builtAt: m.builtAt,
      links: m.counts.links,
      pages: m.counts.pages,
      domains: m.counts.referringDomains,
    },
    data.loadMs,
    plan,
  );
}
