/**
 * The one Hono app of `linkgap serve`: DataForSEO's intersection routes (`/live` and `/live.ai`),
 * MCP at `/mcp` (src/api/mcp-route.ts), Moz's `POST /v2/link_intersect` (src/api/moz), `/health`,
 * `/openapi.json`, `/docs`, the explorer's native API `/api/v1/*` (src/api/native) and its web UI
 * at `/` (src/api/web-ui.ts). Auth, rate limit and body limit guard `/v3/*`; every error
 * is answered in the route's own envelope, never with a stack trace.
 */

import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { routePath } from 'hono/route';
import type { LiveChecker } from '../crawl/index.js';
import type { Engine } from '../engine/types.js';
import { allowedHostSet, checkHostAndOrigin } from '../mcp/host-check.js';
import type { AppEnv } from './app-env.js';
import { type AuthConfig, authenticate } from './auth.js';
import { toAiResponse } from './dataforseo/ai-response.js';
import { buildEnvelope } from './dataforseo/envelope.js';
import { stringifyDataForSeo } from './dataforseo/json.js';
import { runLiveRequest } from './dataforseo/live-request.js';
import type { IntersectionEndpoint } from './dataforseo/parse-task.js';
import { FREE, type Pricing } from './dataforseo/pricing.js';
import { STATUS, type Status, UNAUTHORIZED_BODY } from './dataforseo/status.js';
import { buildApiVersion } from './dataforseo/version.js';
import { renderDocsPage } from './docs-page.js';
import { errorText, type Logger, SILENT_LOGGER } from './logger.js';
import { mountMcpRoute } from './mcp-route.js';
import { createApiMetrics } from './metrics.js';
import { mountMozRoutes } from './moz/moz-routes.js';
import { createTokenCodec, type TokenCodec } from './moz/next-token.js';
import { mountNativeRoutes, NATIVE_PREFIX, nativeError } from './native/native-routes.js';
import { buildOpenApi } from './openapi.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { mountWebUi } from './web-ui.js';

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Default per-key rate limit (DataForSEO's general limit). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 2000;

/** Options of `createApp`. */
export interface AppOptions {
  engine: Engine;
  /** Credentials, or null to serve without auth (the CLI allows that on loopback only). */
  auth: AuthConfig | null;
  /** Price of a successful task (default free). */
  pricing?: Pricing;
  /** Requests per minute per credential (default 2000), or a limiter (tests). */
  rateLimit?: number | RateLimiter;
  /** Largest accepted request body in bytes (default 1 MiB); larger → HTTP 413. */
  bodyLimitBytes?: number;
  logger?: Logger;
  /** Envelope `version` (default `0.1.<build date>`). */
  version?: string;
  /** Log one line per request (method, path, status, ms, credential name). */
  accessLog?: boolean;
  /**
   * Host names `/mcp` and the explorer (`/`, `/assets/*`, `/api/v1/*`) accept in `Host`/`Origin`
   * besides the loopback names (DNS-rebinding protection): the configured bind host and any
   * public name of the server.
   */
  allowedHosts?: readonly string[];
  /** Moz `next_token` signer (default: a random key per app, one-hour tokens). */
  mozTokens?: TokenCodec;
  /** Clock in ms (token expiry); default `Date.now`. */
  now?: () => number;
  /** The built web UI (`dist/web`), served at `/`; null or absent = a page saying to build it. */
  webRoot?: string | null;
  /**
   * Browser origins allowed to call the DataForSEO (`/v3/*`) and Moz (`/v2/*`) routes from
   * another site; absent or empty, no CORS headers are sent (browsers refuse cross-origin calls).
   */
  corsOrigins?: readonly string[];
  /** Live page checks for the explorer's `POST /api/v1/verify` (absent: it answers 501). */
  liveChecker?: LiveChecker;
}

type Env = AppEnv;

/** A client's `X-Request-Id` is kept when it is this tame; otherwise one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The shape of a DataForSEO task (counts and settings, never the targets themselves). */
function taskShape(data: Record<string, unknown>): Record<string, unknown> {
  const count = (v: unknown) =>
    Array.isArray(v) ? v.length : typeof v === 'object' && v !== null ? Object.keys(v).length : 0;
  return {
    targets: count(data.targets),
    excludes: count(data.exclude_targets),
    filters: data.filters !== undefined,
    order_by: count(data.order_by),
    mode: data.intersection_mode ?? null,
    limit: data.limit ?? null,
    offset: data.offset ?? null,
  };
}

/** The routes DataForSEO clients call: function name and whether it is the `.ai` form. */
const LIVE_ROUTES: ReadonlyArray<{ path: string; endpoint: IntersectionEndpoint; ai: boolean }> = [
  { path: '/v3/backlinks/page_intersection/live', endpoint: 'page_intersection', ai: false },
  { path: '/v3/backlinks/page_intersection/live.ai', endpoint: 'page_intersection', ai: true },
  { path: '/v3/backlinks/domain_intersection/live', endpoint: 'domain_intersection', ai: false },
  { path: '/v3/backlinks/domain_intersection/live.ai', endpoint: 'domain_intersection', ai: true },
];

/** Build the app. */
export function createApp(opts: AppOptions): Hono<Env> {
  const logger = opts.logger ?? SILENT_LOGGER;
  const version = opts.version ?? buildApiVersion();
  const pricing = opts.pricing ?? FREE;
  const limiter =
    typeof opts.rateLimit === 'object'
      ? opts.rateLimit
      : createRateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
  const maxBody = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  // A request refused as a whole: the envelope without tasks (its `.ai` form on `.ai` paths).
  const envelopeResponse = (c: Context, status: Status, httpStatus: HttpStatus): Response => {
    const envelope = buildEnvelope(version, status, 0, []);
    return jsonResponse(
      c,
      c.req.path.endsWith('.ai') ? toAiResponse(envelope) : envelope,
      httpStatus,
    );
  };

  const app = new Hono<Env>();
  const metrics = createApiMetrics(opts.engine);

  // Every answer carries a request id (the client's, when tame) and is counted and timed by
  // route pattern; with the access log on, one line per request with its id, the credential's
  // name (never its secret), the query's shape and the time taken.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c, -1);
    metrics.observe(route, c.req.method, c.res.status, seconds);
    if (opts.accessLog === true) {
      logger.info('request', {
        request_id: id,
        method: c.req.method,
        route,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(seconds * 10_000) / 10,
        key: c.get('authKey'),
        query: c.get('queryShape'),
      });
    }
  });

  // CORS before the credentials check: a browser's preflight carries none.
  if ((opts.corsOrigins ?? []).length > 0) {
    const allowed = new Set(opts.corsOrigins);
    const policy = cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['POST', 'GET', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'x-moz-token'],
      exposeHeaders: ['X-Request-Id'],
      maxAge: 600,
    });
    app.use('/v3/*', policy);
    app.use('/v2/*', policy);
  }

  app.get('/health', (c) => {
    const info = opts.engine.info();
    return c.json({
      status: 'ok',
      generation: info.generation,
      builtAt: info.builtAt,
      counts: { links: info.links, pages: info.pages, domains: info.domains },
    });
  });
  app.get('/metrics', async (c) => {
    if (opts.auth !== null) {
      const outcome = authenticate(opts.auth, c.req.header('authorization'));
      if (!outcome.ok) {
        return c.text('Unauthorized: valid credentials required.\n', 401, {
          'WWW-Authenticate': 'Basic realm="linkgap", charset="UTF-8"',
        });
      }
      c.set('authKey', outcome.key);
    }
    return c.body(await metrics.render(), 200, { 'Content-Type': metrics.contentType });
  });
  app.get('/openapi.json', (c) => c.json(buildOpenApi(version)));
  app.get('/docs', (c) => c.html(renderDocsPage()));

  app.use('/v3/*', async (c, next) => {
    let key = 'anonymous';
    if (opts.auth !== null) {
      const outcome = authenticate(opts.auth, c.req.header('authorization'));
      if (!outcome.ok) {
        return c.body(UNAUTHORIZED_BODY, 401, {
          'Content-Type': 'application/json',
          'WWW-Authenticate': 'Basic realm="linkgap", charset="UTF-8"',
        });
      }
      key = outcome.key;
    }
    c.set('authKey', key);
    if (!limiter.take(key)) return envelopeResponse(c, STATUS.rateLimited, 200);
    return next();
  });

  for (const route of LIVE_ROUTES) {
    app.post(
      route.path,
      bodyLimit({
        maxSize: maxBody,
        onError: (c) =>
          envelopeResponse(
            c,
            {
              ...STATUS.postDataInvalid,
              message: `POST Data Is Invalid. Body over ${maxBody} bytes.`,
            },
            413,
          ),
      }),
      async (c) => {
        const body = await c.req.text();
        const envelope = await runLiveRequest(
          { engine: opts.engine, pricing, version, logger },
          route.endpoint,
          body,
        );
        c.set(
          'queryShape',
          envelope.tasks.map((t) => taskShape((t.data ?? {}) as Record<string, unknown>)),
        );
        return jsonResponse(c, route.ai ? toAiResponse(envelope) : envelope, 200);
      },
    );
    app.all(route.path, (c) => {
      c.header('Allow', 'POST');
      return envelopeResponse(
        c,
        { ...STATUS.notFound, message: `Not Found. Use POST for ${route.path}.` },
        405,
      );
    });
  }

  const mozTokens = opts.mozTokens ?? createTokenCodec(undefined);
  const now = opts.now ?? (() => Date.now());
  mountMcpRoute(app, {
    engine: opts.engine,
    auth: opts.auth,
    limiter,
    logger,
    version,
    maxBody,
    allowedHosts: opts.allowedHosts ?? [],
    mozTokens,
    now,
  });
  mountMozRoutes(app, {
    engine: opts.engine,
    auth: opts.auth,
    limiter,
    maxBody,
    tokens: mozTokens,
    now,
  });

  // The explorer is a browser app: the same DNS-rebinding and cross-origin checks as /mcp.
  const browserHosts = allowedHostSet(opts.allowedHosts ?? []);
  for (const path of ['/', '/assets/*', `${NATIVE_PREFIX}/*`]) {
    app.use(path, async (c, next) => {
      const check = checkHostAndOrigin(browserHosts, c.req.header('host'), c.req.header('origin'));
      if (check.ok) return next();
      return c.req.path.startsWith(NATIVE_PREFIX)
        ? nativeError(c, 403, 'forbidden', `${check.message} (see serve --allowed-host).`)
        : c.text(`${check.message} (see serve --allowed-host).`, 403);
    });
  }
  mountNativeRoutes(app, {
    engine: opts.engine,
    auth: opts.auth,
    limiter,
    maxBody,
    logger,
    ...(opts.liveChecker === undefined ? {} : { liveChecker: opts.liveChecker }),
  });
  mountWebUi(app, { root: opts.webRoot ?? null, auth: opts.auth });

  app.notFound((c) => envelopeResponse(c, STATUS.notFound, 404));
  app.onError((error, c) => {
    logger.error('internal error', {
      method: c.req.method,
      path: c.req.path,
      error: errorText(error),
    });
    if (c.req.path.startsWith(`${NATIVE_PREFIX}/`)) {
      return nativeError(c, 500, 'internal', 'Internal error; try again later.');
    }
    if (c.req.path.startsWith('/v2/')) {
      return c.json({ name: 'InternalError', message: 'Internal error; try again later' }, 500);
    }
    return envelopeResponse(c, STATUS.internalError, 500);
  });
  return app;
}

type HttpStatus = 200 | 404 | 405 | 413 | 500;

function jsonResponse(c: Context, value: unknown, status: HttpStatus): Response {
  return c.body(stringifyDataForSeo(value), status, { 'Content-Type': 'application/json' });
}
