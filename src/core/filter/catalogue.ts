/**
 * The filterable fields of each result object and the operators each field type takes
 * (spec/dataforseo.md §5; docs/intersection-semantics.md §Filters).
 */
import type { FieldCatalogue, FieldType, FilterOp } from './types.js';

/**
 * The fields of a page_intersection backlink object (`Backlink` in src/engine/types.ts), in its
 * order, except `type` (constant) and `indirect_link_path` (nested objects).
 */
export const BACKLINK_FIELDS: FieldCatalogue = Object.freeze({
  domain_from: 'str',
  url_from: 'str',
  url_from_https: 'bool',
  domain_to: 'str',
  url_to: 'str',
  url_to_https: 'bool',
  tld_from: 'str',
  is_new: 'bool',
  is_lost: 'bool',
  backlink_spam_score: 'num',
  rank: 'num',
  page_from_rank: 'num',
  domain_from_rank: 'num',
  domain_from_platform_type: 'array',
  domain_from_is_ip: 'bool',
  domain_from_ip: 'str',
  domain_from_country: 'str',
  page_from_external_links: 'num',
  page_from_internal_links: 'num',
  page_from_size: 'num',
  page_from_encoding: 'str',
  page_from_language: 'str',
  page_from_title: 'str',
  page_from_status_code: 'num',
  first_seen: 'time',
  prev_seen: 'time',
  last_seen: 'time',
  item_type: 'str',
  attributes: 'array',
  dofollow: 'bool',
  original: 'bool',
  alt: 'str',
  anchor: 'str',
  text_pre: 'str',
  text_post: 'str',
  semantic_location: 'str',
  links_count: 'num',
  group_count: 'num',
  is_broken: 'bool',
  url_to_status_code: 'num',
  url_to_spam_score: 'num',
  url_to_redirect_target: 'str',
  is_indirect_link: 'bool',
});

/**
 * The scalar fields of a domain_intersection per-target object (`DomainTargetStats`), in its
 * order. `type` is constant and the `referring_links_*` count maps are not filterable.
 */
export const DOMAIN_STATS_FIELDS: FieldCatalogue = Object.freeze({
  target: 'str',
  rank: 'num',
  backlinks: 'num',
  first_seen: 'time',
  lost_date: 'time',
  backlinks_spam_score: 'num',
  broken_backlinks: 'num',
  broken_pages: 'num',
  referring_domains: 'num',
  referring_domains_nofollow: 'num',
  referring_main_domains: 'num',
  referring_main_domains_nofollow: 'num',
  referring_ips: 'num',
  referring_subnets: 'num',
  referring_pages: 'num',
  referring_pages_nofollow: 'num',
});

/** Unprefixed fields of an item's `summary`. */
export const ITEM_FIELDS: FieldCatalogue = Object.freeze({ intersections_count: 'num' });

/**
 * The rank fields of both catalogues: their values (and filter values on them) are in the
 * query's rank scale.
 */
export const RANK_FIELDS: ReadonlySet<string> = new Set([
  'rank',
  'page_from_rank',
  'domain_from_rank',
]);

const COMPARE: readonly FilterOp[] = ['=', '<>', '<', '<=', '>', '>=', 'in', 'not_in'];

/** Which operators each field type accepts. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly FilterOp[]>> = Object.freeze({
  num: COMPARE,
  time: COMPARE,
  str: [
    '=',
    '<>',
    'in',
    'not_in',
    'like',
    'not_like',
    'ilike',
    'not_ilike',
    'regex',
    'not_regex',
    'match',
    'not_match',
  ],
  bool: ['=', '<>'],
  array: ['has', 'has_not'],
});

/** The type of `name` in `catalogue`, or undefined (inherited object keys never match). */
export function fieldType(catalogue: FieldCatalogue, name: string): FieldType | undefined {
  return Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
}
