/**
 * The reference's domain-mode aggregates of one referring domain for one target
 * (docs/intersection-semantics.md §Domain stats), and the same values as filters see them.
 */
import { SPAM_SIGNALS } from '../../src/build/spam/signals.js';
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import type { CountMap, DomainTargetStats, SpamSignalCount } from '../../src/engine/types.js';
import { firedSignals, formatTime, pageIp, scaled, sourcePage } from './backlink-object.js';
import type { FieldValue } from './filter-eval.js';
import type { LinkRow, PageRow } from './reference-data.js';

/** Keys by count desc, then key asc (UTF-16 code units); the first `cap` keys (all if null). */
export function countMap(keys: readonly string[], cap: number | null): CountMap {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const entries = [...counts.entries()].sort((a, b) =>
    a[1] !== b[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
  const out: CountMap = {};
  for (const [k, n] of cap === null ? entries : entries.slice(0, cap)) out[k] = n;
  return out;
}

/** IPv4: the first three octets; IPv6: the first four groups of the fully expanded address. */
export function subnetOf(ip: string): string {
  if (!ip.includes(':')) return ip.split('.').slice(0, 3).join('.');
  const [head = '', tail] = ip.toLowerCase().split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}

/** The aggregates over `s` (the links of A_N from domain `domain`, at least one). */
export function domainStats(
  domain: string,
  s: readonly LinkRow[],
  pages: Map<string, PageRow>,
  query: Pick<IntersectQuery, 'rankScale' | 'internalListLimit' | 'explainSpam'>,
): DomainTargetStats {
  const scale = query.rankScale;
  const internalListLimit = query.internalListLimit;
  // Every page of a domain carries the domain's pass; it passes only through a live dofollow link.
  const pass = sourcePage(pages, s[0] as LinkRow).domain_pass ?? null;
  const passes = s.some((l) => l.dofollow && !l.is_lost);
  const spam = s.map((l) => l.backlink_spam_score).filter((r): r is number => r !== null);
  const broken = s.filter((l) => l.is_broken);
  const allNofollow = s.every((l) => !l.dofollow);
  const ips = new Set<string>();
  for (const l of s) {
    const ip = pageIp(sourcePage(pages, l));
    if (ip !== null) ips.add(ip);
  }
  const pagesFrom = new Set(s.map((l) => l.url_from));
  const nofollowPages = [...pagesFrom].filter((u) =>
    s.filter((l) => l.url_from === u).every((l) => !l.dofollow),
  );
  const countries: string[] = [];
  const platforms: string[] = [];
  for (const l of s) {
    const p = sourcePage(pages, l);
    if (p.country !== null) countries.push(p.country);
    platforms.push(...(p.platform_type ?? []));
  }
  const stats: DomainTargetStats = {
    type: 'backlinks_domain_intersection',
    target: domain,
    rank: pass === null ? null : passes ? scaled(pass, scale) : 0,
    backlinks: s.length,
    first_seen: formatTime(Math.min(...s.map((l) => l.first_seen))),
    lost_date: s.every((l) => l.is_lost)
      ? formatTime(Math.max(...s.map((l) => l.last_seen)))
      : null,
    backlinks_spam_score:
      spam.length === 0 ? null : Math.round(spam.reduce((a, b) => a + b, 0) / spam.length),
    broken_backlinks: broken.length,
    broken_pages: new Set(broken.map((l) => l.url_to)).size,
    referring_domains: 1,
    referring_domains_nofollow: allNofollow ? 1 : 0,
    referring_main_domains: 1,
    referring_main_domains_nofollow: allNofollow ? 1 : 0,
    referring_ips: ips.size,
    referring_subnets: new Set([...ips].map(subnetOf)).size,
    referring_pages: pagesFrom.size,
    referring_pages_nofollow: nofollowPages.length,
    referring_links_tld: countMap(
      s.map((l) => l.tld_from),
      internalListLimit,
    ),
    referring_links_types: countMap(
      s.map((l) => l.item_type),
      internalListLimit,
    ),
    referring_links_attributes: countMap(
      s.flatMap((l) => l.attributes ?? []),
      internalListLimit,
    ),
    referring_links_platform_types: countMap(platforms, internalListLimit),
    referring_links_semantic_locations: countMap(
      s.map((l) => l.semantic_location),
      internalListLimit,
    ),
    referring_links_countries: countMap(countries, null),
  };
  if (query.explainSpam) stats.spam_signals = signalCounts(s, pages);
  return stats;
}

/** Signals over the distinct scored source pages of `s`: most pages first, then bit order. */
function signalCounts(s: readonly LinkRow[], pages: Map<string, PageRow>): SpamSignalCount[] {
  const counts = new Map<string, SpamSignalCount & { bit: number }>();
  for (const url of new Set(s.map((l) => l.url_from))) {
    const p = pages.get(url);
    if (p === undefined) continue;
    for (const hit of firedSignals(p) ?? []) {
      const c = counts.get(hit.signal);
      if (c !== undefined) c.pages++;
      else {
        const bit = SPAM_SIGNALS.find((x) => x.code === hit.signal)?.bit ?? 0;
        counts.set(hit.signal, { ...hit, pages: 1, bit });
      }
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.pages - a.pages || a.bit - b.bit)
    .map(({ signal, weight, pages: n }) => ({ signal, weight, pages: n }));
}

/** Stats field → value as filters and order keys see it (times as epoch seconds). */
export function statsFieldValues(
  st: DomainTargetStats,
  s: readonly LinkRow[],
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(st)) {
    if (typeof v !== 'object' || v === null) out[k] = v;
  }
  out.first_seen = Math.min(...s.map((l) => l.first_seen));
  out.lost_date = s.every((l) => l.is_lost) ? Math.max(...s.map((l) => l.last_seen)) : null;
  return out;
}
