/**
 * @module The explorer's state in the page URL, so a view can be shared, bookmarked and
 * reloaded: the query and sort as `encodeExploreParams` writes them (the parameters
 * `GET /api/v1/export` reads too), plus this UI's own `o` (first row shown), `n` (rows per page)
 * and `view`. Pure.
 */
import {
  DEFAULT_SORT,
  decodeExploreParams,
  encodeExploreParams,
} from '../../src/api/native/explore-params.js';
import type { ExploreQuery, ProspectSort } from '../../src/api/native/types.js';
import { PROSPECT_SORT_FIELDS } from '../../src/engine/explore-types.js';
import { draftFromQuery, type FormDraft } from './draft.js';

/** The explorer's screens: the prospect table, the overlap chart, what is in the index. */
export type View = 'prospects' | 'overlap' | 'index';

/** Rows per page the table offers. */
export const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];
/** Rows per page when the URL does not say. */
export const DEFAULT_PAGE_SIZE = 50;
/** The highest first row the API accepts. */
export const MAX_OFFSET = 1_000_000;

const VIEWS: readonly View[] = ['prospects', 'overlap', 'index'];

/** What a page URL says: the form as typed, the sort, the page and the view. */
export interface PageState {
  draft: FormDraft;
  sort: ProspectSort;
  /** First row shown, 0-based; a multiple of `limit` when the UI wrote it. */
  offset: number;
  limit: number;
  view: View;
}

/** What the UI writes into the URL: the last query it ran (`null` = none yet). */
export interface PageParams {
  query: ExploreQuery | null;
  sort: ProspectSort;
  offset: number;
  limit: number;
  view: View;
}

/** A sort from the URL's unvalidated `{ field, dir }`; anything unknown → the default sort. */
export function sortFromParam(s: Record<string, unknown> | undefined): ProspectSort {
  if (s === undefined) return { ...DEFAULT_SORT };
  const field = PROSPECT_SORT_FIELDS.find((f) => f === s.field);
  const dir = s.dir === 'asc' || s.dir === 'desc' ? s.dir : undefined;
  return field !== undefined && dir !== undefined ? { field, dir } : { ...DEFAULT_SORT };
}

/** The state a `location.search` (with or without `?`) describes; bad numbers → defaults. */
export function parsePageState(search: string): PageState {
  const p = new URLSearchParams(search);
  const { query, sort } = decodeExploreParams(p);
  const limitParam = Number(p.get('n'));
  const limit = PAGE_SIZES.includes(limitParam) ? limitParam : DEFAULT_PAGE_SIZE;
  const offsetParam = Number(p.get('o') ?? '0');
  const offset =
    Number.isInteger(offsetParam) && offsetParam >= 0 ? Math.min(offsetParam, MAX_OFFSET) : 0;
  const view = VIEWS.find((v) => v === p.get('view')) ?? 'prospects';
  return { draft: draftFromQuery(query), sort: sortFromParam(sort), offset, limit, view };
}

/**
 * The search string (with its `?`, or `''`) for a state: defaults are left out, and a state
 * without a query keeps only its view.
 */
export function formatPageSearch(s: PageParams): string {
  const p =
    s.query === null || s.query.competitors.length === 0
      ? new URLSearchParams()
      : encodeExploreParams(s.query, s.sort);
  if (s.query !== null && s.offset > 0) p.set('o', String(s.offset));
  if (s.query !== null && s.limit !== DEFAULT_PAGE_SIZE) p.set('n', String(s.limit));
  if (s.view !== 'prospects') p.set('view', s.view);
  const out = p.toString();
  return out === '' ? '' : `?${out}`;
}

/** A stable string for a query (cache and effect key): its URL parameters. */
export function queryKey(q: ExploreQuery): string {
  return encodeExploreParams(q).toString();
}
