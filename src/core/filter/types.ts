/**
 * The filter AST: DataForSEO's filter grammar (condition triples joined by "and"/"or") parsed
 * and type-checked against a field catalogue. Values are already coerced to the field's type.
 */

/** A field's type in a catalogue (DataForSEO `available_filters` names). */
export type FieldType = 'num' | 'str' | 'bool' | 'time' | 'array';

/** Every operator of the grammar. Which apply to which type: see `OPERATORS_BY_TYPE`. */
export type FilterOp =
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not_in'
  | 'like'
  | 'not_like'
  | 'ilike'
  | 'not_ilike'
  | 'regex'
  | 'not_regex'
  | 'match'
  | 'not_match'
  | 'has'
  | 'has_not';

/**
 * A field a condition or an order key names. `target` is the 0-based index into the query's
 * targets for `N.field` (`"2.rank"` → 1), or null for an item-level field (`intersections_count`)
 * and for the unprefixed backlink fields of domain_intersection's `backlinks_filters`.
 */
export interface FieldRef {
  target: number | null;
  name: string;
}

/**
 * A scalar value coerced to its field's type: `num` → number, `str` → string, `bool` → boolean,
 * `time` → seconds since the epoch (UTC), `array` (has/has_not) → the element string.
 * `null` only with `=` / `<>` (is null / is not null).
 */
export type FilterScalar = number | string | boolean | null;

/** One condition. `value` is an array for `in` / `not_in`, a scalar otherwise. */
export interface FilterCondition {
  kind: 'cond';
  field: FieldRef;
  type: FieldType;
  op: FilterOp;
  value: FilterScalar | FilterScalar[];
}

/** A filter expression: conditions joined by and/or (mixed levels fold left to right). */
export type FilterExpr =
  | FilterCondition
  | { kind: 'and'; items: FilterExpr[] }
  | { kind: 'or'; items: FilterExpr[] };

/** Field name → type, for one kind of object (backlink, domain stats, item summary). */
export type FieldCatalogue = Readonly<Record<string, FieldType>>;
