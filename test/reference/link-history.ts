/**
 * A plain reference implementation of build's link rules (DESIGN §2, docs/captures-ndjson.md),
 * written from the documentation over in-memory captures, not from the SQL. Tests compare the
 * store's build against it.
 */
import type { Capture } from '../../src/core/types.js';

/** One expected link row. */
export interface ReferenceLink {
  url_from: string;
  url_to: string;
  item_type: string;
  first_seen: string;
  prev_seen: string | null;
  last_seen: string;
  is_new: boolean;
  is_lost: boolean;
  original: boolean;
  links_count: number;
  dofollow: boolean;
  is_indirect_link: boolean;
  indirect_link_path: Array<{ type: string; status_code: number; url: string }> | null;
}

const NOFOLLOW_REL = new Set(['nofollow', 'ugc', 'sponsored']);

function pageNofollow(c: Capture): boolean {
  const v = `${c.meta?.robots ?? ''},${c.meta?.['x-robots-tag'] ?? ''}`.toLowerCase();
  return /(^|[^a-z])(nofollow|none)([^a-z]|$)/.test(v);
}

/** Every link row build should publish for these captures, sorted like `export --links`. */
export function referenceLinks(captures: Capture[]): ReferenceLink[] {
  const byUrl = new Map<string, Capture[]>();
  for (const c of captures) {
    const list = byUrl.get(c.url) ?? [];
    list.push(c);
    byUrl.set(c.url, list);
  }
  const direct = new Map<string, ReferenceLink>();
  const latest = new Map<string, Capture>();
  for (const [url, caps] of byUrl) {
    caps.sort((a, b) => (a.fetched_at < b.fetched_at ? -1 : 1));
    latest.set(url, caps[caps.length - 1] as Capture);
    const visits = caps.filter((c) => c.status < 500);
    if (visits.length === 0) continue;
    const firstVisit = visits[0]?.fetched_at;
    const lastVisit = visits[visits.length - 1]?.fetched_at;
    const seen = new Map<
      string,
      { times: string[]; count: number; rel: string[]; nofollow: boolean }
    >();
    for (const v of visits) {
      const here = new Map<string, { count: number; rel: string[] }>();
      for (const l of v.links) {
        const key = `${l.url}\u0000${l.item_type}`;
        const h = here.get(key);
        if (h) h.count++;
        else here.set(key, { count: 1, rel: l.rel ?? [] });
      }
      for (const [key, h] of here) {
        const s = seen.get(key) ?? { times: [], count: 0, rel: [], nofollow: false };
        s.times.push(v.fetched_at);
        s.count = h.count;
        s.rel = h.rel;
        s.nofollow = pageNofollow(v);
        seen.set(key, s);
      }
    }
    for (const [key, s] of seen) {
      const [to, type] = key.split('\u0000') as [string, string];
      const first = s.times[0] as string;
      const last = s.times[s.times.length - 1] as string;
      direct.set(`${url}\u0000${key}`, {
        url_from: url,
        url_to: to,
        item_type: type,
        first_seen: first,
        prev_seen: s.times.length > 1 ? (s.times[s.times.length - 2] as string) : null,
        last_seen: last,
        is_new: first === lastVisit && visits.length > 1,
        is_lost: last < (lastVisit as string),
        original: first === firstVisit,
        links_count: s.count,
        dofollow: !s.nofollow && !s.rel.some((r) => NOFOLLOW_REL.has(r)),
        is_indirect_link: false,
        indirect_link_path: null,
      });
    }
  }
  const hops = new Map<string, { next: string; type: string; status: number }>();
  for (const [url, c] of latest) {
    if (c.status >= 300 && c.status <= 399 && c.redirect_location && c.redirect_location !== url) {
      hops.set(url, { next: c.redirect_location, type: 'redirect', status: c.status });
    } else if (
      c.status >= 200 &&
      c.status <= 299 &&
      c.meta?.canonical &&
      c.meta.canonical !== url
    ) {
      hops.set(url, { next: c.meta.canonical, type: 'canonical', status: c.status });
    }
  }
  const indirect = new Map<string, { link: ReferenceLink; depth: number; via: string }>();
  for (const d of direct.values()) {
    const path: ReferenceLink['indirect_link_path'] = [];
    const seen = new Set([d.url_to]);
    let cur = d.url_to;
    for (let depth = 1; depth <= 5; depth++) {
      const hop = hops.get(cur);
      if (!hop || seen.has(hop.next)) break;
      path.push({ type: hop.type, status_code: hop.status, url: cur });
      seen.add(hop.next);
      cur = hop.next;
      const key = `${d.url_from}\u0000${cur}\u0000${d.item_type}`;
      if (direct.has(key)) continue;
      const prior = indirect.get(key);
      if (prior && (prior.depth < depth || (prior.depth === depth && prior.via <= d.url_to)))
        continue;
      indirect.set(key, {
        depth,
        via: d.url_to,
        link: { ...d, url_to: cur, is_indirect_link: true, indirect_link_path: [...path] },
      });
    }
  }
  const all = [...direct.values(), ...[...indirect.values()].map((i) => i.link)];
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return all.sort(
    (a, b) =>
      cmp(a.url_from, b.url_from) ||
      cmp(a.url_to, b.url_to) ||
      cmp(a.item_type, b.item_type) ||
      Number(a.is_indirect_link) - Number(b.is_indirect_link),
  );
}
