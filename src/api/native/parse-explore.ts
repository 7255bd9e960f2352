/**
 * Native API bodies → the engine's `IntersectQuery` (docs/http-api.md §Native API). The
 * explorer's options become per-target link filters (so they decide which backlinks count,
 * before the k-of-n test and without DataForSEO's 8-condition limit). Never throws: the first
 * invalid field comes back as a failed `Result` naming its path (`query.competitors.1.value`).
 */
import { z } from 'zod';
import type { IntersectQuery, QueryTarget, TargetSpec } from '../../core/query/intersect-query.js';
import { linkConditions, linkFiltersFor } from '../../core/query/link-conditions.js';
import { parseTarget } from '../../core/query/target.js';
import type { Result } from '../../core/result.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { hostFacts } from '../../core/url/registrable-domain.js';
import { PROSPECT_SORT_FIELDS, type ProspectSort } from '../../engine/explore-types.js';
import type { ExploreQuery, SiteEntry } from './types.js';

/** Longest competitor or my-site entry. */
export const MAX_SITE_LENGTH = 1000;
/** Competitors per query. */
export const MAX_COMPETITORS = 20;
/** My sites per query. */
export const MAX_MY_SITES = 10;
/** Largest window of `/prospects`. */
export const MAX_PROSPECTS_LIMIT = 1000;
/** Largest offset of `/prospects`. */
export const MAX_PROSPECTS_OFFSET = 1_000_000;

const site = z
  .object({
    value: z.string().trim().min(1, 'must not be empty').max(MAX_SITE_LENGTH),
    scope: z.enum(['auto', 'subdomains', 'host', 'page', 'prefix']).default('auto'),
  })
  .strict();

const rank = z.number().min(0).max(100).nullable().default(null);
const word = (max: number, pattern: RegExp, what: string) =>
  z.string().trim().max(max).regex(pattern, what).nullable().default(null);

/** The zod schema of `ExploreQuery` (defaults applied; unknown keys refused). */
export const exploreQuerySchema = z
  .object({
    competitors: z.array(site).min(1, 'give at least one competitor').max(MAX_COMPETITORS),
    mySites: z.array(site).max(MAX_MY_SITES).default([]),
    mode: z.enum(['pages', 'domains']).default('domains'),
    minMatching: z.number().int().min(1).max(MAX_COMPETITORS).nullable().default(null),
    dofollowOnly: z.boolean().default(false),
    minDomainRank: rank,
    maxSpamScore: rank,
    // The index keeps two-letter codes (src/ingest/html/normalize-lang.ts).
    language: word(2, /^[A-Za-z]{2}$/, 'must be a two-letter language code like en'),
    country: word(2, /^[A-Za-z]{2}$/, 'must be a two-letter country code like DE'),
    platform: word(40, /^[a-z][a-z-]*$/, 'must be a platform type like blogs'),
    firstSeenAfter: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine((d) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        // 2024-02-31 parses (as March 2nd): a real date reads back the same.
        return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
      }, 'must be a real date')
      .nullable()
      .default(null),
    excludeTechnicalHosts: z.boolean().default(false),
    status: z.enum(['live', 'lost', 'all']).default('live'),
  })
  .strict();

