/**
 * The Moz Links API v2 `link_intersect` contract of the engine (spec/moz-and-peers.md §1):
 * a normalised `IntersectQuery` whose targets may be grouped (one Moz positive target can
 * expand to several specs, e.g. a scheme-less page to its http and https URLs), a Moz sort,
 * and Moz-shaped rows.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';

/** Moz `sort`. */
export type MozSort = 'matching_target_count' | 'source_domain_authority' | 'source_spam_score';

/** A `link_intersect` query for the engine. */
export interface MozQuery {
  /**
   * The expanded query: `targets` are the specs of all positive targets, `excludes` those of
   * the negative ones; `source`, `excludes` and the link scope are honoured as in
   * pageIntersection / domainIntersection; `minMatching`, `order`, `offset`, `limit` are not
   * read (the fields below replace them).
   */
  query: IntersectQuery;
  /** Per entry of `query.targets`: the index of the Moz positive target it belongs to. */
  targetGroups: number[];
  /** Number of Moz positive targets. */
  positives: number;
  /** A source is a result when it links to at least this many positive targets. */
  minMatching: number;
  sort: MozSort;
  offset: number;
  /** 1..50 (the engine accepts any positive number). */
  limit: number;
}

/** One `matching_source_pages` entry (root_domain sources). */
export interface MozSourcePage {
  page: string;
  page_authority: number;
}

/** One `results[]` row with `source_scope: page`. */
export interface MozPageRow {
  page: string;
  title: string;
  domain_authority: number;
  spam_score: number;
  matching_target_indexes: number[];
}

/** One `results[]` row with `source_scope: root_domain`. */
export interface MozDomainRow {
  root_domain: string;
  domain_authority: number;
  spam_score: number;
  matching_target_indexes: number[];
  /** Per matched positive target (in `matching_target_indexes` order). */
  matching_source_pages: MozSourcePage[];
}

/** The engine's answer: all matching sources counted, one window of rows. */
export interface MozResult {
  total: number;
  results: Array<MozPageRow | MozDomainRow>;
}
