/**
 * One DataForSEO `page_intersection/live` or `domain_intersection/live` task → `IntersectQuery`
 * (spec/dataforseo.md §3 and §11 "Clone mapping"; DESIGN §3), plus the `tasks[].data` echo.
 * Fields are checked in a fixed order (targets, exclude_targets, filters, backlinks_filters,
 * order_by, offset, limit, internal_list_limit, backlinks_status_type, include_subdomains,
 * include_indirect_links, exclude_internal_backlinks, exclude_technical_hosts, explain_spam
 * (our extensions), intersection_mode, rank_scale, tag) and
 * the first bad one is reported as 40501.
 */
import RE2 from 're2';
import { parseFilter } from '../../core/filter/parse.js';
import { splitFilter } from '../../core/filter/split.js';
import type { FilterExpr } from '../../core/filter/types.js';
import { fieldResolver } from '../../core/query/field-resolver.js';
import type { IntersectQuery, LinkStatus, RankScale } from '../../core/query/intersect-query.js';
import { parseOrderBy } from '../../core/query/order.js';
import {
  type FieldResult,
  invalid,
  isObject,
  MAX_TAG_LENGTH,
  readBool,
  readEnum,
  readExcludes,
  readInt,
  readString,
  readTargets,
  type TaskObject,
} from './task-fields.js';

/** The two DataForSEO endpoints this clone serves. */
export type IntersectionEndpoint = 'page_intersection' | 'domain_intersection';

/**
 * A parsed task, or the first invalid field. `data` is DataForSEO's `tasks[].data` echo in
 * both cases; `message` is the task's full status message (40501); `detail` says in words what
 * is wrong (not part of the DataForSEO response: for logs and the CLI).
 */
export type ParsedTask =
  | { ok: true; query: IntersectQuery; data: Record<string, unknown> }
  | { ok: false; field: string; message: string; detail?: string; data: Record<string, unknown> };

// DataForSEO's limits: conditions per filter (filters and backlinks_filters each), limit and
// internal_list_limit; the offset cap is ours (DataForSEO documents none for these endpoints).
const MAX_CONDITIONS = 8;
const MAX_OFFSET = 1_000_000;
const MAX_LIMIT = 1000;
const MAX_INTERNAL_LIST_LIMIT = 1000;

const PAGE_FIELDS: readonly string[] = [
  'targets',
  'exclude_targets',
  'backlinks_status_type',
  'filters',
  'order_by',
  'offset',
  'limit',
  'internal_list_limit',
  'include_subdomains',
  'include_indirect_links',
  'exclude_internal_backlinks',
  'exclude_technical_hosts',
  'explain_spam',
  'intersection_mode',
  'rank_scale',
  'tag',
];
const DOMAIN_FIELDS: readonly string[] = [...PAGE_FIELDS, 'backlinks_filters'];
const STATUSES: readonly LinkStatus[] = ['live', 'lost', 'all'];
const RANK_SCALES: readonly RankScale[] = ['one_hundred', 'one_thousand'];

