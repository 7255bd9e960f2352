/**
 * `POST /v2/link_intersect` (Moz Links API v2) on the Hono app: auth by `x-moz-token` or HTTP
 * Basic (access id / secret) or Bearer against the server's credentials, the shared rate limit,
 * a body limit, and Moz-style errors: an HTTP status with a JSON body `{name, message}`.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseBoundedJson } from '../../core/bounded-json.js';
import { QueryTimeoutError } from '../../engine/deadline.js';
import type { Engine } from '../../engine/types.js';
import type { AppEnv } from '../app-env.js';
import { type AuthConfig, authenticate, authenticateToken } from '../auth.js';
import type { RateLimiter } from '../rate-limit.js';
import { mozResponse } from './moz-response.js';
import type { TokenCodec } from './next-token.js';

/** The Moz route's path. */
export const MOZ_LINK_INTERSECT_PATH = '/v2/link_intersect';

/** What the route needs from the app. */
export interface MozRouteOptions {
  engine: Engine;
  auth: AuthConfig | null;
  limiter: RateLimiter;
  maxBody: number;
  tokens: TokenCodec;
  now: () => number;
}

type MozStatus = 400 | 401 | 405 | 410 | 413 | 429 | 503;

/** A Moz error response. */
export function mozError(c: Context, status: MozStatus, name: string, message: string): Response {
  return c.json({ name, message }, status);
}

/** Add the route (and its 405 for other methods) to `app`. */
export function mountMozRoutes(app: Hono<AppEnv>, opts: MozRouteOptions): void {
  const path = MOZ_LINK_INTERSECT_PATH;
  app.post(
    path,
    async (c, next) => {
      let key = 'anonymous';
      if (opts.auth !== null) {
        const token = c.req.header('x-moz-token');
        const outcome =
          token !== undefined
            ? authenticateToken(opts.auth, token)
            : authenticate(opts.auth, c.req.header('authorization'));
        if (!outcome.ok) {
          c.header('WWW-Authenticate', 'Basic realm="linkgap", charset="UTF-8"');
          return mozError(
            c,
            401,
            'Unauthorized',
            'Missing or invalid credentials: send x-moz-token or HTTP Basic (access id, secret)',
          );
        }
        key = outcome.key;
      }
      c.set('authKey', key);
      if (!opts.limiter.take(key)) {
        c.header('Retry-After', '60');
        return mozError(c, 429, 'TooManyRequests', 'Too Many Requests: rate limit reached');
      }
      return next();
    },
    bodyLimit({
      maxSize: opts.maxBody,
      onError: (c) =>
        mozError(c, 413, 'PayloadTooLarge', `The request body is over ${opts.maxBody} bytes`),
    }),
    async (c) => {
      const text = await c.req.text();
      const json = parseBoundedJson(text);
      if (!json.ok) {
        return mozError(c, 400, 'InvalidArgument', `The request body is ${json.message}`);
      }
      c.set('queryShape', mozShape(json.value));
      let answer: Awaited<ReturnType<typeof mozResponse>>;
      try {
        answer = await mozResponse(opts.engine, json.value, opts.tokens, opts.now());
      } catch (error) {
        if (!(error instanceof QueryTimeoutError)) throw error;
        return mozError(c, 503, 'Timeout', `${error.message}: narrow the request and retry`);
      }
      return c.json(answer.body, answer.status);
    },
  );
  app.all(path, (c) => {
    c.header('Allow', 'POST');
    return mozError(c, 405, 'MethodNotAllowed', `Use POST for ${path}`);
  });
}

/** What the access log says of a link_intersect body: counts and settings, no targets. */
function mozShape(body: unknown): Record<string, unknown> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return {
    positive: count(b.positive_targets),
    negative: count(b.negative_targets),
    source_scope: typeof b.source_scope === 'string' ? b.source_scope.slice(0, 20) : null,
    limit: typeof b.limit === 'number' ? b.limit : null,
  };
}
