/**
 * DataForSEO's AI-optimised response (`…/live.ai`,
 * https://docs.dataforseo.com/v3/appendix/ai_optimized_response/), as linkgap answers it:
 *
 * - the body is one object for task 0: `{id, status_code, status_message, items}`, the shape the
 *   official MCP server reads (`DataForSEOResponse` in dataforseo/mcp-server-typescript) and that
 *   its tool transcripts show; `items` = `result[0].items`;
 * - a failed task gives `{id, status_code, status_message}` (no items);
 * - a failed request (40502, 40503, 40202 …) gives `{status_code, status_message}`;
 * - inside items, fields that are null, false, `""`, `[]` or `{}` are dropped (recursively);
 * - non-integer numbers are rounded to 3 decimals.
 */
import type { DataForSeoEnvelope } from './envelope.js';

/** The `.ai` body. */
export interface AiResponse {
  id?: string;
  status_code: number;
  status_message: string;
  items?: unknown[];
}

/** The `.ai` form of a full envelope. */
export function toAiResponse(envelope: DataForSeoEnvelope): AiResponse {
  const task = envelope.tasks[0];
  if (envelope.status_code !== 20000 || task === undefined) {
    return { status_code: envelope.status_code, status_message: envelope.status_message };
  }
  const head = { id: task.id, status_code: task.status_code, status_message: task.status_message };
  const first = task.result?.[0] as { items?: unknown } | undefined;
  if (task.status_code !== 20000 || first === undefined) return head;
  const items = Array.isArray(first.items) ? first.items : [];
  return { ...head, items: items.map(pruneValue).filter((v) => v !== undefined) };
}

/** A value with empty, null and false fields removed; undefined when the value itself is one. */
export function pruneValue(value: unknown): unknown {
  if (value === null || value === false || value === '') return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : roundTo3(value);
  if (Array.isArray(value)) {
    const out = value.map(pruneValue).filter((v) => v !== undefined);
    return out.length === 0 ? undefined : out;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = pruneValue(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function roundTo3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
