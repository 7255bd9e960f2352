/**
 * `DomainTargetStats`: aggregates over the links S of one referring domain to one target
 * (docs/intersection-semantics.md §Domain stats).
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { LINK_FLAG, NULL_I16 } from '../link-index/index.js';
import { dictText, type IndexView } from './index-view.js';
import type { CountMap, DomainTargetStats } from './types.js';
import { formatSeconds, scaleRankValue } from './values.js';

/** Stats plus the raw times filters and order keys compare. */
export interface ComputedStats {
  stats: DomainTargetStats;
  firstSeen: number;
  lostDate: number | null;
}

/** IPv4: the first three octets; IPv6: the first four groups (`::` expanded). */
export function subnetOf(ip: string): string {
  if (!ip.includes(':')) return ip.split('.').slice(0, 3).join('.');
  const [head = '', tail] = ip.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? h
      : [...h, ...new Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return groups.slice(0, 4).join(':');
}

function countMap(counts: Map<string, number>, cap: number | null): CountMap {
  const entries = [...counts.entries()].sort((a, b) =>
    a[1] !== b[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
  const out: CountMap = {};
  for (const [k, n] of cap === null ? entries : entries.slice(0, cap)) out[k] = n;
  return out;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Aggregate the links `S` (all from `domain`) for the query's scale and list limit. */
export function computeDomainStats(
  v: IndexView,
  domain: number,
  S: ArrayLike<number>,
  q: Pick<IntersectQuery, 'rankScale' | 'internalListLimit'>,
): ComputedStats {
  const L = v.link;
  const P = v.page;
  let rank = NULL_I16;
  let firstSeen = Number.POSITIVE_INFINITY;
  let maxLast = 0;
  let allLost = true;
  let allNofollow = true;
  let spamSum = 0;
  let spamN = 0;
  let broken = 0;
  const brokenUrls = new Set<number>();
  const ips = new Set<string>();
  const subnets = new Set<string>();
  const pages = new Map<number, boolean>();
  const tld = new Map<string, number>();
  const types = new Map<string, number>();
  const attrs = new Map<string, number>();
  const platforms = new Map<string, number>();
  const semantic = new Map<string, number>();
  const countries = new Map<string, number>();
  for (let i = 0; i < S.length; i++) {
    const l = S[i] as number;
    const f = L.flags[l] as number;
    const p = L.page[l] as number;
    const r = L.rank[l] as number;
    if (r !== NULL_I16 && (rank === NULL_I16 || r > rank)) rank = r;
    firstSeen = Math.min(firstSeen, L.firstSeen[l] as number);
    maxLast = Math.max(maxLast, L.lastSeen[l] as number);
    if (!(f & LINK_FLAG.lost)) allLost = false;
    const nofollow = !(f & LINK_FLAG.dofollow);
    if (!nofollow) allNofollow = false;
    const s = L.spam[l] as number;
    if (s !== NULL_I16) {
      spamSum += s;
      spamN++;
    }
    if (f & LINK_FLAG.broken) {
      broken++;
      brokenUrls.add(L.url[l] as number);
    }
    const ip = dictText(P.ip, p);
    if (ip !== null) {
      ips.add(ip);
      subnets.add(subnetOf(ip));
    }
    pages.set(p, (pages.get(p) ?? true) && nofollow);
    bump(tld, dictText(P.tld, p) ?? '');
    bump(types, dictText(L.itemType, l) ?? '');
    const a = dictText(L.attributes, l);
    if (a !== null) for (const x of JSON.parse(a) as string[]) bump(attrs, x);
    const pt = dictText(P.platform, p);
    if (pt !== null) for (const x of JSON.parse(pt) as string[]) bump(platforms, x);
    bump(semantic, dictText(L.semantic, l) ?? '');
    const c = dictText(P.country, p);
    if (c !== null) bump(countries, c);
  }
  let pagesNofollow = 0;
  for (const nf of pages.values()) if (nf) pagesNofollow++;
  const cap = q.internalListLimit;
  const lostDate = allLost && S.length > 0 ? maxLast : null;
  const stats: DomainTargetStats = {
    type: 'backlinks_domain_intersection',
    target: v.domain.name.get(domain),
    rank: scaleRankValue(rank === NULL_I16 ? null : rank, q.rankScale),
    backlinks: S.length,
    first_seen: formatSeconds(firstSeen),
    lost_date: lostDate === null ? null : formatSeconds(lostDate),
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
    referring_links_tld: countMap(tld, cap),
    referring_links_types: countMap(types, cap),
    referring_links_attributes: countMap(attrs, cap),
    referring_links_platform_types: countMap(platforms, cap),
    referring_links_semantic_locations: countMap(semantic, cap),
    referring_links_countries: countMap(countries, null),
  };
  return { stats, firstSeen, lostDate };
}

/**
 * The value of stats field `name` for filters and order keys: numbers, times as seconds, the
 * referring domain for `target`; undefined for fields that are not scalars.
 */
export function statsValue(c: ComputedStats, name: string): number | string | null | undefined {
  if (name === 'first_seen') return c.firstSeen;
  if (name === 'lost_date') return c.lostDate;
  if (name === 'type' || name === 'target') return c.stats[name];
  const x = (c.stats as unknown as Record<string, unknown>)[name];
  return typeof x === 'number' || x === null ? x : undefined;
}
