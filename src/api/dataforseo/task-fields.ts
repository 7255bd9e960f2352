/**
 * Readers for the scalar and target fields of a DataForSEO intersection task
 * (spec/dataforseo.md §3). Each returns a `FieldResult` naming the request field; `null` and a
 * missing field both mean "use the default".
 */

import { show } from '../../core/filter/coerce-value.js';
import type { QueryTarget, TargetSpec } from '../../core/query/intersect-query.js';
import { parseTarget } from '../../core/query/target.js';

/**
 * A field's value, or the 40501 failure: `message` is the status message, `detail` says what
 * is wrong in words (for logs and the CLI).
 */
export type FieldResult<T> =
  | { ok: true; value: T }
  | { ok: false; field: string; message: string; detail: string };

/** A task as JSON: field name → value. */
export type TaskObject = Record<string, unknown>;

/** Most `targets` entries (DataForSEO). */
export const MAX_TARGETS = 20;
/** Most `exclude_targets` entries (DataForSEO). */
export const MAX_EXCLUDES = 10;
/** Longest target key (decision: DataForSEO only documents "1".."20"). */
export const MAX_TARGET_KEY_LENGTH = 10;
/** Longest `tag` (DataForSEO). */
export const MAX_TAG_LENGTH = 255;

/** `Invalid Field: '<field>'.`, DataForSEO's 40501 status message. */
export function invalidField(field: string): string {
  return `Invalid Field: '${field}'.`;
}

/** A failure for `field` with the 40501 message. */
export function invalid<T>(field: string, detail: string): FieldResult<T> {
  return { ok: false, field, message: invalidField(field), detail: `${field}: ${detail}` };
}

/** True for a JSON object (not an array, not null). */
export function isObject(v: unknown): v is TaskObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The field's value, with `null` read as absent. */
export function fieldValue(task: TaskObject, field: string): unknown {
  return Object.hasOwn(task, field) && task[field] !== null ? task[field] : undefined;
}

/** An integer in `[min, max]`; integer numbers only (no strings). */
export function readInt(
  task: TaskObject,
  field: string,
  min: number,
  max: number,
  fallback: number,
): FieldResult<number> {
  const v = fieldValue(task, field);
  if (v === undefined) return { ok: true, value: fallback };
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max
    ? { ok: true, value: v as number }
    : invalid(field, `must be an integer from ${min} to ${max}`);
}

/** A JSON boolean (no "true"/"false" strings). */
export function readBool(task: TaskObject, field: string, fallback: boolean): FieldResult<boolean> {
  const v = fieldValue(task, field);
  if (v === undefined) return { ok: true, value: fallback };
  return typeof v === 'boolean' ? { ok: true, value: v } : invalid(field, 'must be true or false');
}

/** One of `values`, exactly as spelled there. */
export function readEnum<T extends string>(
  task: TaskObject,
  field: string,
  values: readonly T[],
  fallback: T,
): FieldResult<T> {
  const v = fieldValue(task, field);
  if (v === undefined) return { ok: true, value: fallback };
  return typeof v === 'string' && (values as readonly string[]).includes(v)
    ? { ok: true, value: v as T }
    : invalid(field, `must be one of ${values.join(', ')}`);
}

/** An optional string of at most `maxLength` chars. */
export function readString(
  task: TaskObject,
  field: string,
  maxLength: number,
): FieldResult<string | undefined> {
  const v = fieldValue(task, field);
  if (v === undefined) return { ok: true, value: undefined };
  return typeof v === 'string' && v.length <= maxLength
    ? { ok: true, value: v }
    : invalid(field, `must be a string of at most ${maxLength} chars`);
}

/**
 * `targets`: an object of 1–20 entries, keys 1–10 chars, values page URLs or host names (no
 * prefixes), in the object's key order. Missing → `Invalid Field: 'targets' is required`.
 */
export function readTargets(
  task: TaskObject,
  includeSubdomains: boolean,
): FieldResult<QueryTarget[]> {
  const v = fieldValue(task, 'targets');
  if (v === undefined) {
    return {
      ok: false,
      field: 'targets',
      message: "Invalid Field: 'targets' is required",
      detail: 'targets is required',
    };
  }
  if (!isObject(v)) return invalid('targets', 'must be an object of key → target');
  const entries = Object.entries(v);
  if (entries.length === 0 || entries.length > MAX_TARGETS) {
    return invalid('targets', `must hold 1 to ${MAX_TARGETS} targets`);
  }
  const targets: QueryTarget[] = [];
  for (const [key, raw] of entries) {
    if (key.length === 0 || key.length > MAX_TARGET_KEY_LENGTH) {
      return invalid('targets', `key '${key}' must be 1 to ${MAX_TARGET_KEY_LENGTH} chars`);
    }
    const spec = readTargetString(raw, false, includeSubdomains);
    if (!spec.ok) return invalid('targets', `'${key}': ${spec.message}`);
    targets.push({ key, ...spec.value });
  }
  return { ok: true, value: targets };
}

/** `exclude_targets`: an array of at most 10 URLs, URL prefixes (`…*`) or host names. */
export function readExcludes(
  task: TaskObject,
  includeSubdomains: boolean,
): FieldResult<TargetSpec[]> {
  const v = fieldValue(task, 'exclude_targets');
  if (v === undefined) return { ok: true, value: [] };
  if (!Array.isArray(v) || v.length > MAX_EXCLUDES) {
    return invalid('exclude_targets', `must be an array of at most ${MAX_EXCLUDES} strings`);
  }
  const excludes: TargetSpec[] = [];
  for (const raw of v) {
    const spec = readTargetString(raw, true, includeSubdomains);
    if (!spec.ok) return invalid('exclude_targets', spec.message);
    excludes.push(spec.value);
  }
  return { ok: true, value: excludes };
}

function readTargetString(
  raw: unknown,
  allowPrefix: boolean,
  includeSubdomains: boolean,
): { ok: true; value: TargetSpec } | { ok: false; message: string } {
  if (typeof raw !== 'string') return { ok: false, message: `${show(raw)} is not a string` };
  return parseTarget(raw, { allowPrefix, includeSubdomains });
}
