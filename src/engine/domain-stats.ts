/**
 * `DomainTargetStats`: aggregates over the links S of one referring domain to one target
 * (docs/intersection-semantics.md §Domain stats). Scalars are computed alone for filters and
 * order keys over every candidate; count maps only for the returned domains.
 */

import { type SpamSignal, signalsOf } from '../build/spam/signals.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { subnetOf } from '../core/url/subnet.js';
import { LINK_FLAG, NULL_I16 } from '../link-index/index.js';
import type { DictColumn, IndexView } from './index-view.js';
import type { CountMap, DomainTargetStats, SpamSignalCount } from './types.js';
import { formatSeconds, scaleRankValue } from './values.js';

/** The scalar fields of the stats, times as seconds. */
export interface ScalarStats {
  target: string;
  rank: number | null;
  backlinks: number;
  first_seen: number;
  lost_date: number | null;
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
}

const dictId = (c: DictColumn, row: number): number => {
  const id = c.ids[row] as number;
  return id === c.nul ? -1 : id;
};

/** Scalar stats of the links `S` (all from `domain`). */
export function scalarStats(
  v: IndexView,
  domain: number,
  S: ArrayLike<number>,
  q: Pick<IntersectQuery, 'rankScale'>,
): ScalarStats {
  const L = v.link;
  const P = v.page;
  let passes = false;
  let firstSeen = Number.POSITIVE_INFINITY;
  let maxLast = 0;
  let allLost = true;
  let allNofollow = true;
  let spamSum = 0;
  let spamN = 0;
  let broken = 0;
  const brokenUrls = new Set<number>();
  const ips = new Set<number>();
  const pages = new Map<number, boolean>();
  for (let i = 0; i < S.length; i++) {
    const l = S[i] as number;
    const f = L.flags[l] as number;
    const p = L.page[l] as number;
    const fs = L.firstSeen[l] as number;
    if (fs < firstSeen) firstSeen = fs;
    const ls = L.lastSeen[l] as number;
    if (ls > maxLast) maxLast = ls;
    if (!(f & LINK_FLAG.lost)) allLost = false;
    const nofollow = !(f & LINK_FLAG.dofollow);
    if (!nofollow) {
      allNofollow = false;
      if (!(f & LINK_FLAG.lost)) passes = true;
    }
    const s = L.spam[l] as number;
    if (s !== NULL_I16) {
      spamSum += s;
      spamN++;
    }
    if (f & LINK_FLAG.broken) {
      broken++;
      brokenUrls.add(L.url[l] as number);
    }
    const ip = dictId(P.ip, p);
    if (ip >= 0) ips.add(ip);
    const prev = pages.get(p);
    pages.set(p, (prev ?? true) && nofollow);
  }
  const subnets = new Set<string>();
  for (const ip of ips) subnets.add(subnetOf(P.ip.heap.get(ip)));
  let pagesNofollow = 0;
  for (const nf of pages.values()) if (nf) pagesNofollow++;
  const pass = v.domain.pass[domain] as number;
  const rank = pass === NULL_I16 ? NULL_I16 : passes ? pass : 0;
  return {
    target: v.domain.name.get(domain),
    rank: scaleRankValue(rank === NULL_I16 ? null : rank, q.rankScale),
    backlinks: S.length,
    first_seen: firstSeen,
    lost_date: allLost && S.length > 0 ? maxLast : null,
    backlinks_spam_score: spamN === 0 ? null : Math.round(spamSum / spamN),
    broken_backlinks: broken,
    broken_pages: brokenUrls.size,
    referring_domains: 1,
    referring_domains_nofollow: allNofollow ? 1 : 0,
    referring_main_domains: 1,
    referring_main_domains_nofollow: allNofollow ? 1 : 0,
    referring_ips: ips.size,
    referring_subnets: subnets.size,
    referring_pages: pages.size,
    referring_pages_nofollow: pagesNofollow,
  };
}

/** Counts by dictionary id, as a count map: keys by count desc then key asc, capped. */
function countMap(c: DictColumn, counts: Map<number, number>, cap: number | null): CountMap {
  const entries = [...counts.entries()].map(([id, n]): [string, number] => [
    id < 0 ? '' : c.heap.get(id),
    n,
  ]);
  return orderCounts(entries, cap);
}

