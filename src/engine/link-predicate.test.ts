import { describe, expect, it } from 'vitest';
import type { FilterCondition, FilterExpr, FilterOp, FilterScalar } from '../core/filter/types.js';
import type { LinkField } from './link-fields.js';
import { compileLinkPredicate } from './link-predicate.js';

// Three links: anchor ids 0 ("Best SEO"), null, 1 ("cheap"); ranks 5, null, 9; attributes.
const anchors = ['Best SEO', 'cheap'];
const anchorIds = [0, -1, 1];
const ranks = [5, Number.NaN, 9];
const attrs = [['nofollow', 'ugc'], [], null];
let textCalls = 0;
const fields = new Map<string, LinkField>([
  [
    'anchor',
    {
      kind: 'str',
      id: (l) => anchorIds[l] as number,
      text: (id) => {
        textCalls++;
        return anchors[id] as string;
      },
      size: anchors.length,
    },
  ],
  ['rank', { kind: 'num', get: (l) => ranks[l] as number }],
  [
    'attributes',
    {
      kind: 'array',
      id: (l) => (attrs[l] === null ? -1 : l),
      items: (id) => attrs[id] as string[],
      size: 3,
    },
  ],
]);

const cond = (
  name: string,
  op: FilterOp,
  value: FilterScalar | FilterScalar[],
  type: FilterCondition['type'] = 'str',
): FilterCondition => ({ kind: 'cond', field: { target: 0, name }, type, op, value });

function holds(expr: FilterExpr, limit = 10): boolean[] {
  const p = compileLinkPredicate(expr, fields, limit);
  return [0, 1, 2].map((l) => p(l));
}

describe('compileLinkPredicate', () => {
  it('is false on null for every operator but = null', () => {
    expect(holds(cond('anchor', 'not_like', '%x%'))).toEqual([true, false, true]);
    expect(holds(cond('anchor', '=', null))).toEqual([false, true, false]);
    expect(holds(cond('anchor', '<>', null))).toEqual([true, false, true]);
    expect(holds(cond('rank', '<>', 5, 'num'))).toEqual([false, false, true]);
    expect(holds(cond('rank', 'not_in', [1, 2], 'num'))).toEqual([true, false, true]);
  });

  it('evaluates a string operator once per distinct dictionary value', () => {
    textCalls = 0;
    const p = compileLinkPredicate(cond('anchor', 'ilike', '%seo%'), fields, 10);
    for (let i = 0; i < 100; i++) for (const l of [0, 1, 2]) p(l);
    expect(textCalls).toBe(2);
    expect([0, 1, 2].map(p)).toEqual([true, false, false]);
  });

  it('tests arrays as the capped list, empty or null counting as null', () => {
    expect(holds(cond('attributes', 'has', 'ugc', 'array'))).toEqual([true, false, false]);
    expect(holds(cond('attributes', 'has', 'ugc', 'array'), 1)).toEqual([false, false, false]);
    expect(holds(cond('attributes', 'has_not', 'ugc', 'array'))).toEqual([false, true, true]);
  });

  it('combines conditions with and / or', () => {
    const and: FilterExpr = {
      kind: 'and',
      items: [cond('rank', '>', 1, 'num'), cond('anchor', 'match', 'seo')],
    };
    const or: FilterExpr = {
      kind: 'or',
      items: [cond('rank', '>', 6, 'num'), cond('anchor', 'match', 'seo')],
    };
    expect(holds(and)).toEqual([true, false, false]);
    expect(holds(or)).toEqual([true, false, true]);
  });
});
