/**
 * Safe reads from parsed JSON of unknown shape: WAT files come from many crawler versions, so
 * every level may be missing or of another type.
 */

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** `value` when it is a plain object, else undefined. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The object at `path` below `root`, or undefined when any step is missing or not an object. */
export function objectAt(root: unknown, ...path: string[]): JsonObject | undefined {
  let node = asObject(root);
  for (const key of path) {
    if (node === undefined) return undefined;
    node = asObject(node[key]);
  }
  return node;
}

/** `obj[key]` when it is a string (numbers are given as strings too), else undefined. */
export function stringAt(obj: JsonObject | undefined, key: string): string | undefined {
  const value = obj?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The objects of the array `obj[key]` (non-objects dropped); [] when it is not an array. */
export function objectsAt(obj: JsonObject | undefined, key: string): JsonObject[] {
  const value = obj?.[key];
  if (!Array.isArray(value)) return [];
  const out: JsonObject[] = [];
  for (const item of value) {
    const o = asObject(item);
    if (o !== undefined) out.push(o);
  }
  return out;
}

/** Value of header `name` (case-insensitive) in a WAT `Headers` object. */
export function headerAt(headers: JsonObject | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === lower) return stringAt(headers, key);
  }
  return undefined;
}
