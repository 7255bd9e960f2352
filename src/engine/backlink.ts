/**
 * The backlink object of one link (docs/intersection-semantics.md §Backlink object), in
 * DataForSEO's field order.
 */
import { signalsOf } from '../build/spam/signals.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { LINK_FLAG, NULL_I16, PAGE_FLAG } from '../link-index/index.js';
import { type DictColumn, dictText, type IndexView } from './index-view.js';
import type { Backlink, IndirectHop, SpamSignalHit } from './types.js';
import { formatSeconds, scaleRankValue } from './values.js';

const orNull = (x: number) => (x === NULL_I16 ? null : x);
const f64OrNull = (x: number) => (Number.isNaN(x) ? null : x);

function cappedList(c: DictColumn, row: number, limit: number): string[] | null {
  const s = dictText(c, row);
  if (s === null) return null;
  const a = (JSON.parse(s) as string[]).slice(0, limit);
  return a.length === 0 ? null : a;
}

/** Build the backlink object of link `l`. */
export function buildBacklink(
  v: IndexView,
  l: number,
  q: Pick<IntersectQuery, 'rankScale' | 'internalListLimit' | 'explainSpam'>,
): Backlink {
  const L = v.link;
  const P = v.page;
  const p = L.page[l] as number;
  const f = L.flags[l] as number;
  const scale = q.rankScale;
  const rank = (a: Int16Array) => scaleRankValue(orNull(a[l] as number), scale);
  const prev = L.prevSeen[l] as number;
  const path = dictText(L.path, l);
  const b: Backlink = {
    type: 'backlinks_page_intersection',
    domain_from: v.domain.name.get(P.domain[p] as number),
    url_from: P.url.get(p),
    url_from_https: (f & LINK_FLAG.fromHttps) !== 0,
    domain_to: dictText(L.domainTo, l) as string,
    url_to: v.urls.name.get(L.url[l] as number),
    url_to_https: (f & LINK_FLAG.toHttps) !== 0,
    tld_from: dictText(P.tld, p) as string,
    is_new: (f & LINK_FLAG.new) !== 0,
    is_lost: (f & LINK_FLAG.lost) !== 0,
    backlink_spam_score: orNull(L.spam[l] as number),
    rank: rank(L.rank),
    page_from_rank: rank(L.pageFromRank),
    domain_from_rank: rank(L.domainFromRank),
    domain_from_platform_type: cappedList(P.platform, p, q.internalListLimit),
    domain_from_is_ip: ((P.flags[p] as number) & PAGE_FLAG.isIp) !== 0,
    domain_from_ip: dictText(P.ip, p),
    domain_from_country: dictText(P.country, p),
    page_from_external_links: f64OrNull(P.externalLinks[p] as number),
    page_from_internal_links: f64OrNull(P.internalLinks[p] as number),
    page_from_size: f64OrNull(P.size[p] as number),
    page_from_encoding: dictText(P.encoding, p),
    page_from_language: dictText(P.lang, p),
    page_from_title: dictText(P.title, p),
    page_from_status_code: orNull(P.status[p] as number),
    first_seen: formatSeconds(L.firstSeen[l] as number),
    prev_seen: prev === 0 ? null : formatSeconds(prev),
    last_seen: formatSeconds(L.lastSeen[l] as number),
    item_type: dictText(L.itemType, l) as string,
    attributes: cappedList(L.attributes, l, q.internalListLimit),
    dofollow: (f & LINK_FLAG.dofollow) !== 0,
    original: (f & LINK_FLAG.original) !== 0,
    alt: dictText(L.alt, l),
    anchor: dictText(L.anchor, l),
    text_pre: dictText(L.textPre, l),
    text_post: dictText(L.textPost, l),
    semantic_location: dictText(L.semantic, l) ?? '',
    links_count: L.linksCount[l] as number,
    group_count: 0,
    is_broken: (f & LINK_FLAG.broken) !== 0,
    url_to_status_code: orNull(L.urlToStatus[l] as number),
    url_to_spam_score: orNull(L.urlToSpam[l] as number),
    url_to_redirect_target: dictText(L.redirect, l),
    is_indirect_link: (f & LINK_FLAG.indirect) !== 0,
    indirect_link_path: path === null ? null : (JSON.parse(path) as IndirectHop[]),
  };
  if (q.explainSpam) {
    b.backlink_spam_signals =
      P.spamScore[p] === NULL_I16 ? null : spamHits(P.spamSignals[p] as number);
  }
  return b;
}

/** The fired signals of a page's bit mask, in bit order. */
export function spamHits(mask: number): SpamSignalHit[] {
  return signalsOf(mask).map((s) => ({ signal: s.code, weight: s.weight }));
}
