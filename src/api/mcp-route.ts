/**
 * `/mcp` on the API app: MCP over streamable HTTP (src/mcp/http.ts) behind, in this order,
 * Host/Origin validation against DNS rebinding (403), the API's credentials (401), its rate
 * limit (429) and body limit (413). Refusals are JSON-RPC error bodies, as MCP clients expect.
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Engine } from '../engine/types.js';
import { allowedHostSet, checkHostAndOrigin } from '../mcp/host-check.js';
import { createMcpHttpHandler, jsonRpcErrorResponse } from '../mcp/http.js';
import type { AppEnv } from './app-env.js';
import { type AuthConfig, authenticate } from './auth.js';
import type { Logger } from './logger.js';
import type { TokenCodec } from './moz/index.js';
import type { RateLimiter } from './rate-limit.js';

/** What the route needs from the app. */
export interface McpRouteOptions {
  engine: Engine;
  auth: AuthConfig | null;
  limiter: RateLimiter;
  logger: Logger;
  version: string;
  maxBody: number;
  /** Host names accepted besides the loopback names (the configured `--host`, …). */
  allowedHosts: readonly string[];
  /** The Moz route's token signer and clock (tokens work across both fronts). */
  mozTokens: TokenCodec;
  now: () => number;
}

/** Mount `/mcp` on `app`. */
export function mountMcpRoute(app: Hono<AppEnv>, opts: McpRouteOptions): void {
  const allowed = allowedHostSet(opts.allowedHosts);
  const handler = createMcpHttpHandler({
    engine: opts.engine,
    logger: opts.logger,
    version: opts.version,
    mozTokens: opts.mozTokens,
    now: opts.now,
  });
  app.use('/mcp', async (c, next) => {
    const hostCheck = checkHostAndOrigin(allowed, c.req.header('host'), c.req.header('origin'));
    if (!hostCheck.ok) return jsonRpcErrorResponse(403, -32000, hostCheck.message);
    let key = 'anonymous';
    if (opts.auth !== null) {
      const outcome = authenticate(opts.auth, c.req.header('authorization'));
      if (!outcome.ok) {
        return jsonRpcErrorResponse(401, -32001, 'Unauthorized: valid credentials required.', {
          'WWW-Authenticate': 'Basic realm="linkgap", charset="UTF-8"',
        });
      }
      key = outcome.key;
    }
    c.set('authKey', key);
    if (!opts.limiter.take(key)) {
      return jsonRpcErrorResponse(429, -32000, 'Rate limit exceeded.');
    }
    return next();
  });
  app.all(
    '/mcp',
    bodyLimit({
      maxSize: opts.maxBody,
      onError: () => jsonRpcErrorResponse(413, -32000, `Request body over ${opts.maxBody} bytes.`),
    }),
    (c) => handler(c.req.raw),
  );
}