const sortSchema = z
  .object({
    field: z.enum(PROSPECT_SORT_FIELDS),
    dir: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

/** The zod schema of the body (also the source of its OpenAPI schema). */
export const prospectsSchema = z
  .object({
    query: exploreQuerySchema,
    sort: sortSchema.default({ field: 'matches', dir: 'desc' }),
    offset: z.number().int().min(0).max(MAX_PROSPECTS_OFFSET).default(0),
    limit: z.number().int().min(1).max(MAX_PROSPECTS_LIMIT).default(50),
  })
  .strict();

/** The zod schema of the body (also the source of its OpenAPI schema). */
export const overlapSchema = z
  .object({ query: exploreQuerySchema, combinations: z.number().int().min(1).max(100).default(10) })
  .strict();

/** The zod schema of the body (also the source of its OpenAPI schema). */
export const evidenceSchema = z
  .object({
    query: exploreQuerySchema,
    prospect: z
      .string()
      .trim()
      .min(1)
      .max(MAX_SITE_LENGTH * 2),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** The zod schema of the body (also the source of its OpenAPI schema). */
export const exportSchema = z
  .object({
    query: exploreQuerySchema,
    sort: sortSchema.default({ field: 'matches', dir: 'desc' }),
  })
  .strict();

/** Pages one `/verify` call checks at most. */
export const MAX_VERIFY_PAGES = 50;

/** The zod schema of a `/verify` body. */
export const verifySchema = z
  .object({
    query: exploreQuerySchema,
    prospects: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(MAX_SITE_LENGTH * 2),
      )
      .min(1, 'give at least one prospect page')
      .max(MAX_VERIFY_PAGES),
  })
  .strict();

/** Parse a `/verify` body: pages mode only (it checks referring pages). */
export function parseVerifyRequest(
  body: unknown,
): Result<{ query: IntersectQuery; prospects: string[] }> {
  const r = validate(verifySchema, body);
  if (!r.ok) return r;
  if (r.value.query.mode !== 'pages') {
    return fieldError('query.mode', "verify checks referring pages: use mode 'pages'");
  }
  const q = toIntersectQuery(r.value.query);
  if (!q.ok) return q;
  return { ok: true, value: { query: q.value, prospects: [...new Set(r.value.prospects)] } };
}

/** A parsed `/prospects` body. */
export interface ProspectsInput {
  query: IntersectQuery;
  explore: ExploreQuery;
  sort: ProspectSort;
}

/** Parse a `/prospects` body (its window goes into `query.offset` / `query.limit`). */
export function parseProspectsRequest(body: unknown): Result<ProspectsInput> {
  const r = validate(prospectsSchema, body);
  if (!r.ok) return r;
  const q = toIntersectQuery(r.value.query);
  if (!q.ok) return q;
  q.value.offset = r.value.offset;
  q.value.limit = r.value.limit;
  return { ok: true, value: { query: q.value, explore: r.value.query, sort: r.value.sort } };
}

/** Parse an `/overlap` body. */
export function parseOverlapRequest(
  body: unknown,
): Result<{ query: IntersectQuery; combinations: number }> {
  const r = validate(overlapSchema, body);
  if (!r.ok) return r;
  const q = toIntersectQuery(r.value.query);
  return q.ok ? { ok: true, value: { query: q.value, combinations: r.value.combinations } } : q;
}

/** Parse an `/evidence` body. */
export function parseEvidenceRequest(
  body: unknown,
): Result<{ query: IntersectQuery; prospect: string; limit: number }> {
  const r = validate(evidenceSchema, body);
  if (!r.ok) return r;
  const q = toIntersectQuery(r.value.query);
  if (!q.ok) return q;
  return { ok: true, value: { query: q.value, prospect: r.value.prospect, limit: r.value.limit } };
}

/** Parse an export request (`{query, sort}`, from JSON or from `decodeExploreParams`). */
export function parseExportRequest(body: unknown): Result<
  Omit<ProspectsInput, 'explore'> & {
    explore: ExploreQuery;
  }
> {
  const r = validate(exportSchema, body);
  if (!r.ok) return r;
  const q = toIntersectQuery(r.value.query);
  if (!q.ok) return q;
  return { ok: true, value: { query: q.value, explore: r.value.query, sort: r.value.sort } };
}

function validate<T>(schema: z.ZodType<T>, body: unknown): Result<T> {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'invalid request';
  return { ok: false, field, message: field === '' ? message : `${field}: ${message}` };
}

/** The engine query of a validated explorer query (window 0..50, ranks on 0–100). */
export function toIntersectQuery(e: ExploreQuery): Result<IntersectQuery> {
  const targets: QueryTarget[] = [];
  for (const [i, c] of e.competitors.entries()) {
    const spec = siteSpec(c, false);
    if (!spec.ok) return fieldError(`query.competitors.${i}.value`, spec.message);
    targets.push({ ...spec.value, key: String(i + 1) });
  }
  const excludes: TargetSpec[] = [];
  for (const [i, m] of e.mySites.entries()) {
    const spec = siteSpec(m, true);
    if (!spec.ok) return fieldError(`query.mySites.${i}.value`, spec.message);
    excludes.push(spec.value);
  }
  const k = e.minMatching ?? targets.length;
  if (k > targets.length) {
    return fieldError(
      'query.minMatching',
      `must be between 1 and the number of competitors (${targets.length})`,
    );
  }
  const domainMode = e.mode === 'domains';
  const conditions = linkConditions({
    ...e,
    language: e.language?.toLowerCase() ?? null,
    country: e.country?.toUpperCase() ?? null,
    firstSeenAfter:
      e.firstSeenAfter === null ? null : Date.parse(`${e.firstSeenAfter}T00:00:00Z`) / 1000,
  });
  return {
    ok: true,
    value: {
      source: domainMode ? 'domain' : 'page',
      targets,
      excludes,
      minMatching: k,
      status: e.status,
      includeIndirect: true,
      excludeInternal: true,
      excludeTechnicalHosts: e.excludeTechnicalHosts,
      linkFilters: linkFiltersFor(
        targets.map(() => null),
        conditions,
        domainMode,
      ),
      itemFilter: null,
      order: [],
      offset: 0,
      limit: 50,
      rankScale: 'one_hundred',
      internalListLimit: 100,
      explainSpam: false,
    },
  };
}

/** A site entry as a target spec under its scope. */
function siteSpec(e: SiteEntry, exclude: boolean): Result<TargetSpec> {
  const raw = e.value.trim();
  const isUrl = /^https?:\/\//i.test(raw);
  const parse = (s: string, includeSubdomains: boolean, allowPrefix = false) => {
    const r = parseTarget(s, { allowPrefix, includeSubdomains });
    return r.ok ? { ok: true as const, value: { ...r.value, raw } } : r;
  };
  const hostSpec = (includeSubdomains: boolean): Result<TargetSpec> => {
    if (!isUrl) return parse(raw, includeSubdomains);
    const n = normalizeUrl(raw.replace(/\*$/, ''));
    if (!n.ok) return fail(`not a valid URL (${n.reason}): ${raw}`);
    return parse(new URL(n.url).hostname, includeSubdomains);
  };
  const spec = scopedSpec(e, raw, isUrl, parse, hostSpec, exclude);
  if (spec.ok && (spec.value.kind === 'domain' || spec.value.kind === 'host')) {
    // `com` or `co.uk` names no site: it would match every link under a public suffix.
    if (hostFacts(spec.value.value).tld === spec.value.value) {
      return fail(`${spec.value.value} is a public suffix, not a site: name a domain under it`);
    }
  }
  return spec;
}

function scopedSpec(
  e: SiteEntry,
  raw: string,
  isUrl: boolean,
  parse: (s: string, includeSubdomains: boolean, allowPrefix?: boolean) => Result<TargetSpec>,
  hostSpec: (includeSubdomains: boolean) => Result<TargetSpec>,
  exclude: boolean,
): Result<TargetSpec> {
  switch (e.scope) {
    case 'auto':
      return parse(raw, true, exclude);
    case 'subdomains':
      return hostSpec(true);
    case 'host':
      return hostSpec(false);
    case 'page':
      if (!isUrl) return fail(`an exact page needs a URL starting with https:// or http://`);
      if (raw.endsWith('*')) return fail(`'*' is not part of a page URL; use scope prefix`);
      return parse(raw, true);
    case 'prefix':
      if (!exclude) return fail('scope prefix is only for my sites');
      if (!isUrl) return fail('a prefix needs a URL starting with https:// or http://');
      return parse(raw.endsWith('*') ? raw : `${raw}*`, true, true);
  }
}

function fail(message: string): Result<never> {
  return { ok: false, field: '', message };
}

function fieldError(field: string, message: string): Result<never> {
  return { ok: false, field, message: `${field}: ${message}` };
}
