/**
 * schema.org types of a page (`PageSignals.schema_types`): from microdata `itemtype` attributes
 * and from JSON-LD blocks. Shared by the HTML and WAT readers.
 */

/** Most types kept per page. */
export const MAX_SCHEMA_TYPES = 20;
/** JSON-LD blocks longer than this are not parsed. */
export const MAX_JSON_LD_CHARS = 256 * 1024;
/** Most JSON-LD nodes looked at per block. */
const MAX_NODES = 200;

const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;

/**
 * The short name of a type IRI or compact name: `https://schema.org/BlogPosting`,
 * `schema:BlogPosting` and `BlogPosting` all give `BlogPosting`; anything that is not a plain
 * identifier after the last `/`, `#` or `:` gives undefined.
 */
export function shortTypeName(value: string): string | undefined {
  const v = value.trim();
  let from = 0;
  for (let i = v.length - 1; i >= 0; i--) {
    const c = v.charCodeAt(i);
    if (c === 47 || c === 35 || c === 58) {
      from = i + 1;
      break;
    }
  }
  const name = from === 0 ? v : v.slice(from);
  return TYPE_NAME.test(name) ? name : undefined;
}

/** Type names of an `itemtype` attribute (space-separated IRIs). */
export function itemtypeNames(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(/[\t\n\f\r ]+/)) {
    if (part === '') continue;
    const name = shortTypeName(part);
    if (name !== undefined) out.push(name);
  }
  return out;
}

/**
 * `@type` names of the top-level nodes of a JSON-LD block, in order: the root object, each
 * element of a root array, each node of an `@graph` (nested property values such as an
 * article's `author` are not nodes of the page). A block that does not parse, or is longer than
 * {@link MAX_JSON_LD_CHARS}, gives none.
 */
export function jsonLdTypes(text: string): string[] {
  if (text.length > MAX_JSON_LD_CHARS) return [];
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const queue: unknown[] = [root];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_NODES && out.length < MAX_SCHEMA_TYPES) {
    const node = queue.shift();
    seen++;
    if (Array.isArray(node)) {
      for (const n of node.slice(0, MAX_NODES)) queue.push(n);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const rec = node as Record<string, unknown>;
    const type = rec['@type'];
    for (const t of Array.isArray(type) ? type : [type]) {
      if (typeof t !== 'string') continue;
      const name = shortTypeName(t);
      if (name !== undefined) out.push(name);
    }
    const graph = rec['@graph'];
    if (Array.isArray(graph)) for (const n of graph.slice(0, MAX_NODES)) queue.push(n);
    else if (graph !== null && typeof graph === 'object') queue.push(graph);
  }
  return out;
}
