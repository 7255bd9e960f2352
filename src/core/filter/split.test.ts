import { describe, expect, it } from 'vitest';
import { splitFilter } from './split.js';
import type { FilterCondition, FilterExpr } from './types.js';

const c = (target: number | null, name = 'rank', value = 1): FilterCondition => ({
  kind: 'cond',
  field: { target, name },
  type: 'num',
  op: '>',
  value,
});
const and = (...items: FilterExpr[]): FilterExpr => ({ kind: 'and', items });
const or = (...items: FilterExpr[]): FilterExpr => ({ kind: 'or', items });

describe('splitFilter', () => {
  it('gives no filters for null', () => {
    expect(splitFilter(null, 3)).toEqual({ linkFilters: [null, null, null], itemFilter: null });
  });

  it('makes a single target condition that target’s link filter', () => {
    expect(splitFilter(c(1), 2)).toEqual({ linkFilters: [null, c(1)], itemFilter: null });
  });

  it('keeps an item field condition in the item filter', () => {
    expect(splitFilter(c(null, 'intersections_count'), 2)).toEqual({
      linkFilters: [null, null],
      itemFilter: c(null, 'intersections_count'),
    });
  });

  it('splits the top-level AND by target, AND-ing parts in order', () => {
    const f = and(c(0, 'rank', 1), c(1), c(0, 'dofollow'), c(null, 'intersections_count'));
    expect(splitFilter(f, 2)).toEqual({
      linkFilters: [and(c(0, 'rank', 1), c(0, 'dofollow')), c(1)],
      itemFilter: c(null, 'intersections_count'),
    });
  });

  it('moves an OR naming one target into its link filter', () => {
    const o = or(c(0, 'anchor'), c(0, 'text_pre'));
    expect(splitFilter(o, 1)).toEqual({ linkFilters: [o], itemFilter: null });
    expect(splitFilter(and(o, c(1)), 2)).toEqual({ linkFilters: [o, c(1)], itemFilter: null });
  });

  it('keeps an OR across targets or with an item field in the item filter', () => {
    const across = or(c(0), c(1));
    const withItem = or(c(0), c(null, 'intersections_count'));
    expect(splitFilter(across, 2)).toEqual({ linkFilters: [null, null], itemFilter: across });
    expect(splitFilter(and(withItem, c(0, 'dofollow'), across), 2)).toEqual({
      linkFilters: [c(0, 'dofollow'), null],
      itemFilter: and(withItem, across),
    });
  });

  it('looks into nested expressions for the target', () => {
    const nested = or(and(c(1, 'a'), c(1, 'b')), c(1, 'c'));
    const mixed = or(and(c(1, 'a'), c(0, 'b')), c(1, 'c'));
    expect(splitFilter(and(nested, mixed), 2)).toEqual({
      linkFilters: [null, nested],
      itemFilter: mixed,
    });
  });

  it('keeps conditions on a target beyond targetCount in the item filter', () => {
    expect(splitFilter(c(5), 2)).toEqual({ linkFilters: [null, null], itemFilter: c(5) });
  });

  it('gives one link filter per target even with no targets named', () => {
    expect(splitFilter(c(null, 'intersections_count'), 0).linkFilters).toEqual([]);
  });
});
