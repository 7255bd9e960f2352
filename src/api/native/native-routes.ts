/**
 * The native JSON API of the link-gap explorer under `/api/v1` (docs/http-api.md §Native API):
 * `GET index`, `POST prospects`, `POST overlap`, `POST evidence`, `GET|POST export` (CSV or
 * JSON, streamed, no cap). Credentials as on the other routes (Basic or Bearer; a 401 asks the
 * browser for Basic), the shared rate limit, a body limit, and every error as
 * `{"error":{code,message,field?}}` with its HTTP status — never a stack trace.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseBoundedJson } from '../../core/bounded-json.js';
import { describeTarget } from '../../core/query/target-label.js';
import type { Result } from '../../core/result.js';
import type { LiveChecker } from '../../crawl/index.js';
import { QueryTimeoutError } from '../../engine/deadline.js';
import type { Engine } from '../../engine/types.js';
import type { AppEnv } from '../app-env.js';
import { type AuthConfig, authenticate } from '../auth.js';
import { errorText, type Logger } from '../logger.js';
import type { RateLimiter } from '../rate-limit.js';
import { decodeExploreParams } from './explore-params.js';
import { exportResponse } from './export-stream.js';
import {
  parseEvidenceRequest,
  parseExportRequest,
  parseOverlapRequest,
  parseProspectsRequest,
  parseVerifyRequest,
} from './parse-explore.js';
import type {
  EvidenceResponse,
  NativeError,
  OverlapResponse,
  ProspectsResponse,
  VerifyResponse,
} from './types.js';

/** The native API's path prefix. */
export const NATIVE_PREFIX = '/api/v1';

