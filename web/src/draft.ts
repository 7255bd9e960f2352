/**
 * @module The Ask form's state as typed text (`FormDraft`) and its conversion to and from the
 * API's `ExploreQuery`. Pure. Inputs keep strings so a half-typed number stays on screen; the
 * check here names the input at fault, the server checks again (and names a field the same way).
 */
import { DEFAULT_EXPLORE_QUERY, decodeSite } from '../../src/api/native/explore-params.js';
import type {
  ExploreMode,
  ExploreQuery,
  ExploreStatus,
  SiteEntry,
  SiteScope,
} from '../../src/api/native/types.js';

/** Most competitors a query takes. */
export const MAX_COMPETITORS = 20;
/** Most of my sites a query takes. */
export const MAX_MY_SITES = 10;

/** The form as typed: every number and date is the input's text (`''` = not set). */
export interface FormDraft {
  competitors: SiteEntry[];
  mySites: SiteEntry[];
  mode: ExploreMode;
  /** `''` = all of them. */
  minMatching: string;
  dofollowOnly: boolean;
  minDomainRank: string;
  maxSpamScore: string;
  language: string;
  country: string;
  platform: string;
  firstSeenAfter: string;
  excludeTechnicalHosts: boolean;
  status: ExploreStatus;
}

/** A problem with one input: the element id (see `fieldId`) and what is wrong, in words. */
export interface FieldError {
  id: string;
  message: string;
}

/** The query of a valid draft, or every problem found. */
export type DraftResult = { ok: true; query: ExploreQuery } | { ok: false; errors: FieldError[] };

const SCOPES: readonly SiteScope[] = ['auto', 'subdomains', 'host', 'page', 'prefix'];
const MODES: readonly ExploreMode[] = ['pages', 'domains'];
const STATUSES: readonly ExploreStatus[] = ['live', 'lost', 'all'];

/** A form with one empty competitor row and every option at its default. */
export function emptyDraft(): FormDraft {
  return draftFromQuery({ ...DEFAULT_EXPLORE_QUERY, competitors: [], mySites: [] });
}

/**
 * The element id of a query field: `competitors.2.value` → `c-2-value`, `mySites.0.scope` →
 * `m-0-scope`, `competitors` → `f-competitors`, `minDomainRank` → `f-minDomainRank`. A server
 * path (`query.maxSpamScore`) is accepted with its `query.` prefix.
 */
