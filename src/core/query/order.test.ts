import { describe, expect, it } from 'vitest';
import { fieldResolver } from './field-resolver.js';
import { parseOrderBy } from './order.js';

const page = fieldResolver('page', ['1', '2']);
const domain = fieldResolver('domain', ['1', '2']);

function ok(raw: unknown, resolve = page) {
  const r = parseOrderBy(raw, resolve);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse: ${r.message}`);
  return r.value;
}

function bad(raw: unknown, resolve = page): string {
  const r = parseOrderBy(raw, resolve);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to fail`);
  return r.message;
}

describe('parseOrderBy', () => {
  it('gives no keys for null, undefined and []', () => {
    expect(ok(null)).toEqual([]);
    expect(ok(undefined)).toEqual([]);
    expect(ok([])).toEqual([]);
  });

  it('parses up to three rules in order', () => {
    expect(ok(['1.rank,desc', 'intersections_count,asc', '2.first_seen,desc'])).toEqual([
      { field: { target: 0, name: 'rank' }, direction: 'desc' },
      { field: { target: null, name: 'intersections_count' }, direction: 'asc' },
      { field: { target: 1, name: 'first_seen' }, direction: 'desc' },
    ]);
  });

  it('tolerates whitespace and any case of the direction', () => {
    expect(ok([' 1.rank , DESC '])).toEqual([
      { field: { target: 0, name: 'rank' }, direction: 'desc' },
    ]);
    expect(ok(['1.rank,Asc'])[0]?.direction).toBe('asc');
  });

  it('defaults a missing direction to asc', () => {
    expect(ok(['1.rank'])).toEqual([{ field: { target: 0, name: 'rank' }, direction: 'asc' }]);
  });

  it('uses the given resolver', () => {
    expect(ok(['2.referring_pages,desc'], domain)).toEqual([
      { field: { target: 1, name: 'referring_pages' }, direction: 'desc' },
    ]);
    expect(bad(['2.referring_pages,desc'], page)).toMatch(/unknown field/);
  });

  it('rejects more than three rules', () => {
    expect(bad(['1.rank,desc', '1.rank,asc', '2.rank,desc', '2.rank,asc'])).toMatch(/at most 3/);
  });

  it('rejects non-arrays and non-string rules', () => {
    expect(bad('1.rank,desc')).toMatch(/array/);
    expect(bad({})).toMatch(/array/);
    expect(bad([1])).toMatch(/not a string/);
    expect(bad([['1.rank', 'desc']])).toMatch(/not a string/);
  });

  it('rejects bad directions and extra commas', () => {
    expect(bad(['1.rank,down'])).toMatch(/asc or desc/);
    expect(bad(['1.rank,'])).toMatch(/asc or desc/);
    expect(bad(['1.rank,desc,asc'])).toMatch(/field,asc\|desc/);
  });

  it('rejects unknown fields and array fields', () => {
    expect(bad(['3.rank,desc'])).toMatch(/unknown field '3.rank'/);
    expect(bad(['rank,desc'])).toMatch(/unknown field/);
    expect(bad([',desc'])).toMatch(/unknown field/);
    expect(bad(['1.attributes,asc'])).toMatch(/array field/);
  });
});