function orderCounts(entries: Array<[string, number]>, cap: number | null): CountMap {
  entries.sort((a, b) => (a[1] !== b[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: CountMap = {};
  for (const [k, n] of cap === null ? entries : entries.slice(0, cap)) out[k] = n;
  return out;
}

const bump = (m: Map<number, number>, k: number, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

/** Count each element of JSON-array dictionary values (counted per id first). */
function elementCounts(c: DictColumn, ids: Map<number, number>, cap: number): CountMap {
  const counts = new Map<string, number>();
  for (const [id, n] of ids) {
    for (const x of JSON.parse(c.heap.get(id)) as string[]) counts.set(x, (counts.get(x) ?? 0) + n);
  }
  return orderCounts([...counts.entries()], cap);
}

/** The full stats object of the links `S` (all from `domain`). */
export function computeDomainStats(
  v: IndexView,
  domain: number,
  S: ArrayLike<number>,
  q: Pick<IntersectQuery, 'rankScale' | 'internalListLimit' | 'explainSpam'>,
  scalars: ScalarStats = scalarStats(v, domain, S, q),
): DomainTargetStats {
  const L = v.link;
  const P = v.page;
  const tld = new Map<number, number>();
  const types = new Map<number, number>();
  const attrs = new Map<number, number>();
  const platforms = new Map<number, number>();
  const semantic = new Map<number, number>();
  const countries = new Map<number, number>();
  for (let i = 0; i < S.length; i++) {
    const l = S[i] as number;
    const p = L.page[l] as number;
    bump(tld, dictId(P.tld, p));
    bump(types, dictId(L.itemType, l));
    const a = dictId(L.attributes, l);
    if (a >= 0) bump(attrs, a);
    const pt = dictId(P.platform, p);
    if (pt >= 0) bump(platforms, pt);
    bump(semantic, dictId(L.semantic, l));
    const c = dictId(P.country, p);
    if (c >= 0) bump(countries, c);
  }
  const cap = q.internalListLimit;
  const s = scalars;
  const stats: DomainTargetStats = {
    type: 'backlinks_domain_intersection',
    target: s.target,
    rank: s.rank,
    backlinks: s.backlinks,
    first_seen: formatSeconds(s.first_seen),
    lost_date: s.lost_date === null ? null : formatSeconds(s.lost_date),
    backlinks_spam_score: s.backlinks_spam_score,
    broken_backlinks: s.broken_backlinks,
    broken_pages: s.broken_pages,
    referring_domains: s.referring_domains,
    referring_domains_nofollow: s.referring_domains_nofollow,
    referring_main_domains: s.referring_main_domains,
    referring_main_domains_nofollow: s.referring_main_domains_nofollow,
    referring_ips: s.referring_ips,
    referring_subnets: s.referring_subnets,
    referring_pages: s.referring_pages,
    referring_pages_nofollow: s.referring_pages_nofollow,
    referring_links_tld: countMap(P.tld, tld, cap),
    referring_links_types: countMap(L.itemType, types, cap),
    referring_links_attributes: elementCounts(L.attributes, attrs, cap),
    referring_links_platform_types: elementCounts(P.platform, platforms, cap),
    referring_links_semantic_locations: countMap(L.semantic, semantic, cap),
    referring_links_countries: countMap(P.country, countries, null),
  };
  if (q.explainSpam) stats.spam_signals = signalCounts(v, S);
  return stats;
}

/** The spam signals fired on the distinct scored source pages of `S`, most frequent first. */
export function signalCounts(v: IndexView, S: ArrayLike<number>): SpamSignalCount[] {
  const P = v.page;
  const seen = new Set<number>();
  const counts = new Map<SpamSignal, number>();
  for (let i = 0; i < S.length; i++) {
    const p = v.link.page[S[i] as number] as number;
    if (seen.has(p) || P.spamScore[p] === NULL_I16) continue;
    seen.add(p);
    for (const sig of signalsOf(P.spamSignals[p] as number)) {
      counts.set(sig, (counts.get(sig) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].bit - b[0].bit)
    .map(([sig, pages]) => ({ signal: sig.code, weight: sig.weight, pages }));
}

/**
 * The value of stats field `name` for filters and order keys: numbers, times as seconds, the
 * referring domain for `target`; undefined for fields that are not scalars.
 */
export function statsValue(s: ScalarStats, name: string): number | string | null | undefined {
  if (name === 'type') return 'backlinks_domain_intersection';
  if (!Object.hasOwn(s, name)) return undefined;
  return s[name as keyof ScalarStats];
}