export function fieldId(path: string): string {
  const p = path.replace(/^query\./, '');
  const m = /^(competitors|mySites)\.(\d+)(?:\.(value|scope))?/.exec(p);
  if (m !== null) return `${m[1] === 'competitors' ? 'c' : 'm'}-${m[2]}-${m[3] ?? 'value'}`;
  return `f-${p.split('.')[0] ?? p}`;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const bool = (v: unknown): boolean => v === true;
const sites = (v: unknown, allowPrefix: boolean): SiteEntry[] =>
  (Array.isArray(v) ? v : []).flatMap((e: unknown) => {
    const entry = typeof e === 'string' ? decodeSite(e) : (e as Partial<SiteEntry> | null);
    if (entry === null || typeof entry !== 'object' || typeof entry.value !== 'string') return [];
    const scope = SCOPES.includes(entry.scope as SiteScope) ? (entry.scope as SiteScope) : 'auto';
    return [{ value: entry.value, scope: !allowPrefix && scope === 'prefix' ? 'auto' : scope }];
  });

/**
 * The draft showing a query: a typed `ExploreQuery` or the unvalidated object
 * `decodeExploreParams` returns (unknown modes and statuses fall back to the defaults; other
 * values are kept as text so the check can point at them). Competitors get one empty row when
 * there are none, so the form always has an input to type into.
 */
export function draftFromQuery(q: Readonly<Record<string, unknown>> | ExploreQuery): FormDraft {
  const r = q as Record<string, unknown>;
  const competitors = sites(r.competitors, false);
  return {
    competitors: competitors.length > 0 ? competitors : [{ value: '', scope: 'auto' }],
    mySites: sites(r.mySites, true),
    mode: MODES.includes(r.mode as ExploreMode)
      ? (r.mode as ExploreMode)
      : DEFAULT_EXPLORE_QUERY.mode,
    minMatching: text(r.minMatching),
    dofollowOnly: bool(r.dofollowOnly),
    minDomainRank: text(r.minDomainRank),
    maxSpamScore: text(r.maxSpamScore),
    language: text(r.language),
    country: text(r.country),
    platform: text(r.platform),
    firstSeenAfter: text(r.firstSeenAfter),
    excludeTechnicalHosts: bool(r.excludeTechnicalHosts),
    status: STATUSES.includes(r.status as ExploreStatus)
      ? (r.status as ExploreStatus)
      : DEFAULT_EXPLORE_QUERY.status,
  };
}

/** The competitor rows that hold text (what the query will have). */
export function filledCompetitors(d: FormDraft): number {
  return d.competitors.filter((c) => c.value.trim() !== '').length;
}

/**
 * The query a draft asks, or the problems with it. Empty site rows are dropped; a form with no
 * competitor text is an error on the first competitor input.
 */
export function queryFromDraft(d: FormDraft): DraftResult {
  const errors: FieldError[] = [];
  const checkSites = (rows: SiteEntry[], prefix: 'c' | 'm', max: number, noun: string) => {
    const kept: SiteEntry[] = [];
    rows.forEach((row, i) => {
      const value = row.value.trim();
      if (value === '') return;
      if (value.length > 1000) {
        errors.push({
          id: `${prefix}-${i}-value`,
          message: `${noun} is longer than 1000 characters`,
        });
      } else if (
        (row.scope === 'page' || row.scope === 'prefix') &&
        !/^https?:\/\/\S+$/i.test(value)
      ) {
        const what = row.scope === 'page' ? 'an exact page' : '“every URL under”';
        errors.push({
          id: `${prefix}-${i}-value`,
          message: `${what} needs a full URL starting with http:// or https://`,
        });
      } else if (/\s/.test(value)) {
        errors.push({ id: `${prefix}-${i}-value`, message: `${noun} cannot contain spaces` });
      }
      kept.push({ value, scope: row.scope });
    });
    if (kept.length > max) {
      errors.push({
        id: `f-${prefix === 'c' ? 'competitors' : 'mySites'}`,
        message: `at most ${max}`,
      });
    }
    return kept;
  };
  const competitors = checkSites(d.competitors, 'c', MAX_COMPETITORS, 'A competitor');
  const mySites = checkSites(d.mySites, 'm', MAX_MY_SITES, 'A site');
  if (competitors.length === 0) {
    errors.push({
      id: 'c-0-value',
      message: 'Enter at least one competitor: a domain, host or URL',
    });
  }
  const whole = (s: string, id: string, lo: number, hi: number, what: string): number | null => {
    if (s.trim() === '') return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < lo || n > hi) {
      errors.push({ id, message: `${what} must be a whole number from ${lo} to ${hi}` });
      return null;
    }
    return n;
  };
  const minMatching = whole(
    d.minMatching,
    'f-minMatching',
    1,
    Math.max(1, competitors.length),
    '“Links to at least”',
  );
  const minDomainRank = whole(d.minDomainRank, 'f-minDomainRank', 0, 100, 'Min domain rank');
  const maxSpamScore = whole(d.maxSpamScore, 'f-maxSpamScore', 0, 100, 'Max spam score');
  const since = d.firstSeenAfter.trim();
  if (since !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
    errors.push({
      id: 'f-firstSeenAfter',
      message: 'First seen after must be a date (YYYY-MM-DD)',
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const opt = (s: string): string | null => (s.trim() === '' ? null : s.trim());
  return {
    ok: true,
    query: {
      competitors,
      mySites,
      mode: d.mode,
      minMatching,
      dofollowOnly: d.dofollowOnly,
      minDomainRank,
      maxSpamScore,
      language: opt(d.language),
      country: opt(d.country),
      platform: opt(d.platform),
      firstSeenAfter: opt(since),
      excludeTechnicalHosts: d.excludeTechnicalHosts,
      status: d.status,
    },
  };
}

/** True when any option beyond the sites, the mode and "at least N" narrows the backlinks. */
export function hasLinkFilters(q: ExploreQuery): boolean {
  return (
    q.dofollowOnly ||
    q.minDomainRank !== null ||
    q.maxSpamScore !== null ||
    q.language !== null ||
    q.country !== null ||
    q.platform !== null ||
    q.firstSeenAfter !== null ||
    q.status !== 'live'
  );
}

/** The same query without its link filters (the sites, mode and "at least N" stay). */
export function withoutLinkFilters(q: ExploreQuery): ExploreQuery {
  return {
    ...DEFAULT_EXPLORE_QUERY,
    competitors: q.competitors,
    mySites: q.mySites,
    mode: q.mode,
    minMatching: q.minMatching,
    excludeTechnicalHosts: q.excludeTechnicalHosts,
  };
}
