/**
 * The explorer's query as URL search parameters: the web UI keeps its state in the page URL
 * (shareable, reload-safe) and `GET /api/v1/export` reads the same parameters. Pure: no I/O, no
 * validation (the server validates what `decodeExploreParams` returns with the request schema).
 *
 * Parameters: `c` competitor and `m` my site (repeat; `scope:value` or a plain value for
 * `auto`), `mode` (pages|domains), `k` (min matching; absent = all), `dofollow=1`, `dr` (min
 * domain rank), `spam` (max spam score), `lang`, `country`, `platform`, `since` (YYYY-MM-DD),
 * `tech=1` (exclude technical hosts), `status` (live|lost|all), `sort` (`field.dir`).
 * @example encodeExploreParams(q).toString() // 'c=a.com&c=host%3Ablog.b.com&m=me.com&mode=domains'
 */
import type { ExploreQuery, ProspectSort, SiteEntry, SiteScope } from './types.js';

const SCOPES: readonly SiteScope[] = ['auto', 'subdomains', 'host', 'page', 'prefix'];

/** The defaults of every optional part of a query. */
export const DEFAULT_EXPLORE_QUERY: Readonly<ExploreQuery> = Object.freeze({
  competitors: [],
  mySites: [],
  mode: 'domains',
  minMatching: null,
  dofollowOnly: false,
  minDomainRank: null,
  maxSpamScore: null,
  language: null,
  country: null,
  platform: null,
  firstSeenAfter: null,
  excludeTechnicalHosts: false,
  status: 'live',
});

/** The default sort of the prospect table. */
export const DEFAULT_SORT: Readonly<ProspectSort> = Object.freeze({
  field: 'matches',
  dir: 'desc',
});

/** `scope:value`, or the bare value for `auto`. */
export function encodeSite(e: SiteEntry): string {
  return e.scope === 'auto' ? e.value : `${e.scope}:${e.value}`;
}

/** The inverse of `encodeSite`: a known scope word before the first `:` is the scope. */
export function decodeSite(s: string): SiteEntry {
  const colon = s.indexOf(':');
  const head = colon > 0 ? s.slice(0, colon) : '';
  if ((SCOPES as readonly string[]).includes(head)) {
    return { scope: head as SiteScope, value: s.slice(colon + 1) };
  }
  return { scope: 'auto', value: s };
}

/** The parameters of a query (defaults left out) and, when given and not the default, a sort. */
export function encodeExploreParams(q: ExploreQuery, sort?: ProspectSort): URLSearchParams {
  const p = new URLSearchParams();
  for (const c of q.competitors) p.append('c', encodeSite(c));
  for (const m of q.mySites) p.append('m', encodeSite(m));
  p.set('mode', q.mode);
  if (q.minMatching !== null) p.set('k', String(q.minMatching));
  if (q.dofollowOnly) p.set('dofollow', '1');
  if (q.minDomainRank !== null) p.set('dr', String(q.minDomainRank));
  if (q.maxSpamScore !== null) p.set('spam', String(q.maxSpamScore));
  if (q.language !== null) p.set('lang', q.language);
  if (q.country !== null) p.set('country', q.country);
  if (q.platform !== null) p.set('platform', q.platform);
  if (q.firstSeenAfter !== null) p.set('since', q.firstSeenAfter);
  if (q.excludeTechnicalHosts) p.set('tech', '1');
  if (q.status !== 'live') p.set('status', q.status);
  if (sort !== undefined && (sort.field !== DEFAULT_SORT.field || sort.dir !== DEFAULT_SORT.dir)) {
    p.set('sort', `${sort.field}.${sort.dir}`);
  }
  return p;
}

/**
 * A query object from parameters, unvalidated: numbers stay strings where they do not parse so
 * the schema can name the field. Unknown parameters are ignored.
 */
export function decodeExploreParams(p: URLSearchParams): {
  query: Record<string, unknown>;
  sort?: Record<string, unknown>;
} {
  const num = (v: string | null): unknown => {
    if (v === null || v === '') return null;
    // Plain decimals only: Number() would read ' ' as 0 and '0x2' as 2.
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  };
  const str = (v: string | null): string | null => (v === null || v === '' ? null : v);
  const flag = (v: string | null): unknown =>
    v === null ? false : v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v;
  const query: Record<string, unknown> = {
    competitors: p.getAll('c').map(decodeSite),
    mySites: p.getAll('m').map(decodeSite),
    mode: p.get('mode') ?? DEFAULT_EXPLORE_QUERY.mode,
    minMatching: num(p.get('k')),
    dofollowOnly: flag(p.get('dofollow')),
    minDomainRank: num(p.get('dr')),
    maxSpamScore: num(p.get('spam')),
    language: str(p.get('lang')),
    country: str(p.get('country')),
    platform: str(p.get('platform')),
    firstSeenAfter: str(p.get('since')),
    excludeTechnicalHosts: flag(p.get('tech')),
    status: p.get('status') ?? DEFAULT_EXPLORE_QUERY.status,
  };
  const s = p.get('sort');
  if (s === null || s === '') return { query };
  const dot = s.lastIndexOf('.');
  return {
    query,
    sort: dot > 0 ? { field: s.slice(0, dot), dir: s.slice(dot + 1) } : { field: s, dir: 'desc' },
  };
}
