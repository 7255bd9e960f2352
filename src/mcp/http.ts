/**
 * MCP over streamable HTTP, stateless: every POST gets a fresh server and transport (the tools
 * keep no state between calls), answered as JSON. GET and DELETE (server-sent streams and
 * sessions) are not offered: 405.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Logger } from '../api/logger.js';
import type { TokenCodec } from '../api/moz/index.js';
import { parseBoundedJson } from '../core/bounded-json.js';
import type { Engine } from '../engine/types.js';
import { invalidParams } from './request-check.js';
import { createMcpServer } from './server.js';

/** What the handler needs. */
export interface McpHttpOptions {
  engine: Engine;
  logger: Logger;
  version?: string;
  /** Shared with `POST /v2/link_intersect`, so a token from one front works on the other. */
  mozTokens?: TokenCodec;
  now?: () => number;
}

/** A JSON-RPC error response without an id (transport-level refusals). */
export function jsonRpcErrorResponse(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** The `/mcp` handler: web-standard Request in, Response out. */
export function createMcpHttpHandler(opts: McpHttpOptions): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'POST') {
      return jsonRpcErrorResponse(
        405,
        -32000,
        'Method not allowed: this server is stateless, use POST.',
        {
          Allow: 'POST',
        },
      );
    }
    // Read once: a request whose params do not fit is answered here (see request-check.ts).
    const text = await req.text();
    const json = parseBoundedJson(text);
    if (!json.ok && json.reason === 'too_deep') {
      return jsonRpcErrorResponse(400, -32600, `Invalid Request: ${json.message}.`);
    }
    const refusal = invalidParams(json.ok ? json.value : undefined);
    if (refusal !== null) {
      return new Response(JSON.stringify(refusal), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const server = createMcpServer(opts);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    try {
      await server.connect(transport);
      return await transport.handleRequest(
        new Request(req.url, { method: req.method, headers: req.headers, body: text }),
      );
    } finally {
      await server.close();
    }
  };
}
