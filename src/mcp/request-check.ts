/**
 * Requests whose params do not fit their method's schema are answered `-32602 Invalid params`
 * with a one-line reason. The SDK would parse them inside its handler and answer `-32603
 * Internal error` with the whole validation dump, which tells a client its own mistake is ours.
 * Methods we do not serve are left to the SDK (`-32601`).
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  InitializeRequestSchema,
  type JSONRPCMessage,
  ListToolsRequestSchema,
  PingRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

const SCHEMAS: Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }> = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
};

/** A JSON-RPC error answer. */
export interface JsonRpcErrorAnswer {
  jsonrpc: '2.0';
  id: string | number;
  error: { code: number; message: string };
}

/** The first issue of a zod error as `path: message`. */
function reason(error: unknown): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  const first = issues?.[0];
  if (first === undefined) return 'does not match the method';
  const path = first.path.map(String).join('.');
  return `${path === '' ? '' : `${path}: `}${first.message}`;
}

/** The `-32602` answer to `message` when it is a request of ours with params that do not fit. */
export function invalidParams(message: unknown): JsonRpcErrorAnswer | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const m = message as { method?: unknown; id?: unknown };
  if (typeof m.method !== 'string' || !(typeof m.id === 'string' || typeof m.id === 'number')) {
    return null;
  }
  const schema = SCHEMAS[m.method];
  if (schema === undefined) return null;
  const parsed = schema.safeParse(message);
  if (parsed.success) return null;
  return {
    jsonrpc: '2.0',
    id: m.id,
    error: { code: -32602, message: `Invalid params: ${reason(parsed.error)}`.slice(0, 500) },
  };
}

/** Check every message `transport` delivers (call after the server connected to it). */
export function checkRequests(transport: Transport): void {
  const deliver = transport.onmessage;
  if (deliver === undefined) return;
  transport.onmessage = (message, extra) => {
    const refusal = invalidParams(message);
    if (refusal === null) deliver(message, extra);
    else void transport.send(refusal as JSONRPCMessage);
  };
}