/** Whether RE2 compiles `pattern` (the engine runs user regexes in RE2 only). */
export function isValidRe2Pattern(pattern: string): boolean {
  try {
    new RE2(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parse one task of a page_intersection / domain_intersection request. Never throws.
 * @example parseTask('page_intersection', { targets: { '1': 'a.com', '2': 'b.com' } })
 */
export function parseTask(endpoint: IntersectionEndpoint, task: unknown): ParsedTask {
  const data = echoData(endpoint, task);
  const parsed = readQuery(endpoint, isObject(task) ? task : {});
  return parsed.ok
    ? { ok: true, query: parsed.value, data }
    : {
        ok: false,
        field: parsed.field,
        message: parsed.message,
        detail: parsed.detail,
        data,
      };
}

/**
 * `{api, function}` then the recognised fields the task has, in the task's key order, values
 * exactly as sent (invalid ones and nulls included); unknown fields are dropped.
 */
function echoData(endpoint: IntersectionEndpoint, task: unknown): Record<string, unknown> {
  const data: Record<string, unknown> = { api: 'backlinks', function: endpoint };
  if (!isObject(task)) return data;
  const known = endpoint === 'page_intersection' ? PAGE_FIELDS : DOMAIN_FIELDS;
  for (const key of Object.keys(task)) if (known.includes(key)) data[key] = task[key];
  return data;
}

function readQuery(endpoint: IntersectionEndpoint, task: TaskObject): FieldResult<IntersectQuery> {
  const page = endpoint === 'page_intersection';
  // include_subdomains shapes target specs; its own validity is reported in its turn below.
  const subdomains = typeof task.include_subdomains === 'boolean' ? task.include_subdomains : true;
  const targets = readTargets(task, subdomains);
  if (!targets.ok) return targets;
  const excludes = readExcludes(task, subdomains);
  if (!excludes.ok) return excludes;
  const selection = readSelection(
    page,
    task,
    targets.value.length,
    targets.value.map((t) => t.key),
  );
  if (!selection.ok) return selection;
  const paging = readWindow(task);
  if (!paging.ok) return paging;
  const options = readOptions(task);
  if (!options.ok) return options;
  const { partial, ...scope } = options.value;
  return {
    ok: true,
    value: {
      source: page ? 'page' : 'domain',
      targets: targets.value,
      excludes: excludes.value,
      minMatching: partial ? 1 : targets.value.length,
      ...scope,
      ...selection.value,
      ...paging.value,
    },
  };
}

type Selection = Pick<IntersectQuery, 'linkFilters' | 'itemFilter' | 'order'>;

/** filters, backlinks_filters (domain only), order_by. */
function readSelection(
  page: boolean,
  task: TaskObject,
  targetCount: number,
  keys: readonly string[],
): FieldResult<Selection> {
  const resolve = fieldResolver(page ? 'page' : 'domain', keys);
  const filters = readFilter(task, 'filters', resolve);
  if (!filters.ok) return filters;
  const backlinksFilter: FieldResult<FilterExpr | null> = page
    ? { ok: true, value: null }
    : readFilter(task, 'backlinks_filters', fieldResolver('backlink', keys));
  if (!backlinksFilter.ok) return backlinksFilter;
  const order = parseOrderBy(task.order_by, resolve);
  if (!order.ok) return invalid('order_by', order.message);
  const split = page
    ? splitFilter(filters.value, targetCount)
    : {
        linkFilters: Array.from({ length: targetCount }, () => backlinksFilter.value),
        itemFilter: filters.value,
      };
  return { ok: true, value: { ...split, order: order.value } };
}

type Window = Pick<IntersectQuery, 'offset' | 'limit' | 'internalListLimit'>;

/** offset, limit, internal_list_limit. */
function readWindow(task: TaskObject): FieldResult<Window> {
  const offset = readInt(task, 'offset', 0, MAX_OFFSET, 0);
  if (!offset.ok) return offset;
  const limit = readInt(task, 'limit', 1, MAX_LIMIT, 100);
  if (!limit.ok) return limit;
  const listLimit = readInt(task, 'internal_list_limit', 1, MAX_INTERNAL_LIST_LIMIT, 10);
  if (!listLimit.ok) return listLimit;
  return {
    ok: true,
    value: { offset: offset.value, limit: limit.value, internalListLimit: listLimit.value },
  };
}

interface Options {
  status: LinkStatus;
  includeIndirect: boolean;
  excludeInternal: boolean;
  excludeTechnicalHosts: boolean;
  explainSpam: boolean;
  partial: boolean;
  rankScale: RankScale;
}

/** The enums, the booleans and tag (checked, only echoed). */
function readOptions(task: TaskObject): FieldResult<Options> {
  const status = readEnum<LinkStatus>(task, 'backlinks_status_type', STATUSES, 'live');
  if (!status.ok) return status;
  const includeSubdomains = readBool(task, 'include_subdomains', true);
  if (!includeSubdomains.ok) return includeSubdomains;
  const includeIndirect = readBool(task, 'include_indirect_links', true);
  if (!includeIndirect.ok) return includeIndirect;
  const excludeInternal = readBool(task, 'exclude_internal_backlinks', true);
  if (!excludeInternal.ok) return excludeInternal;
  const excludeTechnical = readBool(task, 'exclude_technical_hosts', false);
  if (!excludeTechnical.ok) return excludeTechnical;
  const explainSpam = readBool(task, 'explain_spam', false);
  if (!explainSpam.ok) return explainSpam;
  const mode = readEnum(task, 'intersection_mode', ['all', 'partial'], 'all');
  if (!mode.ok) return mode;
  const rankScale = readEnum<RankScale>(task, 'rank_scale', RANK_SCALES, 'one_thousand');
  if (!rankScale.ok) return rankScale;
  const tag = readString(task, 'tag', MAX_TAG_LENGTH);
  if (!tag.ok) return tag;
  return {
    ok: true,
    value: {
      status: status.value,
      includeIndirect: includeIndirect.value,
      excludeInternal: excludeInternal.value,
      excludeTechnicalHosts: excludeTechnical.value,
      explainSpam: explainSpam.value,
      partial: mode.value === 'partial',
      rankScale: rankScale.value,
    },
  };
}

function readFilter(
  task: TaskObject,
  field: 'filters' | 'backlinks_filters',
  resolveField: ReturnType<typeof fieldResolver>,
): FieldResult<FilterExpr | null> {
  const r = parseFilter(task[field], {
    resolveField,
    maxConditions: MAX_CONDITIONS,
    isValidRegex: isValidRe2Pattern,
  });
  return r.ok ? r : invalid(field, r.message);
}