/** What the routes need from the app. */
export interface NativeRouteOptions {
  engine: Engine;
  /** Live page checks for `/verify`; absent = the route answers 501. */
  liveChecker?: LiveChecker;
  auth: AuthConfig | null;
  limiter: RateLimiter;
  maxBody: number;
  logger: Logger;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 429 | 500 | 501 | 503;

/** A native error response. */
export function nativeError(
  c: Context,
  status: ErrorStatus,
  code: string,
  message: string,
  field?: string,
): Response {
  const body: NativeError = { error: field ? { code, message, field } : { code, message } };
  return c.json(body, status);
}

type Env = AppEnv;

/** Add the routes (and their 404/405 answers) to `app`. */
export function mountNativeRoutes(app: Hono<Env>, opts: NativeRouteOptions): void {
  const { engine } = opts;
  app.use(`${NATIVE_PREFIX}/*`, async (c, next) => {
    let key = 'anonymous';
    if (opts.auth !== null) {
      const outcome = authenticate(opts.auth, c.req.header('authorization'));
      if (!outcome.ok) {
        c.header('WWW-Authenticate', 'Basic realm="linkgap", charset="UTF-8"');
        return nativeError(c, 401, 'unauthorized', 'Missing or invalid credentials.');
      }
      key = outcome.key;
    }
    c.set('authKey', key);
    if (!opts.limiter.take(key)) {
      c.header('Retry-After', '60');
      return nativeError(
        c,
        429,
        'rate_limited',
        'Too many requests: the per-minute limit is reached.',
      );
    }
    return next();
  });
  const limit = bodyLimit({
    maxSize: opts.maxBody,
    onError: (c) =>
      nativeError(c, 413, 'too_large', `The request body is over ${opts.maxBody} bytes.`),
  });

  app.get(`${NATIVE_PREFIX}/index`, async (c) => c.json(await engine.facts()));

  app.post(`${NATIVE_PREFIX}/prospects`, limit, async (c) =>
    withBody(c, parseProspectsRequest, async ({ query, sort }) => {
      const started = performance.now();
      const page = await engine.prospects(query, sort);
      const info = engine.info();
      const body: ProspectsResponse = {
        generation: info.generation,
        builtAt: info.builtAt,
        mode: query.source === 'domain' ? 'domains' : 'pages',
        competitors: query.targets.map(describeTarget),
        total: page.total,
        offset: query.offset,
        items: page.items,
        tookMs: elapsed(started),
      };
      return c.json(body);
    }),
  );

  app.post(`${NATIVE_PREFIX}/overlap`, limit, async (c) =>
    withBody(c, parseOverlapRequest, async ({ query, combinations }) => {
      const started = performance.now();
      const overlap = await engine.overlap(query, combinations);
      const info = engine.info();
      const body: OverlapResponse = {
        generation: info.generation,
        builtAt: info.builtAt,
        ...overlap,
        tookMs: elapsed(started),
      };
      return c.json(body);
    }),
  );

  app.post(`${NATIVE_PREFIX}/evidence`, limit, async (c) =>
    withBody(c, parseEvidenceRequest, async ({ query, prospect, limit: perTarget }) => {
      const started = performance.now();
      const evidence = await engine.evidence(query, prospect, perTarget);
      if (evidence === null) {
        const what = query.source === 'domain' ? 'referring domain' : 'referring page';
        return nativeError(c, 404, 'not_found', `No ${what} ${prospect} in the index.`, 'prospect');
      }
      const info = engine.info();
      const body: EvidenceResponse = {
        generation: info.generation,
        builtAt: info.builtAt,
        ...evidence,
        tookMs: elapsed(started),
      };
      return c.json(body);
    }),
  );

  app.post(`${NATIVE_PREFIX}/verify`, limit, async (c) =>
    withBody(c, parseVerifyRequest, async ({ query, prospects }) => {
      const checker = opts.liveChecker;
      if (checker === undefined) {
        return nativeError(c, 501, 'not_implemented', 'This server does not check pages live.');
      }
      const started = performance.now();
      // Only pages the index holds are fetched: the route is no open proxy.
      const pages: Array<{ url: string; indexed: Set<string> }> = [];
      for (const [i, url] of prospects.entries()) {
        const ev = await engine.evidence(query, url, 1);
        if (ev === null) {
          return nativeError(
            c,
            404,
            'not_found',
            `No referring page ${url} in the index.`,
            `prospects.${i}`,
          );
        }
        const indexed = new Set(
          ev.competitors.flatMap((x, t) => (x.total > 0 ? [query.targets[t]?.key ?? ''] : [])),
        );
        pages.push({ url, indexed });
      }
      const checks = await checker.check(pages, query.targets);
      const info = engine.info();
      const body: VerifyResponse = {
        generation: info.generation,
        builtAt: info.builtAt,
        checks,
        tookMs: elapsed(started),
      };
      return c.json(body);
    }),
  );

  app.get(`${NATIVE_PREFIX}/export`, (c) => {
    const params = new URL(c.req.url).searchParams;
    const format = params.get('format') ?? 'csv';
    const parsed = parseExportRequest(decodeExploreParams(params));
    return exportOf(c, format, parsed);
  });
  app.post(`${NATIVE_PREFIX}/export`, limit, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return nativeError(c, 400, 'invalid_request', body.message);
    const raw = body.value;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return exportOf(c, 'csv', parseExportRequest(raw));
    }
    const { format = 'csv', ...rest } = raw as Record<string, unknown>;
    return exportOf(c, format, parseExportRequest(rest));
  });

  const exportOf = async (
    c: Context,
    format: unknown,
    parsed: ReturnType<typeof parseExportRequest>,
  ): Promise<Response> => {
    if (format !== 'csv' && format !== 'json') {
      return nativeError(c, 400, 'invalid_request', "format: must be 'csv' or 'json'", 'format');
    }
    if (!parsed.ok) return nativeError(c, 400, 'invalid_request', parsed.message, parsed.field);
    const outgoing = (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
    return exportResponse(engine, parsed.value, format, {
      logger: opts.logger,
      ...(outgoing === undefined ? {} : { abortConnection: () => outgoing.destroy() }),
    });
  };

  const routes: Record<string, string> = {
    index: 'GET',
    prospects: 'POST',
    overlap: 'POST',
    evidence: 'POST',
    verify: 'POST',
    export: 'GET, POST',
  };
  for (const [name, allow] of Object.entries(routes)) {
    app.all(`${NATIVE_PREFIX}/${name}`, (c) => {
      c.header('Allow', allow);
      return nativeError(c, 405, 'method_not_allowed', `Use ${allow} for ${c.req.path}.`);
    });
  }
  app.all(`${NATIVE_PREFIX}/*`, (c) =>
    nativeError(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}.`),
  );

  async function withBody<T>(
    c: Context,
    parse: (body: unknown) => Result<T>,
    answer: (value: T) => Promise<Response>,
  ): Promise<Response> {
    const body = await readJson(c);
    if (!body.ok) return nativeError(c, 400, 'invalid_request', body.message);
    const parsed = parse(body.value);
    if (!parsed.ok) return nativeError(c, 400, 'invalid_request', parsed.message, parsed.field);
    try {
      return await answer(parsed.value);
    } catch (error) {
      if (error instanceof QueryTimeoutError) {
        opts.logger.warn('native api: query timed out', {
          path: c.req.path,
          budget_ms: error.budgetMs,
        });
        return nativeError(c, 503, 'timeout', `${error.message}: narrow the question and retry.`);
      }
      opts.logger.error('native api: engine query failed', {
        path: c.req.path,
        error: errorText(error),
      });
      return nativeError(c, 500, 'internal', 'Internal error; try again later.');
    }
  }
}

async function readJson(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: false, message: 'The request body is empty: send JSON.' };
  const json = parseBoundedJson(text);
  return json.ok ? json : { ok: false, message: `The request body is ${json.message}.` };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
