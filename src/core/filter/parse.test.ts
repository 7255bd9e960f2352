import { describe, expect, it } from 'vitest';
import { fieldResolver } from '../query/field-resolver.js';
import { parseFilter } from './parse.js';
import type { FilterExpr } from './types.js';

const resolveField = fieldResolver('page', ['1', '2']);
const opts = { resolveField };

function ok(raw: unknown, o: Partial<Parameters<typeof parseFilter>[1]> = {}): FilterExpr | null {
  const r = parseFilter(raw, { ...opts, ...o });
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse: ${r.message}`);
  return r.value;
}

function bad(raw: unknown, o: Partial<Parameters<typeof parseFilter>[1]> = {}): string {
  const r = parseFilter(raw, { ...opts, ...o });
  if (r.ok)
    throw new Error(`expected ${JSON.stringify(raw)} to fail, got ${JSON.stringify(r.value)}`);
  return r.message;
}

const rank80 = {
  kind: 'cond',
  field: { target: 0, name: 'rank' },
  type: 'num',
  op: '>',
  value: 80,
};
const dofollow = {
  kind: 'cond',
  field: { target: 1, name: 'dofollow' },
  type: 'bool',
  op: '=',
  value: true,
};
const count2 = {
  kind: 'cond',
  field: { target: null, name: 'intersections_count' },
  type: 'num',
  op: '>=',
  value: 2,
};

describe('parseFilter: shapes', () => {
  it('reads null, undefined, [] and [[]] as no filter', () => {
    expect(ok(null)).toBeNull();
    expect(ok(undefined)).toBeNull();
    expect(ok([])).toBeNull();
    expect(ok([[]])).toBeNull();
  });

  it('reads a flat condition', () => {
    expect(ok(['1.rank', '>', 80])).toEqual(rank80);
  });

  it('unwraps single-element nesting as the MCP server sends it', () => {
    expect(ok([['1.rank', '>', 80]])).toEqual(rank80);
    expect(ok([[['1.rank', '>', 80]]])).toEqual(rank80);
  });

  it('reads a binary expression', () => {
    expect(ok([['1.rank', '>', 80], 'and', ['2.dofollow', '=', true]])).toEqual({
      kind: 'and',
      items: [rank80, dofollow],
    });
    expect(ok([['1.rank', '>', 80], 'or', ['2.dofollow', '=', true]])).toEqual({
      kind: 'or',
      items: [rank80, dofollow],
    });
  });

  it('flattens a chain of one connector', () => {
    expect(
      ok([
        ['1.rank', '>', 80],
        'and',
        ['2.dofollow', '=', true],
        'and',
        ['intersections_count', '>=', 2],
      ]),
    ).toEqual({ kind: 'and', items: [rank80, dofollow, count2] });
  });

  it('flattens nested expressions of the same connector', () => {
    expect(
      ok([
        ['1.rank', '>', 80],
        'and',
        [['2.dofollow', '=', true], 'and', ['intersections_count', '>=', 2]],
      ]),
    ).toEqual({ kind: 'and', items: [rank80, dofollow, count2] });
  });

  it('keeps nested expressions of the other connector', () => {
    expect(
      ok([
        ['1.rank', '>', 80],
        'and',
        [['2.dofollow', '=', true], 'or', ['intersections_count', '>=', 2]],
      ]),
    ).toEqual({ kind: 'and', items: [rank80, { kind: 'or', items: [dofollow, count2] }] });
  });

  it('folds a mixed level left to right', () => {
    // a and b or c = (a and b) or c
    expect(
      ok([
        ['1.rank', '>', 80],
        'and',
        ['2.dofollow', '=', true],
        'or',
        ['intersections_count', '>=', 2],
      ]),
    ).toEqual({ kind: 'or', items: [{ kind: 'and', items: [rank80, dofollow] }, count2] });
    // a or b and c = (a or b) and c
    expect(
      ok([
        ['1.rank', '>', 80],
        'or',
        ['2.dofollow', '=', true],
        'and',
        ['intersections_count', '>=', 2],
      ]),
    ).toEqual({ kind: 'and', items: [{ kind: 'or', items: [rank80, dofollow] }, count2] });
  });

  it('accepts upper-case connectors and operators', () => {
    expect(ok([['1.rank', '>', 80], 'AND', ['2.dofollow', '=', true]])).toEqual({
      kind: 'and',
      items: [rank80, dofollow],
    });
    expect(ok(['1.anchor', 'LIKE', '%seo%'])).toMatchObject({ op: 'like' });
  });

  it('parses the docs example with nested or', () => {
    const f = ok([
      ['1.first_seen', '>', '2017-10-23 11:31:45 +00:00'],
      'and',
      [['1.anchor', 'like', '%seo%'], 'or', ['1.text_pre', 'not_like', '%seo%']],
    ]);
    expect(f).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'cond',
          field: { target: 0, name: 'first_seen' },
          type: 'time',
          op: '>',
          value: Date.UTC(2017, 9, 23, 11, 31, 45) / 1000,
        },
        {
          kind: 'or',
          items: [
            {
              kind: 'cond',
              field: { target: 0, name: 'anchor' },
              type: 'str',
              op: 'like',
              value: '%seo%',
            },
            {
              kind: 'cond',
              field: { target: 0, name: 'text_pre' },
              type: 'str',
              op: 'not_like',
              value: '%seo%',
            },
          ],
        },
      ],
    });
  });

  it('rejects non-arrays and malformed arrays', () => {
    expect(bad('1.rank > 80')).toMatch(/array/);
    expect(bad({ field: '1.rank' })).toMatch(/array/);
    expect(bad(42)).toMatch(/array/);
    expect(bad(['1.rank', '>'])).toMatch(/condition/);
    expect(bad(['1.rank', '>', 80, 'x'])).toMatch(/condition/);
    expect(bad([['1.rank', '>', 80], 'and'])).toMatch(/expression/);
    expect(
      bad([
        ['1.rank', '>', 80],
        ['2.dofollow', '=', true],
      ]),
    ).toMatch(/expression/);
    expect(bad([['1.rank', '>', 80], 'and', 'x'])).toMatch(/array/);
    expect(bad([['1.rank', '>', 80], 'and', []])).toMatch(/empty/);
    expect(bad([1, 'and', ['1.rank', '>', 80]])).toMatch(/array/);
  });

  it('rejects bad connectors', () => {
    expect(bad([['1.rank', '>', 80], 'xor', ['2.dofollow', '=', true]])).toMatch(/"and" or "or"/);
    expect(bad([['1.rank', '>', 80], 1, ['2.dofollow', '=', true]])).toMatch(/"and" or "or"/);
    expect(bad([['1.rank', '>', 80], null, ['2.dofollow', '=', true]])).toMatch(/"and" or "or"/);
    expect(bad([['1.rank', '>', 80], ['and'], ['2.dofollow', '=', true]])).toMatch(/"and" or "or"/);
  });

  it('rejects absurd nesting without overflowing the stack', () => {
    let deep: unknown = ['1.rank', '>', 80];
    for (let i = 0; i < 10_000; i++) deep = [deep, 'and', ['1.rank', '>', 1]];
    expect(parseFilter(deep, { ...opts, maxConditions: 100_000 }).ok).toBe(false);
    let wrapped: unknown = [[['1.rank', '>', 80], 'and', ['1.rank', '>', 1]]];
    for (let i = 0; i < 10_000; i++) wrapped = [wrapped];
    expect(parseFilter(wrapped, opts).ok).toBe(false);
  });
});

describe('parseFilter: limits', () => {
  const cond = ['1.rank', '>', 1];
  const chain = (n: number) => {
    const out: unknown[] = [cond];
    for (let i = 1; i < n; i++) out.push('and', cond);
    return out;
  };

  it('allows 8 conditions and rejects 9 by default', () => {
    expect(ok(chain(8))).toMatchObject({ kind: 'and' });
    expect(bad(chain(9))).toMatch(/at most 8/);
  });

  it('counts conditions across nesting', () => {
    expect(bad([chain(5), 'or', chain(4)])).toMatch(/at most 8/);
  });

  it('honours maxConditions', () => {
    expect(bad(chain(3), { maxConditions: 2 })).toMatch(/at most 2/);
    expect(ok(chain(2), { maxConditions: 2 })).not.toBeNull();
  });
});

describe('parseFilter: fields and operators', () => {
  it('rejects unknown fields', () => {
    expect(bad(['1.nope', '=', 1])).toMatch(/unknown filter field '1.nope'/);
    expect(bad(['3.rank', '=', 1])).toMatch(/unknown filter field '3.rank'/);
    expect(bad(['rank', '=', 1])).toMatch(/unknown/);
  });

  it('rejects unknown operators and non-string operators', () => {
    expect(bad(['1.rank', '==', 1])).toMatch(/unknown operator/);
    expect(bad(['1.rank', 1, 1])).toMatch(/unknown operator/);
    expect(bad(['1.rank', null, 1])).toMatch(/unknown operator/);
  });

  it('rejects operators that do not apply to the field type', () => {
    expect(bad(['1.rank', 'like', '%1%'])).toMatch(/does not apply to num field '1.rank'/);
    expect(bad(['1.anchor', '>', 'a'])).toMatch(/str field/);
    expect(bad(['1.dofollow', 'in', [true]])).toMatch(/bool field/);
    expect(bad(['1.attributes', '=', 'nofollow'])).toMatch(/array field/);
    expect(bad(['1.first_seen', 'like', '2020%'])).toMatch(/time field/);
  });

  it('accepts every operator of each type', () => {
    const cases: Array<[string, string, unknown]> = [
      ['1.rank', '=', 1],
      ['1.rank', '<>', 1],
      ['1.rank', '<', 1],
      ['1.rank', '<=', 1],
      ['1.rank', '>', 1],
      ['1.rank', '>=', 1],
      ['1.rank', 'in', [1, 2]],
      ['1.rank', 'not_in', [1]],
      ['1.anchor', '=', 'a'],
      ['1.anchor', '<>', 'a'],
      ['1.anchor', 'in', ['a']],
      ['1.anchor', 'not_in', ['a']],
      ['1.anchor', 'like', '%a%'],
      ['1.anchor', 'not_like', '%a%'],
      ['1.anchor', 'ilike', '%a%'],
      ['1.anchor', 'not_ilike', '%a%'],
      ['1.anchor', 'regex', 'a+'],
      ['1.anchor', 'not_regex', 'a+'],
      ['1.anchor', 'match', 'seo tools'],
      ['1.anchor', 'not_match', 'seo'],
      ['1.dofollow', '=', true],
      ['1.dofollow', '<>', false],
      ['1.attributes', 'has', 'nofollow'],
      ['1.domain_from_platform_type', 'has_not', 'blogs'],
      ['1.last_seen', '>=', '2024-01-01'],
      ['1.prev_seen', 'in', ['2024-01-01']],
    ];
    for (const [f, op, v] of cases) expect(ok([f, op, v]), `${f} ${op}`).toMatchObject({ op });
  });
});

describe('parseFilter: values', () => {
  const value = (raw: unknown) => (ok(raw) as { value: unknown }).value;

  it('coerces numeric strings for num fields', () => {
    expect(value(['1.rank', '>', '80'])).toBe(80);
    expect(value(['1.rank', '>', ' 1.5 '])).toBe(1.5);
    expect(value(['1.rank', '>', '-2e2'])).toBe(-200);
    expect(value(['1.rank', 'in', ['1', 2]])).toEqual([1, 2]);
  });

  it('rejects non-numbers for num fields', () => {
    for (const v of [
      'abc',
      '',
      '0x10',
      '1,5',
      true,
      {},
      [1],
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(bad(['1.rank', '>', v]), JSON.stringify(v)).toMatch(/rank/);
    }
  });

  it('coerces "true"/"false" for bool fields', () => {
    expect(value(['1.dofollow', '=', 'true'])).toBe(true);
    expect(value(['1.dofollow', '=', 'FALSE'])).toBe(false);
    expect(value(['1.dofollow', '=', false])).toBe(false);
    for (const v of ['yes', 1, 0, '1'])
      expect(bad(['1.dofollow', '=', v])).toMatch(/true or false/);
  });

  it('coerces times to epoch seconds', () => {
    const t = Date.UTC(2019, 10, 15, 12, 57, 46) / 1000;
    expect(value(['1.first_seen', '>', '2019-11-15 12:57:46 +00:00'])).toBe(t);
    expect(value(['1.first_seen', '>', '2019-11-15T12:57:46Z'])).toBe(t);
    expect(value(['1.first_seen', '>', '2019-11-15'])).toBe(Date.UTC(2019, 10, 15) / 1000);
    expect(bad(['1.first_seen', '>', 'yesterday'])).toMatch(/time/);
    expect(bad(['1.first_seen', '>', 1573822666])).toMatch(/time/);
  });

  it('takes strings and numbers for str fields', () => {
    expect(value(['1.anchor', '=', 'seo'])).toBe('seo');
    expect(value(['1.page_from_language', '=', ''])).toBe('');
    expect(value(['1.anchor', '=', 42])).toBe('42');
    expect(bad(['1.anchor', '=', true])).toMatch(/string/);
    expect(bad(['1.anchor', '=', { a: 1 }])).toMatch(/string/);
    expect(bad(['1.anchor', '=', 'a'.repeat(5000)])).toMatch(/string/);
  });

  it('takes a string element for has/has_not', () => {
    expect(value(['1.attributes', 'has', 'nofollow'])).toBe('nofollow');
    expect(bad(['1.attributes', 'has', ['nofollow']])).toMatch(/string/);
    expect(bad(['1.attributes', 'has', null])).toMatch(/null/);
  });

  it('allows null only with = and <>', () => {
    expect(value(['1.anchor', '=', null])).toBeNull();
    expect(value(['1.rank', '<>', null])).toBeNull();
    expect(value(['1.prev_seen', '=', null])).toBeNull();
    expect(value(['1.dofollow', '=', null])).toBeNull();
    expect(bad(['1.rank', '>', null])).toMatch(/null/);
    expect(bad(['1.anchor', 'like', null])).toMatch(/null/);
  });

  it('needs a non-empty array of at most 1000 coercible items for in/not_in', () => {
    expect(value(['1.anchor', 'not_in', ['a', 'b']])).toEqual(['a', 'b']);
    expect(bad(['1.anchor', 'in', []])).toMatch(/non-empty array/);
    expect(bad(['1.anchor', 'in', 'a'])).toMatch(/non-empty array/);
    expect(bad(['1.rank', 'in', ['1', 'x']])).toMatch(/"x"/);
    expect(bad(['1.rank', 'in', [1, null]])).toMatch(/null/);
    expect(bad(['1.anchor', 'in', [['a']]])).toMatch(/list item/);
    expect(value(['1.rank', 'in', Array.from({ length: 1000 }, (_, i) => i)])).toHaveLength(1000);
    expect(bad(['1.rank', 'in', Array.from({ length: 1001 }, (_, i) => i)])).toMatch(
      /at most 1000/,
    );
  });

  it('rejects an array value for scalar operators', () => {
    expect(bad(['1.rank', '=', [1]])).toMatch(/number/);
    expect(bad(['1.anchor', 'like', ['%a%']])).toMatch(/string/);
  });

  it('limits like and regex patterns to 1000 chars', () => {
    expect(value(['1.anchor', 'like', 'a'.repeat(1000)])).toHaveLength(1000);
    expect(bad(['1.anchor', 'like', 'a'.repeat(1001)])).toMatch(/1000/);
    expect(bad(['1.anchor', 'not_ilike', 'a'.repeat(1001)])).toMatch(/1000/);
    expect(bad(['1.anchor', 'regex', 'a'.repeat(1001)])).toMatch(/1000/);
  });

  it('validates regexes with the injected checker', () => {
    const isValidRegex = (p: string) => !p.includes('(');
    expect(ok(['1.anchor', 'regex', 'a+'], { isValidRegex })).toMatchObject({ value: 'a+' });
    expect(bad(['1.anchor', 'regex', 'a('], { isValidRegex })).toMatch(
      /invalid regular expression/,
    );
    expect(bad(['1.anchor', 'not_regex', 'a('], { isValidRegex })).toMatch(
      /invalid regular expression/,
    );
    // the checker is not consulted for other operators
    expect(ok(['1.anchor', 'like', 'a('], { isValidRegex })).toMatchObject({ value: 'a(' });
    // without a checker, any pattern passes
    expect(ok(['1.anchor', 'regex', 'a('])).toMatchObject({ value: 'a(' });
  });

  it('needs a word in a match value', () => {
    expect(value(['1.anchor', 'match', 'Über 2'])).toBe('Über 2');
    expect(bad(['1.anchor', 'match', ' -- '])).toMatch(/word/);
    expect(bad(['1.anchor', 'not_match', ''])).toMatch(/word/);
  });

  it('names the field in value errors', () => {
    expect(bad(['2.rank', '>', 'x'])).toMatch(/'2.rank'/);
  });
});

describe('parseFilter: other resolvers', () => {
  it('uses the domain catalogue', () => {
    const r = parseFilter([['2.referring_pages', '>', '2'], 'and', ['1.backlinks', '>', '10']], {
      resolveField: fieldResolver('domain', ['1', '2']),
    });
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'and',
        items: [
          {
            kind: 'cond',
            field: { target: 1, name: 'referring_pages' },
            type: 'num',
            op: '>',
            value: 2,
          },
          {
            kind: 'cond',
            field: { target: 0, name: 'backlinks' },
            type: 'num',
            op: '>',
            value: 10,
          },
        ],
      },
    });
  });

  it('uses unprefixed backlink fields for backlinks_filters', () => {
    const r = parseFilter([['dofollow', '=', true]], {
      resolveField: fieldResolver('backlink', ['1']),
    });
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'cond',
        field: { target: null, name: 'dofollow' },
        type: 'bool',
        op: '=',
        value: true,
      },
    });
  });
});
