/**
 * The rows `linkgap gap` prints: one per referring page or domain, with the evidence per target
 * (page mode: the best backlink; domain mode: the aggregates). Shared by the CSV and the table.
 */

import type { CsvValue } from '../../core/csv.js';
import type {
  Backlink,
  DomainIntersectionItem,
  DomainTargetStats,
  PageIntersectionItem,
} from '../../engine/types.js';

/** Column names and how to read each from an item. */
export interface GapColumns<Item> {
  headers: string[];
  values(item: Item): CsvValue[];
}

const LINK_FIELDS = [
  'url_to',
  'anchor',
  'item_type',
  'dofollow',
  'rank',
  'first_seen',
  'last_seen',
] as const satisfies ReadonlyArray<keyof Backlink>;

const STATS_FIELDS = [
  'backlinks',
  'referring_pages',
  'rank',
  'first_seen',
  'lost_date',
  'broken_backlinks',
] as const satisfies ReadonlyArray<keyof DomainTargetStats>;

/** Page mode: the referring page, then `<key>.<field>` of its best backlink to each target. */
export function pageColumns(keys: readonly string[]): GapColumns<PageIntersectionItem> {
  return {
    headers: [
      'url_from',
      'domain_from',
      'intersections_count',
      'page_from_rank',
      'domain_from_rank',
      'page_from_title',
      ...keys.flatMap((k) => [...LINK_FIELDS.map((f) => `${k}.${f}`), `${k}.backlinks_listed`]),
    ],
    values(item) {
      const lists = Object.values(item.page_intersection);
      const any = lists.find((l) => l.length > 0)?.[0];
      return [
        any?.url_from,
        any?.domain_from,
        item.summary.intersections_count,
        any?.page_from_rank,
        any?.domain_from_rank,
        any?.page_from_title,
        ...keys.flatMap((k) => {
          const list = item.page_intersection[k] ?? [];
          const best = list[0];
          return [...LINK_FIELDS.map((f) => best?.[f]), list.length];
        }),
      ];
    },
  };
}

/** Domain mode: the referring domain, then `<key>.<field>` of its aggregates per target. */
export function domainColumns(keys: readonly string[]): GapColumns<DomainIntersectionItem> {
  return {
    headers: [
      'domain',
      'intersections_count',
      ...keys.flatMap((k) => STATS_FIELDS.map((f) => `${k}.${f}`)),
    ],
    values(item) {
      const any = Object.values(item.domain_intersection)[0];
      return [
        any?.target,
        item.summary.intersections_count,
        ...keys.flatMap((k) => {
          const s = item.domain_intersection[k];
          return STATS_FIELDS.map((f) => s?.[f]);
        }),
      ];
    },
  };
}

/**
 * Page mode on a terminal: the page, how many targets it links to, its domain rank and spam
 * score, the best anchor per target.
 */
export function pageTableColumns(keys: readonly string[]): GapColumns<PageIntersectionItem> {
  return {
    headers: ['referring page', 'matches', 'DR', 'spam', ...keys.map((k) => `${k}: anchor`)],
    values(item) {
      const any = Object.values(item.page_intersection).find((l) => l.length > 0)?.[0];
      return [
        any?.url_from,
        item.summary.intersections_count,
        any?.domain_from_rank ?? '',
        any?.backlink_spam_score ?? '',
        ...keys.map((k) => {
          const best = item.page_intersection[k]?.[0];
          return best === undefined ? '' : best.anchor || `(${best.item_type})`;
        }),
      ];
    },
  };
}

/** Domain mode on a terminal: the domain, its matches and its backlinks per target. */
export function domainTableColumns(keys: readonly string[]): GapColumns<DomainIntersectionItem> {
  return {
    headers: ['referring domain', 'matches', ...keys.map((k) => `${k}: backlinks`)],
    values(item) {
      const any = Object.values(item.domain_intersection)[0];
      return [
        any?.target,
        item.summary.intersections_count,
        ...keys.map((k) => item.domain_intersection[k]?.backlinks ?? ''),
      ];
    },
  };
}
