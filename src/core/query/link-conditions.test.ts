import { describe, expect, it } from 'vitest';
import type { FilterExpr } from '../filter/types.js';
import { linkConditions, linkFiltersFor } from './link-conditions.js';

describe('linkConditions', () => {
  it('makes no condition for absent options', () => {
    expect(linkConditions({})).toEqual([]);
    expect(linkConditions({ dofollowOnly: false, minDomainRank: null })).toEqual([]);
  });

  it('keeps unscored pages under a maximum spam score', () => {
    expect(linkConditions({ maxSpamScore: 0 })).toEqual([
      {
        kind: 'or',
        items: [
          {
            kind: 'cond',
            field: { target: 0, name: 'backlink_spam_score' },
            type: 'num',
            op: '<=',
            value: 0,
          },
          {
            kind: 'cond',
            field: { target: 0, name: 'backlink_spam_score' },
            type: 'num',
            op: '=',
            value: null,
          },
        ],
      },
    ]);
  });

  it('sets each target on its own filter and keeps the filter a target had', () => {
    const own: FilterExpr = {
      kind: 'cond',
      field: { target: 1, name: 'anchor' },
      type: 'str',
      op: 'like',
      value: '%seo%',
    };
    const conds = linkConditions({ dofollowOnly: true, platform: 'blogs' });
    const [first, second] = linkFiltersFor([null, own], conds, false);
    expect(first).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'cond',
          field: { target: 0, name: 'dofollow' },
          type: 'bool',
          op: '=',
          value: true,
        },
        {
          kind: 'cond',
          field: { target: 0, name: 'domain_from_platform_type' },
          type: 'array',
          op: 'has',
          value: 'blogs',
        },
      ],
    });
    expect(second).toMatchObject({
      kind: 'and',
      items: [own, { field: { target: 1 } }, { field: { target: 1 } }],
    });
    expect(linkFiltersFor([null], conds, true)[0]).toMatchObject({
      items: [{ field: { target: null } }, { field: { target: null } }],
    });
    expect(linkFiltersFor([null, own], [], false)).toEqual([null, own]);
  });
});
