/**
 * MCP over streamable HTTP, stateless: every POST gets a fresh server and transport (the tools
 * keep no state between calls), answered as JSON. GET and DELETE (server-sent streams and
 * sessions) are not offered: 405.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Logger } from '../api/logger.js';
import type { TokenCodec } from '../api/moz/index.js';
import type { Engine } from '../engine/types.js';
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
    const server = createMcpServer(opts);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    try {
      await server.connect(transport);
      return await transport.handleRequest(req);
    } finally {
      await server.close();
    }
  };
}
