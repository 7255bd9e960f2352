/**
 * The engine seam: the only API the fronts (HTTP, MCP, CLI) call. Results use DataForSEO's
 * page_intersection / domain_intersection `result[0]` shapes (spec/dataforseo.md §8–§9), key
 * order included; other fronts translate from them.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import type {
  Evidence,
  IndexFacts,
  Overlap,
  ProspectPage,
  ProspectSink,
  ProspectSort,
} from './explore-types.js';
import type { MozQuery, MozResult } from './moz-types.js';

/** One hop of an indirect link. */
export interface IndirectHop {
  type: string;
  status_code: number | null;
  url: string;
}

/**
 * One backlink of a page_intersection item: the 45 fields of DataForSEO's
 * `BacklinksPageIntersection`, in this order. Times are `"YYYY-MM-DD hh:mm:ss +00:00"`; ranks are
 * in the query's rank scale; `attributes` and `domain_from_platform_type` are capped by
 * `internalListLimit` and null when empty.
 */
export interface Backlink {
  type: 'backlinks_page_intersection';
  domain_from: string;
  url_from: string;
  url_from_https: boolean;
  domain_to: string;
  url_to: string;
  url_to_https: boolean;
  tld_from: string;
  is_new: boolean;
  is_lost: boolean;
  backlink_spam_score: number | null;
  rank: number | null;
  page_from_rank: number | null;
  domain_from_rank: number | null;
  domain_from_platform_type: string[] | null;
  domain_from_is_ip: boolean;
  domain_from_ip: string | null;
  domain_from_country: string | null;
  page_from_external_links: number | null;
  page_from_internal_links: number | null;
  page_from_size: number | null;
  page_from_encoding: string | null;
  page_from_language: string | null;
  page_from_title: string | null;
  page_from_status_code: number | null;
  first_seen: string;
  prev_seen: string | null;
  last_seen: string;
  item_type: string;
  attributes: string[] | null;
  dofollow: boolean;
  original: boolean;
  alt: string | null;
  anchor: string | null;
  text_pre: string | null;
  text_post: string | null;
  semantic_location: string;
  links_count: number;
  group_count: number;
  is_broken: boolean;
  url_to_status_code: number | null;
  url_to_spam_score: number | null;
  url_to_redirect_target: string | null;
  is_indirect_link: boolean;
  indirect_link_path: IndirectHop[] | null;
  /** With `explainSpam` only (our extension): the source page's fired spam signals, by bit. */
  backlink_spam_signals?: SpamSignalHit[] | null;
}

/** A spam signal that fired (`SPAM_SIGNALS`): its code and weight in score points. */
export interface SpamSignalHit {
  signal: string;
  weight: number;
}

/** A spam signal over a set of pages: on how many of them it fired. */
export interface SpamSignalCount extends SpamSignalHit {
  pages: number;
}

/** A count map (`referring_links_types` …): keys by count desc, then key asc. */
export type CountMap = Record<string, number>;

/** Aggregates over the backlinks from one referring domain to one target (spec §9 order). */
export interface DomainTargetStats {
  type: 'backlinks_domain_intersection';
  /** The referring domain. */
  target: string;
  rank: number | null;
  backlinks: number;
  first_seen: string;
  lost_date: string | null;
  backlinks_spam_score: number | null;
  broken_backlinks: number;
  broken_pages: number;
  referring_domains: number;
  referring_domains_nofollow: number;
  referring_main_domains: number;
  referring_main_domains_nofollow: number;
  referring_ips: number;
  referring_subnets: number;
  referring_pages: number;
  referring_pages_nofollow: number;
  referring_links_tld: CountMap;
  referring_links_types: CountMap;
  referring_links_attributes: CountMap;
  referring_links_platform_types: CountMap;
  referring_links_semantic_locations: CountMap;
  referring_links_countries: CountMap;
  /**
   * With `explainSpam` only (our extension): the signals fired on the scored source pages of
   * these backlinks, most frequent first, with how many pages each fired on.
   */
  spam_signals?: SpamSignalCount[];
}

/** One referring page: its backlinks per linked target key. */
export interface PageIntersectionItem {
  page_intersection: Record<string, Backlink[]>;
  summary: { intersections_count: number };
}

/** One referring domain: its aggregates per linked target key. */
export interface DomainIntersectionItem {
  domain_intersection: Record<string, DomainTargetStats>;
  summary: { intersections_count: number };
}

/** DataForSEO's `result[0]`. `targets` echoes the query's keys → raw target strings. */
export interface IntersectionResult<Item> {
  targets: Record<string, string>;
  total_count: number;
  items_count: number;
  items: Item[];
}

/** What the served index is. */
export interface IndexInfo {
  /** Generation directory name. */
  generation: string;
  /** When `linkgap build` published it (ISO 8601 UTC). */
  builtAt: string;
  links: number;
  pages: number;
  domains: number;
}

/** The query API of one loaded index generation. */
export interface Engine {
  /** `query.source` must be `page`. */
  pageIntersection(query: IntersectQuery): Promise<IntersectionResult<PageIntersectionItem>>;
  /** `query.source` must be `domain`. */
  domainIntersection(query: IntersectQuery): Promise<IntersectionResult<DomainIntersectionItem>>;
  /** Moz Links API v2 `link_intersect` (src/engine/moz-types.ts): Moz rows, one window. */
  linkIntersect(query: MozQuery): Promise<MozResult>;
  /**
   * The explorer's prospect table: the window `[query.offset, query.offset + query.limit)` of
   * the query's prospects (pages or domains by `query.source`) in `sort` order. `itemFilter`
   * and `order` are ignored.
   */
  prospects(query: IntersectQuery, sort: ProspectSort): Promise<ProspectPage>;
  /**
   * Every prospect of the query in `sort` order, all from one generation: `sink.begin` gets the
   * count once the plan is made (a failure before it means nothing was sent), then `sink.rows`
   * the rows in chunks of `chunk` (awaited: backpressure). Returns the number of rows.
   */
  exportProspects(
    query: IntersectQuery,
    sort: ProspectSort,
    sink: ProspectSink,
    chunk?: number,
  ): Promise<number>;
  /** The overlap of the query's targets (its `minMatching` replaced by 1) and their freshness. */
  overlap(query: IntersectQuery, combinations: number): Promise<Overlap>;
  /**
   * Every counted backlink (at most `limit` listed per target) from one prospect: a page URL
   * (source page) or a registrable domain (source domain); null when it is not in the index.
   */
  evidence(query: IntersectQuery, prospect: string, limit: number): Promise<Evidence | null>;
  /** Counts, capture dates and value lists of the loaded generation. */
  facts(): Promise<IndexFacts>;
  info(): IndexInfo;
  close(): Promise<void>;
}
