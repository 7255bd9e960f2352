import { describe, expect, it } from 'vitest';
import type { Backlink, PageIntersectionItem } from '../../engine/types.js';
import { pageTableColumns } from './gap-rows.js';

const backlink = (o: Partial<Backlink>): Backlink =>
  ({ url_from: 'https://a.com/p', anchor: 'hello', item_type: 'anchor', ...o }) as Backlink;

describe('gap table columns', () => {
  it('show a page with its domain rank, spam score and best anchor per target', () => {
    const cols = pageTableColumns(['1', '2']);
    const item: PageIntersectionItem = {
      page_intersection: {
        '1': [backlink({ domain_from_rank: 412, backlink_spam_score: 7 })],
        '2': [backlink({ anchor: '', item_type: 'image' })],
      },
      summary: { intersections_count: 2 },
    };
    expect(cols.headers).toEqual([
      'referring page',
      'matches',
      'DR',
      'spam',
      '1: anchor',
      '2: anchor',
    ]);
    expect(cols.values(item)).toEqual(['https://a.com/p', 2, 412, 7, 'hello', '(image)']);
  });

  it('leaves rank and score empty when the build has none', () => {
    const item: PageIntersectionItem = {
      page_intersection: { '1': [backlink({ domain_from_rank: null, backlink_spam_score: null })] },
      summary: { intersections_count: 1 },
    };
    expect(pageTableColumns(['1']).values(item).slice(2, 4)).toEqual(['', '']);
  });
});
