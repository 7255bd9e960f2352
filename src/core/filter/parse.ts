/**
 * DataForSEO's filter grammar (spec/dataforseo.md §5) → a typed `FilterExpr`:
 *   condition := [field, operator, value]
 *   expr      := [operand, "and"|"or", operand, …]   operand := condition | expr
 * Single-element nesting (`[[cond]]`, as the MCP server sends) is unwrapped; a level mixing
 * and/or folds left to right; nested and-in-and / or-in-or are flattened.
 */
import { OPERATORS_BY_TYPE } from './catalogue.js';
import { coerceValue, show } from './coerce-value.js';
import type { FieldRef, FieldType, FilterCondition, FilterExpr, FilterOp } from './types.js';

/** Maps a field name as written (`"1.rank"`, `"intersections_count"`) to its ref and type. */
export type ResolveField = (name: string) => { field: FieldRef; type: FieldType } | null;

/** How to parse one filter. */
export interface ParseFilterOptions {
  resolveField: ResolveField;
  /** Most conditions allowed (default 8, DataForSEO's limit). */
  maxConditions?: number;
  /** Whether a regex pattern compiles (RE2): injected because core does no I/O or native code. */
  isValidRegex?: (pattern: string) => boolean;
}

/** A parsed filter (null = no filter) or a human-readable reason. */
export type ParseFilterResult =
  | { ok: true; value: FilterExpr | null }
  | { ok: false; message: string };

/** Default and DataForSEO limit on conditions per filter. */
export const DEFAULT_MAX_CONDITIONS = 8;
// Nesting beyond this is never meaningful with ≤ 8 conditions; it bounds recursion.
const MAX_DEPTH = 32;

const ALL_OPS: ReadonlySet<string> = new Set(Object.values(OPERATORS_BY_TYPE).flat());

class FilterSyntaxError extends Error {}

interface Context extends ParseFilterOptions {
  max: number;
  conditions: number;
}

/**
 * Parse a filter. `null`, `undefined`, `[]` (also `[[]]`) mean no filter.
 * @example parseFilter([["1.dofollow","=",true],"and",["1.rank",">","80"]], { resolveField })
 */
export function parseFilter(raw: unknown, opts: ParseFilterOptions): ParseFilterResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (Array.isArray(raw) && unwrap(raw).length === 0) return { ok: true, value: null };
  const ctx: Context = {
    ...opts,
    max: opts.maxConditions ?? DEFAULT_MAX_CONDITIONS,
    conditions: 0,
  };
  try {
    return { ok: true, value: parseNode(raw, ctx, 0) };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
}

function unwrap(node: unknown[]): unknown[] {
  let n = node;
  let depth = 0;
  while (n.length === 1 && Array.isArray(n[0]) && depth++ < MAX_DEPTH) n = n[0];
  return n;
}

function parseNode(raw: unknown, ctx: Context, depth: number): FilterExpr {
  if (depth > MAX_DEPTH) throw new FilterSyntaxError('filter nested too deeply');
  if (!Array.isArray(raw)) {
    throw new FilterSyntaxError(`expected a condition or an expression array, got ${show(raw)}`);
  }
  const node = unwrap(raw);
  if (node.length === 0) throw new FilterSyntaxError('empty expression []');
  if (typeof node[0] === 'string') return parseCondition(node, ctx);
  if (node.length < 3 || node.length % 2 === 0) {
    throw new FilterSyntaxError(
      `an expression is [operand, "and"|"or", operand, …]; got ${node.length} elements`,
    );
  }
  let acc = parseNode(node[0], ctx, depth + 1);
  for (let i = 1; i < node.length; i += 2) {
    const conn = node[i];
    const kind = typeof conn === 'string' ? conn.trim().toLowerCase() : undefined;
    if (kind !== 'and' && kind !== 'or') {
      throw new FilterSyntaxError(`expected "and" or "or" between operands, got ${show(conn)}`);
    }
    acc = join(kind, acc, parseNode(node[i + 1], ctx, depth + 1));
  }
  return acc;
}

function join(kind: 'and' | 'or', a: FilterExpr, b: FilterExpr): FilterExpr {
  const items = (e: FilterExpr) => (e.kind === kind ? e.items : [e]);
  return { kind, items: [...items(a), ...items(b)] };
}

function parseCondition(node: unknown[], ctx: Context): FilterCondition {
  if (node.length !== 3) {
    throw new FilterSyntaxError(`a condition is [field, operator, value]; got ${show(node)}`);
  }
  ctx.conditions++;
  if (ctx.conditions > ctx.max) {
    throw new FilterSyntaxError(`at most ${ctx.max} filter conditions are allowed`);
  }
  const [name, rawOp, rawValue] = node as [string, unknown, unknown];
  const resolved = ctx.resolveField(name);
  if (resolved === null) throw new FilterSyntaxError(`unknown filter field '${name}'`);
  const op = typeof rawOp === 'string' ? rawOp.trim().toLowerCase() : '';
  if (!ALL_OPS.has(op)) throw new FilterSyntaxError(`unknown operator ${show(rawOp)} on '${name}'`);
  if (!OPERATORS_BY_TYPE[resolved.type].includes(op as FilterOp)) {
    throw new FilterSyntaxError(
      `operator '${op}' does not apply to ${resolved.type} field '${name}' (use ${OPERATORS_BY_TYPE[resolved.type].join(', ')})`,
    );
  }
  const value = coerceValue(resolved.type, op as FilterOp, rawValue, ctx);
  if (!value.ok) throw new FilterSyntaxError(`'${name}' ${op}: ${value.message}`);
  return {
    kind: 'cond',
    field: resolved.field,
    type: resolved.type,
    op: op as FilterOp,
    value: value.value,
  };
}
