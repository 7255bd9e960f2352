/**
 * Field names of filters and order_by (`"2.rank"`, `"intersections_count"`, `"dofollow"`) →
 * `FieldRef` + type, per endpoint (spec/dataforseo.md §5).
 */
import {
  BACKLINK_FIELDS,
  DOMAIN_STATS_FIELDS,
  fieldType,
  ITEM_FIELDS,
} from '../filter/catalogue.js';
import type { ResolveField } from '../filter/parse.js';
import type { FieldCatalogue } from '../filter/types.js';

/**
 * Which names resolve:
 * - `page`: `"<key>.<backlink field>"` and `intersections_count` (page_intersection filters);
 * - `domain`: `"<key>.<domain stats field>"` and `intersections_count` (domain_intersection);
 * - `backlink`: unprefixed backlink fields, target null (domain_intersection backlinks_filters).
 */
export type FieldResolverKind = 'page' | 'domain' | 'backlink';

/**
 * The resolver for one query. `targetKeys` are the query's target keys in order; `"<key>."`
 * resolves to that key's index. Unknown keys and fields resolve to null.
 * @example fieldResolver('page', ['1', '2'])('2.rank') // { field: { target: 1, name: 'rank' }, type: 'num' }
 */
export function fieldResolver(
  kind: FieldResolverKind,
  targetKeys: readonly string[],
): ResolveField {
  if (kind === 'backlink') {
    return (name) => {
      const type = fieldType(BACKLINK_FIELDS, name);
      return type === undefined ? null : { field: { target: null, name }, type };
    };
  }
  const catalogue: FieldCatalogue = kind === 'page' ? BACKLINK_FIELDS : DOMAIN_STATS_FIELDS;
  return (name) => {
    const itemType = fieldType(ITEM_FIELDS, name);
    if (itemType !== undefined) return { field: { target: null, name }, type: itemType };
    // Field names have no dots, so the last one separates the key (which might hold one).
    const dot = name.lastIndexOf('.');
    if (dot <= 0) return null;
    const target = targetKeys.indexOf(name.slice(0, dot));
    const field = name.slice(dot + 1);
    const type = fieldType(catalogue, field);
    return target < 0 || type === undefined ? null : { field: { target, name: field }, type };
  };
}
