/**
 * The in-memory form of the built `links` and `pages` tables the reference intersection reads:
 * plain rows, timestamps as seconds since the epoch, lists as arrays, structs as objects.
 */
import type { IndirectHop } from '../../src/engine/types.js';

/** One row of the built `links` table (src/store/duckdb/build/links-sql.ts). */
export interface LinkRow {
  url_from: string;
  domain_from: string;
  host_from: string;
  tld_from: string;
  url_from_https: boolean;
  url_to: string;
  domain_to: string;
  host_to: string;
  url_to_https: boolean;
  item_type: string;
  /** Seconds since the epoch. */
  first_seen: number;
  prev_seen: number | null;
  last_seen: number;
  is_new: boolean;
  is_lost: boolean;
  original: boolean;
  links_count: number;
  anchor: string | null;
  alt: string | null;
  text_pre: string | null;
  text_post: string | null;
  semantic_location: string;
  attributes: string[] | null;
  dofollow: boolean;
  is_indirect_link: boolean;
  indirect_link_path: IndirectHop[] | null;
  url_to_status_code: number | null;
  is_broken: boolean;
  url_to_redirect_target: string | null;
  is_internal: boolean;
  /** Stored 0–1000 ranks. */
  rank: number | null;
  page_from_rank: number | null;
  domain_from_rank: number | null;
  backlink_spam_score: number | null;
  url_to_spam_score: number | null;
}

/** One row of the built `pages` table (src/store/duckdb/build/history-sql.ts), the columns used. */
export interface PageRow {
  url: string;
  is_ip: boolean | null;
  ip: string | null;
  title: string | null;
  lang: string | null;
  encoding: string | null;
  size: number | null;
  status: number | null;
  internal_links: number | null;
  external_links: number | null;
  platform_type: string[] | null;
  country: string | null;
  host_ip?: string | null;
  is_technical?: boolean | null;
  spam_score?: number | null;
  spam_signals?: number | null;
  domain_pass?: number | null;
  /** Every other column, as loaded. */
  [column: string]: unknown;
}

/** Everything the reference intersection needs. */
export interface ReferenceData {
  links: LinkRow[];
  /** By `url`. */
  pages: Map<string, PageRow>;
}
