/**
 * `openEngine`: the `Engine` over the current link index generation under an index root.
 */
import type { IntersectQuery, RankScale } from '../core/query/intersect-query.js';
import { loadLinkIndex } from '../link-index/index.js';
import type { UnitScratch } from './collect.js';
import { createIndexView, type IndexView } from './index-view.js';
import { createLinkFields, type LinkFields } from './link-fields.js';
import { runDomainQuery } from './run-domain.js';
import { runPageQuery } from './run-page.js';
import type {
  DomainIntersectionItem,
  Engine,
  IndexInfo,
  IntersectionResult,
  PageIntersectionItem,
} from './types.js';

function newScratch(n: number): UnitScratch {
  return { mask: new Uint32Array(n), pos: new Int32Array(n).fill(-1) };
}

/** The engine over one loaded generation. Queries run synchronously, one at a time. */
export class LinkIndexEngine implements Engine {
  readonly #view: IndexView;
  readonly #info: IndexInfo;
  readonly #fields = new Map<RankScale, LinkFields>();
  readonly #pages: UnitScratch;
  readonly #domains: UnitScratch;
  /** Milliseconds the generation took to load. */
  readonly loadMs: number;

  constructor(view: IndexView, info: IndexInfo, loadMs: number) {
    this.#view = view;
    this.#info = info;
    this.loadMs = loadMs;
    this.#pages = newScratch(view.nPages);
    this.#domains = newScratch(view.nDomains);
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
    return guarded(this.#pages, () =>
      runPageQuery(this.#view, q, this.#fieldsFor(q.rankScale), this.#pages),
    );
  }

  async domainIntersection(q: IntersectQuery): Promise<IntersectionResult<DomainIntersectionItem>> {
    if (q.source !== 'domain') throw new Error('domainIntersection needs query.source = domain');
    return guarded(this.#domains, () =>
      runDomainQuery(this.#view, q, this.#fieldsFor(q.rankScale), this.#domains),
    );
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

/** `openEngine` with the concrete type (load time included). */
export async function openLinkIndexEngine(indexRoot: string): Promise<LinkIndexEngine> {
  const data = await loadLinkIndex(indexRoot);
  const view = createIndexView(data);
  const m = data.manifest;
  return new LinkIndexEngine(
    view,
    {
      generation: m.generation,
      builtAt: m.builtAt,
      links: m.counts.links,
      pages: m.counts.pages,
      domains: m.counts.referringDomains,
    },
    data.loadMs,
  );
}
