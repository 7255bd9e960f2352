/**
 * A seeded random `IntersectQuery` generator over a dataset, for the differential test: targets
 * that have links (URLs, hosts, domains, with and without subdomains), excludes that hit, both
 * modes, k-of-n, every status, link and item filters over every field type and operator, orders,
 * windows across page boundaries, both rank scales and small internal list limits.
 */

import {
  BACKLINK_FIELDS as BACKLINK_FIELD_TYPES,
  DOMAIN_STATS_FIELDS as DOMAIN_STATS_FIELD_TYPES,
} from '../../src/core/filter/catalogue.js';
import type { FilterCondition, FilterExpr } from '../../src/core/filter/types.js';
import type {
  IntersectQuery,
  LinkStatus,
  OrderKey,
  QueryTarget,
  RankScale,
  SourceLevel,
  TargetSpec,
} from '../../src/core/query/intersect-query.js';
import type { QueryPool } from './query-pool.js';
import {
  backlinkValues,
  countConditions,
  createRng,
  type Rng,
  randomCondition,
  randomExpr,
  type ValueSource,
} from './random-condition.js';
import type { LinkRow } from './reference-data.js';

/** Options of `randomQuery`. */
export interface RandomQueryOptions {
  /** The number of results of a query: lets some offsets land near the end. */
  totalOf?: (q: IntersectQuery) => number;
}

const SMALL_COUNTS = [0, 1, 2, 3, 4, 5, 8, 13];

/** Backlink fields where the semantics have corners (arrays, nulls, scaled ranks, text). */
const TRICKY_FIELDS = [
  'attributes',
  'domain_from_platform_type',
  'rank',
  'page_from_rank',
  'prev_seen',
  'anchor',
  'text_pre',
  'alt',
  'domain_from_country',
  'is_lost',
];

/** A backlink field, a third of the time one of the tricky ones. */
function backlinkField(r: Rng): string {
  return r.chance(0.35) ? r.pick(TRICKY_FIELDS) : r.pick(Object.keys(BACKLINK_FIELD_TYPES));
}

function hostSpec(kind: 'host' | 'domain', value: string, sub: boolean): TargetSpec {
  return { kind, value, includeSubdomains: sub, raw: value };
}

/** A target naming what `l` links to: its URL, its host or its domain. */
function targetOf(r: Rng, l: LinkRow): TargetSpec {
  const roll = r.next();
  const sub = r.chance(0.6);
  if (roll < 0.4) return { kind: 'page', value: l.url_to, includeSubdomains: sub, raw: l.url_to };
  if (roll < 0.75 || l.host_to === l.domain_to) {
    // Without subdomains the domain must still match the seed link (itself or www.).
    const own = l.host_to === l.domain_to || l.host_to === `www.${l.domain_to}`;
    return hostSpec('domain', l.domain_to, sub || !own);
  }
  return hostSpec('host', l.host_to, sub);
}

/** A target (or exclude) that names something linked. */
function randomTarget(r: Rng, pool: QueryPool): TargetSpec {
  const roll = r.next();
  const sub = r.chance(0.6);
  if (roll < 0.35 || pool.domains.length === 0) {
    const url = r.popular(pool.urls);
    return { kind: 'page', value: url, includeSubdomains: sub, raw: url };
  }
  if (roll < 0.75 || pool.hosts.length === 0)
    return hostSpec('domain', r.popular(pool.domains), sub);
  return hostSpec('host', r.popular(pool.hosts), sub);
}

function randomExclude(r: Rng, pool: QueryPool): TargetSpec {
  const roll = r.next();
  if (roll < 0.08) return hostSpec('domain', 'nowhere-linked.example', true);
  if (roll < 0.35) {
    const url = r.popular(pool.urls);
    const pathStart = url.indexOf('/', url.indexOf('://') + 3);
    // Mostly within the path; sometimes within the host (`https://www.ba*` is a prefix too).
    const from = r.chance(0.3)
      ? url.indexOf('://') + 4
      : pathStart < 0
        ? url.length
        : pathStart + 1;
    const value = url.slice(0, from + r.int(url.length - from + 1));
    return { kind: 'prefix', value, includeSubdomains: true, raw: `${value}*` };
  }
  return randomTarget(r, pool);
}

function statsValues(pool: QueryPool, name: string): ValueSource {
  if (name === 'target') return (r) => r.pick(pool.sourceDomains);
  if (name === 'rank') return backlinkValues(pool, 'rank');
  if (name === 'backlinks_spam_score') return backlinkValues(pool, 'backlink_spam_score');
  if (name === 'first_seen' || name === 'lost_date') return (r) => r.pick(pool.times);
  return (r) => r.pick(SMALL_COUNTS);
}

/** A condition on target `target`'s field (or on intersections_count when target is null). */
function unitCondition(
  r: Rng,
  pool: QueryPool,
  source: SourceLevel,
  target: number | null,
  scale: RankScale,
  targetCount: number,
): FilterCondition {
  if (target === null) {
    const counts = (rr: Rng) => 1 + rr.int(targetCount + 1);
    return randomCondition(r, { target: null, name: 'intersections_count' }, 'num', counts, scale);
  }
  const catalogue = source === 'page' ? BACKLINK_FIELD_TYPES : DOMAIN_STATS_FIELD_TYPES;
  const name = source === 'page' ? backlinkField(r) : r.pick(Object.keys(catalogue));
  const values = source === 'page' ? backlinkValues(pool, name) : statsValues(pool, name);
  return randomCondition(r, { target, name }, catalogue[name] ?? 'num', values, scale);
}

