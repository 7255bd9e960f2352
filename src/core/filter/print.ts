/**
 * A compact, human-readable rendering of a filter for the CLI and logs.
 */
import type { FieldRef, FilterCondition, FilterExpr, FilterScalar } from './types.js';

/**
 * Render `expr`: conditions as `field op value`, strings JSON-quoted, times in ISO 8601 UTC,
 * nested and/or groups in parentheses. Target fields use `targetKeys[target]` when given,
 * else `#<index>`. null (no filter) renders as `none`.
 * @example printFilter(expr, ['1', '2']) // '1.dofollow = true and (1.anchor like "%seo%" or intersections_count >= 2)'
 */
export function printFilter(expr: FilterExpr | null, targetKeys?: readonly string[]): string {
  if (expr === null) return 'none';
  return printNode(expr, targetKeys);
}

function printNode(expr: FilterExpr, keys: readonly string[] | undefined): string {
  if (expr.kind === 'cond') return printCondition(expr, keys);
  return expr.items
    .map((item) => {
      const s = printNode(item, keys);
      return item.kind === 'cond' ? s : `(${s})`;
    })
    .join(` ${expr.kind} `);
}

function printCondition(c: FilterCondition, keys: readonly string[] | undefined): string {
  const value = Array.isArray(c.value)
    ? `[${c.value.map((v) => printValue(v, c.type === 'time')).join(', ')}]`
    : printValue(c.value, c.type === 'time');
  return `${printField(c.field, keys)} ${c.op} ${value}`;
}

function printField(field: FieldRef, keys: readonly string[] | undefined): string {
  if (field.target === null) return field.name;
  return `${keys?.[field.target] ?? `#${field.target}`}.${field.name}`;
}

function printValue(v: FilterScalar, isTime: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (isTime && typeof v === 'number') {
    const d = new Date(v * 1000);
    return Number.isNaN(d.getTime()) ? String(v) : `${d.toISOString().slice(0, 19)}Z`;
  }
  return String(v);
}
