/**
 * DataForSEO `order_by` (spec/dataforseo.md §6): up to 3 rules `"<field>,asc|desc"`.
 */
import { show } from '../filter/coerce-value.js';
import type { ResolveField } from '../filter/parse.js';
import type { OrderKey } from './intersect-query.js';

/** DataForSEO's limit on order_by rules. */
export const MAX_ORDER_RULES = 3;

/** Parsed order keys (empty = default order) or a human-readable reason. */
export type ParseOrderResult = { ok: true; value: OrderKey[] } | { ok: false; message: string };

/**
 * Parse `order_by`. `null`, `undefined` and `[]` give `[]`. Whitespace around the field and the
 * direction is ignored, the direction is case-insensitive and defaults to asc when missing.
 * Array fields (`attributes`, `domain_from_platform_type`) cannot be ordered by.
 * @example parseOrderBy(['1.rank,desc'], resolve) // [{ field: { target: 0, name: 'rank' }, direction: 'desc' }]
 */
export function parseOrderBy(raw: unknown, resolveField: ResolveField): ParseOrderResult {
  if (raw === null || raw === undefined) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return fail('order_by must be an array of "field,asc|desc" strings');
  if (raw.length > MAX_ORDER_RULES)
    return fail(`at most ${MAX_ORDER_RULES} order_by rules are allowed`);
  const keys: OrderKey[] = [];
  for (const rule of raw) {
    if (typeof rule !== 'string') return fail(`order_by rule ${show(rule)} is not a string`);
    const parts = rule.split(',');
    if (parts.length > 2) return fail(`order_by rule '${rule}' is not "field,asc|desc"`);
    const name = (parts[0] ?? '').trim();
    const dir = (parts[1] ?? 'asc').trim().toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') {
      return fail(`order_by rule '${rule}': direction must be asc or desc`);
    }
    const resolved = resolveField(name);
    if (resolved === null) return fail(`order_by rule '${rule}': unknown field '${name}'`);
    if (resolved.type === 'array') {
      return fail(`order_by rule '${rule}': array field '${name}' cannot be ordered by`);
    }
    keys.push({ field: resolved.field, direction: dir });
  }
  return { ok: true, value: keys };
}

function fail(message: string): ParseOrderResult {
  return { ok: false, message };
}