function linkCondition(
  r: Rng,
  pool: QueryPool,
  target: number | null,
  scale: RankScale,
): FilterCondition {
  const name = backlinkField(r);
  const type = BACKLINK_FIELD_TYPES[name] ?? 'str';
  return randomCondition(r, { target, name }, type, backlinkValues(pool, name), scale);
}

function randomOrder(r: Rng, source: SourceLevel, targetCount: number): OrderKey[] {
  if (r.chance(0.35)) return [];
  const catalogue = source === 'page' ? BACKLINK_FIELD_TYPES : DOMAIN_STATS_FIELD_TYPES;
  const sortable = Object.keys(catalogue).filter((f) => catalogue[f] !== 'array');
  return Array.from({ length: 1 + r.int(3) }, () => ({
    field: r.chance(0.2)
      ? { target: null, name: 'intersections_count' }
      : { target: r.int(targetCount), name: r.pick(sortable) },
    direction: r.chance(0.5) ? 'asc' : 'desc',
  }));
}

/** Text fields for the focused queries. */
const TEXT_FIELDS = ['anchor', 'text_pre', 'text_post', 'page_from_title', 'alt', 'url_from'];

/**
 * A focused variant: one condition on a text field of target 1 (link or item filter), no
 * excludes, at least one target, so string operators meet many values and most answers hold
 * items.
 */
function focus(r: Rng, pool: QueryPool, q: IntersectQuery): void {
  const name = r.pick(TEXT_FIELDS);
  const cond = randomCondition(
    r,
    { target: q.source === 'page' ? 0 : null, name },
    'str',
    backlinkValues(pool, name),
    q.rankScale,
  );
  q.excludes = [];
  q.minMatching = 1;
  q.linkFilters = q.targets.map(() => null);
  q.itemFilter = null;
  if (q.source === 'page' && r.chance(0.5)) q.itemFilter = cond;
  else if (q.source === 'page') q.linkFilters[0] = cond;
  else q.linkFilters = q.targets.map(() => cond);
}

/** One random query over the pool's dataset; the same seed sequence gives the same query. */
export function randomQuery(
  pool: QueryPool,
  rand: () => number,
  opts: RandomQueryOptions = {},
): IntersectQuery {
  const r = createRng(rand);
  const source: SourceLevel = r.chance(0.5) ? 'page' : 'domain';
  const status: LinkStatus = r.pick(['live', 'live', 'live', 'all', 'all', 'lost']);
  const includeIndirect = r.chance(0.6);
  const excludeInternal = r.chance(0.6);
  const n = r.pick([1, 2, 2, 2, 3, 3, 4, 5, 7, 12, 20]);
  // Most queries take their targets from what one seed unit links to, so they intersect.
  const eligible = pool.links.filter(
    (l) =>
      (status === 'all' || l.is_lost === (status === 'lost')) &&
      (includeIndirect || !l.is_indirect_link) &&
      (!excludeInternal || !l.is_internal),
  );
  let group: LinkRow[] = [];
  if (eligible.length > 0 && r.chance(0.85)) {
    const seed = r.pick(eligible);
    group = eligible.filter((l) =>
      source === 'page' ? l.url_from === seed.url_from : l.domain_from === seed.domain_from,
    );
  }
  const targets: QueryTarget[] = Array.from({ length: n }, (_, i) => ({
    ...(group.length > 0 && r.chance(0.85) ? targetOf(r, r.pick(group)) : randomTarget(r, pool)),
    key: String(i + 1),
  }));
  const excludes = Array.from({ length: r.pick([0, 0, 1, 1, 2, 3]) }, () => randomExclude(r, pool));
  const rankScale: RankScale = r.chance(0.5) ? 'one_thousand' : 'one_hundred';

  let linkFilters: Array<FilterExpr | null> = targets.map(() => null);
  if (source === 'page') {
    linkFilters = targets.map((_, i) =>
      r.chance(0.25)
        ? randomExpr(r, 1 + r.int(3), () => linkCondition(r, pool, i, rankScale))
        : null,
    );
  } else if (r.chance(0.3)) {
    const shared = randomExpr(r, 1 + r.int(3), () => linkCondition(r, pool, null, rankScale));
    linkFilters = targets.map(() => shared);
  }
  const used = linkFilters.reduce((k, f) => Math.max(k, countConditions(f)), 0);
  const itemFilter = r.chance(0.45)
    ? randomExpr(r, Math.max(1, Math.min(4, 8 - used)), () =>
        unitCondition(r, pool, source, r.chance(0.15) ? null : r.int(n), rankScale, n),
      )
    : null;

  const limit = r.chance(0.3) ? 1 + r.int(5) : 1 + r.int(100);
  const query: IntersectQuery = {
    source,
    targets,
    excludes,
    minMatching: r.chance(0.5) ? n : 1 + r.int(n),
    status,
    includeIndirect,
    excludeInternal,
    linkFilters,
    itemFilter,
    order: randomOrder(r, source, n),
    offset: 0,
    limit,
    rankScale,
    internalListLimit: r.chance(0.5) ? 1 + r.int(3) : 10,
    excludeTechnicalHosts: r.chance(0.25),
    explainSpam: r.chance(0.2),
  };
  if (r.chance(0.2)) focus(r, pool, query);
  const roll = r.next();
  if (roll < 0.25) query.offset = 1 + r.int(20);
  else if (roll < 0.5) {
    const total = opts.totalOf?.(query) ?? 200;
    query.offset = Math.max(0, total - r.int(limit + 3));
  }
  return query;
}
