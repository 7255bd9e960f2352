/**
 * Hand-made rows for the reference's unit tests: a link or page from its URLs plus overrides.
 * Registrable domains are the last two host labels (the tests use only such hosts).
 */
import type {
  IntersectQuery,
  QueryTarget,
  TargetSpec,
} from '../../src/core/query/intersect-query.js';
import type { LinkRow, PageRow, ReferenceData } from './reference-data.js';

/** 2026-01-01 00:00:00 UTC. */
export const T0 = 1767225600;
/** One day in seconds. */
export const DAY = 86400;

function hostOf(url: string): string {
  return new URL(url).hostname;
}

function domainOf(host: string): string {
  return host.split('.').slice(-2).join('.');
}

/** A live, direct, dofollow anchor link from `from` to `to`. */
export function makeLink(from: string, to: string, o: Partial<LinkRow> = {}): LinkRow {
  const hf = hostOf(from);
  const ht = hostOf(to);
  return {
    url_from: from,
    domain_from: domainOf(hf),
    host_from: hf,
    tld_from: hf.split('.').at(-1) as string,
    url_from_https: from.startsWith('https:'),
    url_to: to,
    domain_to: domainOf(ht),
    host_to: ht,
    url_to_https: to.startsWith('https:'),
    item_type: 'anchor',
    first_seen: T0,
    prev_seen: null,
    last_seen: T0 + 90 * DAY,
    is_new: false,
    is_lost: false,
    original: true,
    links_count: 1,
    anchor: 'a link',
    alt: null,
    text_pre: null,
    text_post: null,
    semantic_location: 'article',
    attributes: [],
    dofollow: true,
    is_indirect_link: false,
    indirect_link_path: null,
    url_to_status_code: 200,
    is_broken: false,
    url_to_redirect_target: null,
    is_internal: domainOf(hf) === domainOf(ht),
    rank: null,
    page_from_rank: null,
    domain_from_rank: null,
    backlink_spam_score: null,
    url_to_spam_score: null,
    ...o,
  };
}

/** A 200 page. */
export function makePage(url: string, o: Partial<PageRow> = {}): PageRow {
  return {
    url,
    is_ip: false,
    ip: null,
    title: `Title of ${url}`,
    lang: 'en',
    encoding: 'utf-8',
    size: 1000,
    status: 200,
    internal_links: 3,
    external_links: 2,
    platform_type: null,
    country: null,
    ...o,
  };
}

/** Data from links; pages default to `makePage` for every url_from not given. */
export function makeData(links: LinkRow[], pages: PageRow[] = []): ReferenceData {
  const map = new Map(pages.map((p) => [p.url, p]));
  for (const l of links) if (!map.has(l.url_from)) map.set(l.url_from, makePage(l.url_from));
  return { links, pages: map };
}

/** A target spec: URLs are pages, `…*` prefixes, hosts with two labels domains, else hosts. */
export function spec(raw: string, includeSubdomains = true): TargetSpec {
  if (raw.endsWith('*')) return { kind: 'prefix', value: raw.slice(0, -1), includeSubdomains, raw };
  if (raw.includes('://')) return { kind: 'page', value: raw, includeSubdomains, raw };
  const kind = raw.split('.').length === 2 ? 'domain' : 'host';
  return { kind, value: raw, includeSubdomains, raw };
}

/** A query with the DataForSEO defaults over `targets` (keys "1", "2", …). */
export function makeQuery(targets: string[], o: Partial<IntersectQuery> = {}): IntersectQuery {
  const ts: QueryTarget[] = targets.map((t, i) => ({ ...spec(t), key: String(i + 1) }));
  return {
    source: 'page',
    targets: ts,
    excludes: [],
    minMatching: ts.length,
    status: 'live',
    includeIndirect: true,
    excludeInternal: true,
    linkFilters: ts.map(() => null),
    itemFilter: null,
    order: [],
    offset: 0,
    limit: 100,
    rankScale: 'one_thousand',
    internalListLimit: 10,
    excludeTechnicalHosts: false,
    explainSpam: false,
    ...o,
  };
}
