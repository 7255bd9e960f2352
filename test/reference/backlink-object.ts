/**
 * The reference's page-mode values of one link: the DataForSEO backlink object
 * (docs/intersection-semantics.md §Backlink object) and the same fields as filters and order
 * keys see them (times as epoch seconds; arrays capped like the object's, as the semantics doc
 * defines field values over the backlink objects).
 */
import { SPAM_SIGNALS } from '../../src/build/spam/signals.js';
import type { IntersectQuery, RankScale } from '../../src/core/query/intersect-query.js';
import type { Backlink, SpamSignalHit } from '../../src/engine/types.js';
import type { FieldValue } from './filter-eval.js';
import type { LinkRow, PageRow } from './reference-data.js';

/** `round(sin(r / 636.62) * 100)` on one_hundred; unchanged on one_thousand; null stays null. */
export function scaled(raw: number | null, scale: RankScale): number | null {
  if (raw === null) return null;
  return scale === 'one_hundred' ? Math.round(Math.sin(raw / 636.62) * 100) : raw;
}

/** Epoch seconds → `YYYY-MM-DD hh:mm:ss +00:00`. */
export function formatTime(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +00:00`;
}

/** The first `limit` elements, or null when there are none. */
export function capList(list: readonly string[] | null, limit: number): string[] | null {
  if (list === null || list.length === 0) return null;
  return list.slice(0, limit);
}

const EMPTY_PAGE: PageRow = {
  url: '',
  is_ip: null,
  ip: null,
  title: null,
  lang: null,
  encoding: null,
  size: null,
  status: null,
  internal_links: null,
  external_links: null,
  platform_type: null,
  country: null,
};

/** The link's source page (every built link has one; an empty page otherwise). */
export function sourcePage(pages: Map<string, PageRow>, link: LinkRow): PageRow {
  return pages.get(link.url_from) ?? EMPTY_PAGE;
}

/**
 * Field name → value of the link as filters and order keys see it. `internalListLimit` caps the
 * array fields as in the backlink object (null = not capped, for the query pool).
 */
export function linkFieldValues(
  l: LinkRow,
  p: PageRow,
  scale: RankScale,
  internalListLimit: number | null,
): Record<string, FieldValue> {
  const cap = (xs: string[] | null): string[] =>
    internalListLimit === null ? (xs ?? []) : (capList(xs, internalListLimit) ?? []);
  return {
    domain_from: l.domain_from,
    url_from: l.url_from,
    url_from_https: l.url_from_https,
    domain_to: l.domain_to,
    url_to: l.url_to,
    url_to_https: l.url_to_https,
    tld_from: l.tld_from,
    is_new: l.is_new,
    is_lost: l.is_lost,
    backlink_spam_score: l.backlink_spam_score,
    rank: scaled(l.rank, scale),
    page_from_rank: scaled(l.page_from_rank, scale),
    domain_from_rank: scaled(l.domain_from_rank, scale),
    domain_from_platform_type: cap(p.platform_type),
    domain_from_is_ip: p.is_ip,
    domain_from_ip: pageIp(p),
    domain_from_country: p.country,
    page_from_external_links: p.external_links,
    page_from_internal_links: p.internal_links,
    page_from_size: p.size,
    page_from_encoding: p.encoding,
    page_from_language: p.lang,
    page_from_title: p.title,
    page_from_status_code: p.status,
    first_seen: l.first_seen,
    prev_seen: l.prev_seen,
    last_seen: l.last_seen,
    item_type: l.item_type,
    attributes: cap(l.attributes),
    dofollow: l.dofollow,
    original: l.original,
    alt: l.alt,
    anchor: l.anchor,
    text_pre: l.text_pre,
    text_post: l.text_post,
    semantic_location: l.semantic_location,
    links_count: l.links_count,
    group_count: 0,
    is_broken: l.is_broken,
    url_to_status_code: l.url_to_status_code,
    url_to_spam_score: l.url_to_spam_score,
    url_to_redirect_target: l.url_to_redirect_target,
    is_indirect_link: l.is_indirect_link,
  };
}

/** The backlink object of a link, in spec order. */
export function backlinkObject(
  l: LinkRow,
  p: PageRow,
  query: Pick<IntersectQuery, 'rankScale' | 'internalListLimit' | 'explainSpam'>,
): Backlink {
  const scale = query.rankScale;
  const internalListLimit = query.internalListLimit;
  const b: Backlink = {
    type: 'backlinks_page_intersection',
    domain_from: l.domain_from,
    url_from: l.url_from,
    url_from_https: l.url_from_https,
    domain_to: l.domain_to,
    url_to: l.url_to,
    url_to_https: l.url_to_https,
    tld_from: l.tld_from,
    is_new: l.is_new,
    is_lost: l.is_lost,
    backlink_spam_score: l.backlink_spam_score,
    rank: scaled(l.rank, scale),
    page_from_rank: scaled(l.page_from_rank, scale),
    domain_from_rank: scaled(l.domain_from_rank, scale),
    domain_from_platform_type: capList(p.platform_type, internalListLimit),
    domain_from_is_ip: p.is_ip as boolean,
    domain_from_ip: pageIp(p),
    domain_from_country: p.country,
    page_from_external_links: p.external_links,
    page_from_internal_links: p.internal_links,
    page_from_size: p.size,
    page_from_encoding: p.encoding,
    page_from_language: p.lang,
    page_from_title: p.title,
    page_from_status_code: p.status,
    first_seen: formatTime(l.first_seen),
    prev_seen: l.prev_seen === null ? null : formatTime(l.prev_seen),
    last_seen: formatTime(l.last_seen),
    item_type: l.item_type,
    attributes: capList(l.attributes, internalListLimit),
    dofollow: l.dofollow,
    original: l.original,
    alt: l.alt,
    anchor: l.anchor,
    text_pre: l.text_pre,
    text_post: l.text_post,
    semantic_location: l.semantic_location,
    links_count: l.links_count,
    group_count: 0,
    is_broken: l.is_broken,
    url_to_status_code: l.url_to_status_code,
    url_to_spam_score: l.url_to_spam_score,
    url_to_redirect_target: l.url_to_redirect_target,
    is_indirect_link: l.is_indirect_link,
    indirect_link_path: l.is_indirect_link ? l.indirect_link_path : null,
  };
  if (query.explainSpam) b.backlink_spam_signals = firedSignals(p);
  return b;
}

/** The page's fired spam signals in bit order, null when it has no score. */
export function firedSignals(p: PageRow): SpamSignalHit[] | null {
  if (p.spam_score === null || p.spam_score === undefined) return null;
  const mask = p.spam_signals ?? 0;
  return SPAM_SIGNALS.filter((s) => (mask >> s.bit) & 1).map((s) => ({
    signal: s.code,
    weight: s.weight,
  }));
}

/** `domain_from_ip`: the host's most recent IP, else the page's own. */
export function pageIp(p: PageRow): string | null {
  return p.host_ip ?? p.ip;
}
