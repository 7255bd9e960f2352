/**
 * The fields the random queries filter and sort on, with their types (the backlink object's
 * fields except `type` and `indirect_link_path`; the domain stats' scalar fields).
 */
import type { FieldType } from '../../src/core/filter/types.js';

/** Backlink object field → type. */
export const BACKLINK_FIELD_TYPES: Readonly<Record<string, FieldType>> = {
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
};

/** Domain stats field → type. */
export const DOMAIN_STATS_FIELD_TYPES: Readonly<Record<string, FieldType>> = {
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
};

/** Fields whose values are in the query's rank scale. */
export const RANK_FIELD_NAMES: ReadonlySet<string> = new Set([
  'rank',
  'page_from_rank',
  'domain_from_rank',
]);
