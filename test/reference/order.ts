/**
 * The reference's comparators: the unique link order and the result order of units
 * (docs/intersection-semantics.md §Data, §Order).
 */
import type { LinkRow } from './reference-data.js';

/** One sort key of a unit: a number (booleans as 0/1), a string, or null for no value. */
export type SortValue = number | string | null;

/** Compare by UTF-16 code units. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstHop(l: LinkRow): string {
  return l.is_indirect_link ? (l.indirect_link_path?.[0]?.url ?? '') : '';
}

/**
 * The link order: (url_from, url_to, item_type, is_indirect_link false first, url of the first
 * hop of indirect_link_path, "" for direct links), all ascending.
 */
export function linkOrder(a: LinkRow, b: LinkRow): number {
  return (
    compareStrings(a.url_from, b.url_from) ||
    compareStrings(a.url_to, b.url_to) ||
    compareStrings(a.item_type, b.item_type) ||
    Number(a.is_indirect_link) - Number(b.is_indirect_link) ||
    compareStrings(firstHop(a), firstHop(b))
  );
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return (a as number) - (b as number);
}

/**
 * Units by their keys (a unit without a value sorts after every unit with one, in both
 * directions), then by the unit's name ascending.
 */
export function compareUnits(
  a: readonly SortValue[],
  b: readonly SortValue[],
  directions: readonly ('asc' | 'desc')[],
  aName: string,
  bName: string,
): number {
  for (let i = 0; i < directions.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === null && y === null) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = compareValues(x, y);
    if (c !== 0) return directions[i] === 'desc' ? -c : c;
  }
  return compareStrings(aName, bName);
}
