import { describe, expect, it } from 'vitest';
import { fieldResolver } from '../query/field-resolver.js';
import { parseFilter } from './parse.js';
import { printFilter } from './print.js';
import type { FilterExpr } from './types.js';

const keys = ['1', '2'];

function parsed(raw: unknown): FilterExpr | null {
  const r = parseFilter(raw, { resolveField: fieldResolver('page', keys) });
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('printFilter', () => {
  it('prints none for no filter', () => {
    expect(printFilter(null)).toBe('none');
  });

  it('prints a condition with the target key', () => {
    expect(printFilter(parsed(['2.rank', '>', '80']), keys)).toBe('2.rank > 80');
  });

  it('prints the target index when no keys are given', () => {
    expect(printFilter(parsed(['2.rank', '>', 80]))).toBe('#1.rank > 80');
  });

  it('quotes strings and prints booleans, nulls and item fields', () => {
    expect(printFilter(parsed(['1.anchor', 'like', '%seo "tools"%']), keys)).toBe(
      '1.anchor like "%seo \\"tools\\"%"',
    );
    expect(printFilter(parsed(['1.dofollow', '=', 'true']), keys)).toBe('1.dofollow = true');
    expect(printFilter(parsed(['1.alt', '<>', null]), keys)).toBe('1.alt <> null');
    expect(printFilter(parsed(['intersections_count', '>=', 2]), keys)).toBe(
      'intersections_count >= 2',
    );
  });

  it('prints times in ISO 8601 UTC', () => {
    expect(printFilter(parsed(['1.first_seen', '>', '2019-11-15 14:57:46 +02:00']), keys)).toBe(
      '1.first_seen > 2019-11-15T12:57:46Z',
    );
    expect(printFilter(parsed(['1.last_seen', 'in', ['2020-01-01', '2020-01-02']]), keys)).toBe(
      '1.last_seen in [2020-01-01T00:00:00Z, 2020-01-02T00:00:00Z]',
    );
  });

  it('prints lists', () => {
    expect(printFilter(parsed(['1.anchor', 'not_in', ['a', 'b']]), keys)).toBe(
      '1.anchor not_in ["a", "b"]',
    );
    expect(printFilter(parsed(['1.rank', 'in', [1, '2']]), keys)).toBe('1.rank in [1, 2]');
  });

  it('parenthesises nested groups and not flat chains', () => {
    const f = parsed([
      ['1.dofollow', '=', true],
      'and',
      [['1.anchor', 'like', '%seo%'], 'or', ['intersections_count', '>=', 2]],
      'and',
      ['2.rank', '>', 1],
    ]);
    expect(printFilter(f, keys)).toBe(
      '1.dofollow = true and (1.anchor like "%seo%" or intersections_count >= 2) and 2.rank > 1',
    );
  });

  it('shows the left-to-right fold of a mixed level', () => {
    const f = parsed([['1.rank', '>', 1], 'and', ['2.rank', '>', 2], 'or', ['1.rank', '<', 0]]);
    expect(printFilter(f, keys)).toBe('(1.rank > 1 and 2.rank > 2) or 1.rank < 0');
  });
});
