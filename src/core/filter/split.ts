/**
 * Page-mode filters split into per-target link filters and the item filter
 * (docs/intersection-semantics.md §Filters, DESIGN §4).
 */
import type { FilterExpr } from './types.js';

/** One link filter per target (null = none) and the rest, evaluated per result item. */
export interface SplitFilter {
  linkFilters: Array<FilterExpr | null>;
  itemFilter: FilterExpr | null;
}

/**
 * Split a page_intersection filter: each top-level AND-ed part (the whole expression when it
 * is a single condition or an OR) whose conditions all name target N becomes part of N's link
 * filter (parts AND-ed, in order); every other part stays in the item filter (AND-ed, in order).
 * @example
 * // [["1.dofollow","=",true],"and",["intersections_count",">=",2]]
 * // → linkFilters[0] = 1.dofollow = true; itemFilter = intersections_count >= 2
 */
export function splitFilter(expr: FilterExpr | null, targetCount: number): SplitFilter {
  const linkParts: FilterExpr[][] = Array.from({ length: targetCount }, () => []);
  const itemParts: FilterExpr[] = [];
  const parts = expr === null ? [] : expr.kind === 'and' ? expr.items : [expr];
  for (const part of parts) {
    const target = soleTarget(part);
    const bucket = target !== null && target < targetCount ? linkParts[target] : undefined;
    (bucket ?? itemParts).push(part);
  }
  return { linkFilters: linkParts.map(conjoin), itemFilter: conjoin(itemParts) };
}

/** The target every condition of `expr` names, or null (item field, or several targets). */
function soleTarget(expr: FilterExpr): number | null {
  if (expr.kind === 'cond') return expr.field.target;
  let target: number | null = null;
  for (const item of expr.items) {
    const t = soleTarget(item);
    if (t === null || (target !== null && t !== target)) return null;
    target = t;
  }
  return target;
}

function conjoin(parts: FilterExpr[]): FilterExpr | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return { kind: 'and', items: parts };
}
