/**
 * A Moz Links API v2 `link_intersect` request body → `MozQuery` (spec/moz-and-peers.md §1.2;
 * choices recorded in test/compat/expected-differences.yaml, `moz_*` entries):
 * - page scope: a target with a scheme is that URL; a scheme-less one (Moz style) matches the
 *   page over http and https (two specs of one positive target);
 * - subdomain scope: the host exactly (and `www.` + host, as the engine's host targets do);
 * - root_domain scope: the registrable domain of the target's host and all its subdomains.
 * Never throws: the first invalid field comes back as a failed `Result`.
 */
import { z } from 'zod';
import type { IntersectQuery, QueryTarget, TargetSpec } from '../../core/query/intersect-query.js';
import { parseTarget } from '../../core/query/target.js';
import type { Result } from '../../core/result.js';
import { hostFacts, hostOf } from '../../core/url/registrable-domain.js';
import type { MozQuery, MozSort } from '../../engine/moz-types.js';

/** Moz's limit on positive + negative targets. */
export const MAX_MOZ_TARGETS = 6;
/** Moz's maximum `limit`. */
export const MAX_MOZ_LIMIT = 50;
/** Our default `limit` (Moz v1's default; v2's is undocumented). */
export const DEFAULT_MOZ_LIMIT = 25;
/** Longest `next_token` accepted. */
const MAX_TOKEN_LENGTH = 1024;

/** Moz target scopes. */
export type MozScope = 'page' | 'subdomain' | 'root_domain';
const SCOPES = ['page', 'subdomain', 'root_domain'] as const;
const SORTS = ['matching_target_count', 'source_domain_authority', 'source_spam_score'] as const;

/** A parsed request: the engine query (offset 0), the token to resume from, the query key. */
export interface MozRequest {
  query: MozQuery;
  /** `next_token` as sent; null when absent or `""` (first page). */
  nextToken: string | null;
  /**
   * The normalised query (target specs by positive target, negative specs, min_matching_targets,
   * source_scope, sort) as a canonical string: tokens are bound to it. `limit` is not part of it (pages may change size).
   */
  queryKey: string;
}

const targetSchema = z.object({
  target: z.string().describe('A URL or host, with or without http(s)://'),
  scope: z.enum(SCOPES),
});

/**
 * The zod shape of a `link_intersect` body (for MCP tool input schemas). Cross-field rules (6
 * targets combined, min_matching_targets ≤ positives, parseable targets) are `parseMozRequest`'s.
 */
export const mozRequestShape = {
  positive_targets: z.array(targetSchema).min(1).describe('Sources must link to these'),
  negative_targets: z
    .array(targetSchema)
    .nullable()
    .optional()
    .describe('Sources must not link to these'),
  min_matching_targets: z.number().int().min(1).optional(),
  source_scope: z.enum(['page', 'root_domain']).optional(),
  sort: z.enum(SORTS).optional(),
  limit: z.number().int().min(1).max(MAX_MOZ_LIMIT).optional(),
  next_token: z.string().max(MAX_TOKEN_LENGTH).optional(),
};
const bodySchema = z.object(mozRequestShape);

/**
 * Parse a `link_intersect` body. `field` names the offending field (`positive_targets[1].scope`).
 * @example parseMozRequest({ positive_targets: [{ target: 'moz.com', scope: 'root_domain' }] })
 */
export function parseMozRequest(body: unknown): Result<MozRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, field: 'body', message: 'the request body must be a JSON object' };
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined ? 'body' : fieldName(issue.path);
    return {
      ok: false,
      field,
      message: `Invalid field '${field}': ${issue?.message ?? 'invalid'}`,
    };
  }
  const b = parsed.data;
  const negatives = b.negative_targets ?? [];
  if (b.positive_targets.length + negatives.length > MAX_MOZ_TARGETS) {
    return fail(
      'positive_targets',
      `at most ${MAX_MOZ_TARGETS} targets in positive_targets and negative_targets combined`,
    );
  }
  const targets: QueryTarget[] = [];
  const targetGroups: number[] = [];
  for (const [i, t] of b.positive_targets.entries()) {
    const specs = scopeSpecs(t.target, t.scope);
    if (!specs.ok) return fail(`positive_targets[${i}].target`, specs.message);
    for (const s of specs.value) {
      targets.push({ ...s, key: String(targets.length + 1) });
      targetGroups.push(i);
    }
  }
  const excludes: TargetSpec[] = [];
  for (const [i, t] of negatives.entries()) {
    const specs = scopeSpecs(t.target, t.scope);
    if (!specs.ok) return fail(`negative_targets[${i}].target`, specs.message);
    excludes.push(...specs.value);
  }
  const positives = b.positive_targets.length;
  const minMatching = b.min_matching_targets ?? 1;
  if (minMatching > positives) {
    return fail(
      'min_matching_targets',
      `must be at most the number of positive_targets (${positives})`,
    );
  }
  const source = b.source_scope === 'root_domain' ? 'domain' : 'page';
  const sort: MozSort = b.sort ?? 'matching_target_count';
  const limit = b.limit ?? DEFAULT_MOZ_LIMIT;
  const query: IntersectQuery = {
    source,
    targets,
    excludes,
    minMatching: 1,
    status: 'live',
    includeIndirect: true,
    excludeInternal: true,
    excludeTechnicalHosts: false,
    linkFilters: targets.map(() => null),
    itemFilter: null,
    order: [],
    offset: 0,
    limit,
    rankScale: 'one_thousand',
    internalListLimit: 1,
    explainSpam: false,
  };
  const spec = (t: TargetSpec) => [t.kind, t.value, t.includeSubdomains];
  const queryKey = JSON.stringify({
    p: targets.map((t, i) => [targetGroups[i], ...spec(t)]),
    n: excludes.map(spec),
    m: minMatching,
    s: source,
    o: sort,
  });
  return {
    ok: true,
    value: {
      query: { query, targetGroups, positives, minMatching, sort, offset: 0, limit },
      nextToken: b.next_token === undefined || b.next_token === '' ? null : b.next_token,
      queryKey,
    },
  };
}

/**
 * The specs one Moz target names at `scope` (fields `''` on failure).
 * @example scopeSpecs('moz.com/blog', 'page') // http://moz.com/blog and https://moz.com/blog
 */
export function scopeSpecs(raw: string, scope: MozScope): Result<TargetSpec[]> {
  const s = raw.trim();
  const hasScheme = /^https?:\/\//i.test(s);
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    return { ok: false, field: '', message: `only http(s) targets are supported: ${raw}` };
  }
  const urls = hasScheme ? [s] : [`http://${s}`, `https://${s}`];
  const pages: TargetSpec[] = [];
  for (const u of urls) {
    const r = parseTarget(u, { allowPrefix: false, includeSubdomains: false });
    if (!r.ok) return { ok: false, field: '', message: r.message.replace(u, raw) };
    pages.push({ ...r.value, raw });
  }
  if (scope === 'page') return { ok: true, value: pages };
  const host = hostOf((pages[0] as TargetSpec).value);
  const domain = hostFacts(host).domain;
  const name = scope === 'root_domain' ? domain : host;
  const kind = name === domain ? 'domain' : 'host';
  return {
    ok: true,
    value: [{ kind, value: name, includeSubdomains: scope === 'root_domain', raw }],
  };
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? 'body' : out;
}

function fail<T>(field: string, message: string): Result<T> {
  return { ok: false, field, message: `Invalid field '${field}': ${message}` };
}
