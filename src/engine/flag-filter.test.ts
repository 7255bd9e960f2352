import { describe, expect, it } from 'vitest';
import type { FilterExpr } from '../core/filter/types.js';
import { LINK_FLAG } from '../link-index/index.js';
import { splitFlagFilter, targetTest } from './flag-filter.js';

const flag = (name: string, op: '=' | '<>', value: boolean): FilterExpr => ({
  kind: 'cond',
  field: { target: 0, name },
  type: 'bool',
  op,
  value,
});
const anchor: FilterExpr = {
  kind: 'cond',
  field: { target: 0, name: 'anchor' },
  type: 'str',
  op: 'like',
  value: '%a%',
};

describe('splitFlagFilter', () => {
  it('folds AND-ed flag conditions and keeps the rest', () => {
    const s = splitFlagFilter({
      kind: 'and',
      items: [flag('dofollow', '=', true), anchor, flag('is_new', '<>', true)],
    });
    expect(s.mask).toBe(LINK_FLAG.dofollow | LINK_FLAG.new);
    expect(s.want).toBe(LINK_FLAG.dofollow);
    expect(s.rest).toEqual(anchor);
    expect(s.never).toBe(false);
  });

  it('leaves OR alone and notices contradictions', () => {
    const or: FilterExpr = { kind: 'or', items: [flag('dofollow', '=', true), anchor] };
    expect(splitFlagFilter(or)).toMatchObject({ mask: 0, rest: or });
    const both = {
      kind: 'and' as const,
      items: [flag('original', '=', true), flag('original', '=', false)],
    };
    expect(splitFlagFilter(both).never).toBe(true);
  });

  it('makes a filter that contradicts the scope match nothing', () => {
    const t = targetTest(LINK_FLAG.lost, 0, flag('is_lost', '=', true), () => () => true);
    for (let f = 0; f < 1 << 9; f++) expect((f & t.mask) === t.want).toBe(false);
    const ok = targetTest(LINK_FLAG.lost, 0, flag('dofollow', '=', true), () => () => true);
    expect(ok).toMatchObject({
      mask: LINK_FLAG.lost | LINK_FLAG.dofollow,
      want: LINK_FLAG.dofollow,
      pred: null,
    });
  });
});
