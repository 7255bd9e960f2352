/**
 * A condition's value checked against its operator and coerced to its field's type
 * (docs/intersection-semantics.md §Filters; spec/dataforseo.md §5).
 */
import { parseFilterTime } from './parse-time.js';
import type { FieldType, FilterOp, FilterScalar } from './types.js';

/** Most items an `in` / `not_in` list may hold. */
export const MAX_LIST_ITEMS = 1000;
/** Longest like / regex / match pattern (DataForSEO's regex limit, used for all patterns). */
export const MAX_PATTERN_LENGTH = 1000;
/** Longest plain string value (`=`, `in`, has …): the longest URL we store. */
export const MAX_STRING_LENGTH = 4096;

/** What coercion needs beyond the value. */
export interface CoerceOptions {
  /** Whether an RE2 pattern compiles; when absent, patterns are only length-checked. */
  isValidRegex?: (pattern: string) => boolean;
}

/** A coerced value or why the raw one does not fit. */
export type CoerceResult =
  | { ok: true; value: FilterScalar | FilterScalar[] }
  | { ok: false; message: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Coerce `raw` for `op` on a field of `type`. `op` must already be allowed for `type`.
 * `in`/`not_in` take a non-empty array; `null` is only allowed with `=` and `<>`.
 */
export function coerceValue(
  type: FieldType,
  op: FilterOp,
  raw: unknown,
  opts: CoerceOptions = {},
): CoerceResult {
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(raw) || raw.length === 0) {
      return fail(`'${op}' needs a non-empty array of values`);
    }
    if (raw.length > MAX_LIST_ITEMS) return fail(`'${op}' takes at most ${MAX_LIST_ITEMS} values`);
    const out: FilterScalar[] = [];
    for (const item of raw) {
      const v = coerceScalar(type, item);
      if (v === undefined) return fail(`'${op}' list item ${show(item)} is not ${describe(type)}`);
      out.push(v);
    }
    return { ok: true, value: out };
  }
  if (raw === null) {
    return op === '=' || op === '<>'
      ? { ok: true, value: null }
      : fail(`null is only allowed with '=' and '<>', not '${op}'`);
  }
  const v = coerceScalar(type, raw);
  if (v === undefined) return fail(`value ${show(raw)} is not ${describe(type)}`);
  if (typeof v === 'string') return checkPattern(op, v, opts);
  return { ok: true, value: v };
}

/** The value as `type`, or undefined. Strings longer than MAX_STRING_LENGTH are refused. */
function coerceScalar(type: FieldType, raw: unknown): FilterScalar | undefined {
  switch (type) {
    case 'num':
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
      if (typeof raw === 'string' && NUMBER.test(raw.trim())) return Number(raw.trim());
      return undefined;
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      return s === 'true' ? true : s === 'false' ? false : undefined;
    }
    case 'time':
      return typeof raw === 'string' ? parseFilterTime(raw) : undefined;
    case 'str':
    case 'array': {
      const s =
        typeof raw === 'string'
          ? raw
          : typeof raw === 'number' && Number.isFinite(raw)
            ? String(raw)
            : undefined;
      return s !== undefined && s.length <= MAX_STRING_LENGTH ? s : undefined;
    }
  }
}

function checkPattern(op: FilterOp, value: string, opts: CoerceOptions): CoerceResult {
  const pattern =
    op === 'like' ||
    op === 'not_like' ||
    op === 'ilike' ||
    op === 'not_ilike' ||
    op === 'regex' ||
    op === 'not_regex' ||
    op === 'match' ||
    op === 'not_match';
  if (pattern && value.length > MAX_PATTERN_LENGTH) {
    return fail(`'${op}' pattern longer than ${MAX_PATTERN_LENGTH} chars`);
  }
  if ((op === 'regex' || op === 'not_regex') && opts.isValidRegex?.(value) === false) {
    return fail(`invalid regular expression ${show(value)}`);
  }
  if ((op === 'match' || op === 'not_match') && !WORD.test(value)) {
    return fail(`'${op}' needs at least one word (letters or digits)`);
  }
  return { ok: true, value };
}

function describe(type: FieldType): string {
  switch (type) {
    case 'num':
      return 'a number';
    case 'bool':
      return 'true or false';
    case 'time':
      return "a time ('yyyy-mm-dd hh:mm:ss +00:00', 'yyyy-mm-dd' or ISO 8601)";
    case 'str':
    case 'array':
      return `a string of at most ${MAX_STRING_LENGTH} chars`;
  }
}

/** A short rendering of a raw value for messages. */
export function show(raw: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(raw) ?? String(raw);
  } catch {
    // Too deep (or cyclic) to print: say what it is; String() of it would recurse as well.
    s = Array.isArray(raw) ? '[…]' : typeof raw === 'object' && raw !== null ? '{…}' : typeof raw;
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function fail(message: string): CoerceResult {
  return { ok: false, message };
}
