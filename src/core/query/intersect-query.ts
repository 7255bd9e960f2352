/**
 * The one normalised intersection query every front compiles to (DataForSEO page/domain
 * intersection, Moz link_intersect, MCP tools, `linkgap gap`). Semantics:
 * docs/intersection-semantics.md.
 */
import type { FieldRef, FilterExpr } from '../filter/types.js';

/**
 * What a target or exclude names:
 * - `page`: one normalised URL (`https://b.com/page`), matched exactly against `url_to`;
 * - `prefix`: a normalised URL prefix (an exclude ending in `*`), matched with `startsWith`;
 * - `host`: a host name that is not a registrable domain (`blog.b.com`);
 * - `domain`: a registrable domain (`b.com`, `b.co.uk`).
 */
export type TargetKind = 'page' | 'prefix' | 'host' | 'domain';

/** A parsed target or exclude. */
export interface TargetSpec {
  kind: TargetKind;
  /** Normalised URL or prefix (page, prefix), lower-case host name without `www.` stripping. */
  value: string;
  /**
   * host/domain only: true = the host and all its subdomains; false = the host itself and
   * `www.` + host. Ignored for page and prefix.
   */
  includeSubdomains: boolean;
  /** The string the caller sent. */
  raw: string;
}

/** A target of the query, with the key the caller gave it (`"1"`, `"2"`, …). */
export interface QueryTarget extends TargetSpec {
  key: string;
}

/** Which backlinks count: seen at the last visit (live), gone (lost), or both. */
export type LinkStatus = 'live' | 'lost' | 'all';

/** What one result item is: a referring page or a referring registrable domain. */
export type SourceLevel = 'page' | 'domain';

/** DataForSEO `rank_scale`: ranks shown (and filtered) on 0–100 or 0–1000. */
export type RankScale = 'one_hundred' | 'one_thousand';

/** One `order_by` rule. */
export interface OrderKey {
  field: FieldRef;
  direction: 'asc' | 'desc';
}

/** The normalised query. Every field is set: fronts apply their defaults. */
export interface IntersectQuery {
  source: SourceLevel;
  /** 1–20 targets, in the caller's key order. */
  targets: QueryTarget[];
  /** 0–10 excludes. */
  excludes: TargetSpec[];
  /** A unit is a result only if it links to at least this many targets (1..targets.length). */
  minMatching: number;
  status: LinkStatus;
  includeIndirect: boolean;
  /** Drop backlinks whose source and target share a registrable domain. */
  excludeInternal: boolean;
  /**
   * Drop backlinks from pages on technical hosts (CDNs, fonts, analytics, tag managers, social
   * widgets; src/build/technical-hosts), so those hosts are never prospects. Our extension.
   */
  excludeTechnicalHosts: boolean;
  /**
   * Per target (same length and order as `targets`): the condition a backlink must satisfy to
   * count as a backlink to that target, or null. Page mode: the top-level AND-ed filter parts
   * naming only that target's fields; domain mode: `backlinks_filters` (fields with target null).
   */
  linkFilters: Array<FilterExpr | null>;
  /** Everything else, evaluated per result item (see the semantics doc), or null. */
  itemFilter: FilterExpr | null;
  /** Up to 3 explicit keys; empty = the default order. A unique tie-break is always implied. */
  order: OrderKey[];
  offset: number;
  /** 1..1000. */
  limit: number;
  rankScale: RankScale;
  /** Cap on per-backlink arrays and per-target maps (1..1000). */
  internalListLimit: number;
  /** Add the fired spam signals to backlinks and domain stats (our extension, output only). */
  explainSpam: boolean;
}
