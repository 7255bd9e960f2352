import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTH,
  authConfig,
  DOMAIN,
  type Envelope,
  PAGE,
  TASK,
} from '../../test/helpers/api-fixtures.js';
import { createFakeEngine, type FakeEngine } from '../../test/helpers/fake-engine.js';
import { basicAuth, type ServedApp, serveApp } from '../../test/helpers/http-app.js';
import { createApp } from './app.js';
import { UNAUTHORIZED_BODY } from './dataforseo/status.js';
import type { Logger } from './logger.js';

describe('createApp over HTTP', () => {
  let engine: FakeEngine;
  let api: ServedApp;
  const logged: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: () => {},
    error: (msg, fields) => logged.push(`${msg} ${JSON.stringify(fields)}`),
  };

  beforeAll(async () => {
    engine = createFakeEngine();
    api = await serveApp(
      createApp({
        engine,
        auth: authConfig(),
        pricing: { base: 0.02, perItem: 0.00003 },
        logger,
        version: '0.1.20261123',
      }),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  describe('public routes', () => {
    it('GET /health reports the served generation without auth', async () => {
      const r = await api.request('/health');
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        status: 'ok',
        generation: 'g-test-1',
        builtAt: '2026-11-23T10:00:00.000Z',
        counts: { links: 1234, pages: 100, domains: 10 },
      });
    });

    it('GET /openapi.json is OpenAPI 3.1 with every route, its limits, and resolvable refs', async () => {
      const r = await api.request('/openapi.json');
      expect(r.status).toBe(200);
      const doc = r.json as {
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
        components: {
          schemas: Record<string, { properties: Record<string, Record<string, unknown>> }>;
        };
      };
      expect(doc.openapi).toBe('3.1.0');
      for (const p of [PAGE, `${PAGE}.ai`, DOMAIN, `${DOMAIN}.ai`])
        expect(doc.paths[p]?.post).toBeDefined();
      const page = doc.components.schemas.PageIntersectionTask?.properties ?? {};
      expect(page.targets?.maxProperties).toBe(20);
      expect(page.exclude_targets?.maxItems).toBe(10);
      expect(page.order_by?.maxItems).toBe(3);
      expect(page.limit?.maximum).toBe(1000);
      expect(page.internal_list_limit?.maximum).toBe(1000);
      expect(page.tag?.maxLength).toBe(255);
      expect(page.backlinks_filters).toBeUndefined();
      expect(
        doc.components.schemas.DomainIntersectionTask?.properties.backlinks_filters,
      ).toBeDefined();
      const refs = [...r.text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
        (m) => m[1],
      );
      expect(refs.length).toBeGreaterThan(4);
      for (const ref of refs) expect(doc.components.schemas[ref ?? '']).toBeDefined();
    });

    it('GET /docs is a self-contained HTML page with curl examples', async () => {
      const r = await api.request('/docs');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.text).toContain('curl');
      expect(r.text).toContain(PAGE);
      expect(r.text).toContain('/v2/link_intersect');
      expect(r.text).toContain('x-moz-token');
      expect(r.text).not.toMatch(/<script|<link|src=|url\(/i);
    });
  });

  describe('auth', () => {
    it.each([
      ['no header', {}],
      ['a wrong password', { Authorization: basicAuth('alice', 'nope') }],
      ['an unknown login', { Authorization: basicAuth('mallory', 's3cret') }],
      ['a wrong bearer token', { Authorization: 'Bearer tok-xyz' }],
      ['another scheme', { Authorization: 'Digest x' }],
    ])('answers 401 with the live DataForSEO body for %s', async (_, headers) => {
      for (const path of [PAGE, DOMAIN, `${PAGE}.ai`]) {
        const r = await api.post(path, [TASK], headers);
        expect(r.status).toBe(401);
        expect(r.headers.get('content-type')).toBe('application/json');
        expect(r.text).toBe(UNAUTHORIZED_BODY);
      }
    });

    it('accepts Basic and Bearer credentials', async () => {
      expect((await api.post(PAGE, [TASK], AUTH)).status).toBe(200);
      const bearer = await api.post(PAGE, [TASK], { Authorization: 'Bearer tok-abc' });
      expect(bearer.status).toBe(200);
      expect((bearer.json as Envelope).status_code).toBe(20000);
    });

    it('never logs a secret', () => {
      expect(logged.join('\n')).not.toMatch(/s3cret|tok-abc/);
    });
  });

  describe('page_intersection', () => {
    it('answers the envelope and task in DataForSEO shape', async () => {
      const before = engine.queries.length;
      const r = await api.post(PAGE, [{ ...TASK, limit: 5 }], AUTH);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/json');
      const env = r.json as Envelope;
      expect(Object.keys(env)).toEqual([
        'version',
        'status_code',
        'status_message',
        'time',
        'cost',
        'tasks_count',
        'tasks_error',
        'tasks',
      ]);
      expect(env).toMatchObject({
        version: '0.1.20261123',
        status_code: 20000,
        status_message: 'Ok.',
        tasks_count: 1,
        tasks_error: 0,
      });
      expect(env.time).toMatch(/^\d+\.\d{4} sec\.$/);
      const task = env.tasks[0];
      expect(task?.id).toMatch(/^\d{8}-1535-0287-0000-[0-9a-f]{12}$/);
      expect(task?.path).toEqual(['v3', 'backlinks', 'page_intersection', 'live']);
      expect(task?.data).toEqual({
        api: 'backlinks',
        function: 'page_intersection',
        ...TASK,
        limit: 5,
      });
      expect(task?.result_count).toBe(1);
      expect(task?.result?.[0]?.items_count).toBe(1);
      // 0.02 + 1 item × 0.00003, and the envelope sums the tasks.
      expect(task?.cost).toBe(0.02003);
      expect(env.cost).toBe(0.02003);
      expect(engine.queries.length).toBe(before + 1);
      expect(engine.queries.at(-1)?.source).toBe('page');
    });

    it('escapes / as \\/ everywhere in the body', async () => {
      const r = await api.post(PAGE, [TASK], AUTH);
      expect(r.text).toContain('https:\\/\\/b.com\\/page');
      expect(r.text).not.toMatch(/[^\\]\//);
    });

    it('takes a single task object like a one-task array', async () => {
      const a = (await api.post(PAGE, TASK, AUTH)).json as Envelope;
      const b = (await api.post(PAGE, [TASK], AUTH)).json as Envelope;
      expect(a.tasks_count).toBe(1);
      expect(a.tasks[0]?.data).toEqual(b.tasks[0]?.data);
      expect(a.tasks[0]?.result).toEqual(b.tasks[0]?.result);
    });

    it('answers extra tasks 40000 at no cost and runs only the first', async () => {
      const before = engine.queries.length;
      const r = await api.post(PAGE, [TASK, { targets: { '1': 'c.com' } }, 'junk'], AUTH);
      const env = r.json as Envelope;
      expect(r.status).toBe(200);
      expect(env.status_code).toBe(20000);
      expect(env.tasks_count).toBe(3);
      expect(env.tasks_error).toBe(2);
      expect(env.tasks.map((t) => t.status_code)).toEqual([20000, 40000, 40000]);
      expect(env.tasks[1]?.status_message).toBe('You can set only one task at a time.');
      expect(env.tasks[1]?.cost).toBe(0);
      expect(env.tasks[1]?.result).toBeNull();
      expect(env.tasks[1]?.data).toMatchObject({ api: 'backlinks', targets: { '1': 'c.com' } });
      expect(env.cost).toBe(env.tasks[0]?.cost);
      expect(engine.queries.length).toBe(before + 1);
    });

    it('refuses more than 100 tasks at once with 40006, running none', async () => {
      const before = engine.queries.length;
      const ok = await api.post(
        PAGE,
        Array.from({ length: 100 }, () => TASK),
        AUTH,
      );
      expect((ok.json as Envelope).tasks_count).toBe(100);
      const r = await api.post(
        PAGE,
        Array.from({ length: 101 }, () => TASK),
        AUTH,
      );
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        status_code: 40006,
        status_message: 'You can set no more than 100 tasks at a time.',
        tasks: [],
      });
      expect(engine.queries.length).toBe(before + 1);
    });
  });

  describe('domain_intersection', () => {
    it('answers with a 0268 task id and domain items', async () => {
      const r = await api.post(
        DOMAIN,
        [{ ...TASK, backlinks_filters: [['dofollow', '=', true]] }],
        AUTH,
      );
      const env = r.json as Envelope;
      expect(env.status_code).toBe(20000);
      expect(env.tasks[0]?.status_code).toBe(20000);
      expect(env.tasks[0]?.id).toMatch(/^\d{8}-1535-0268-0000-[0-9a-f]{12}$/);
      expect(env.tasks[0]?.path).toEqual(['v3', 'backlinks', 'domain_intersection', 'live']);
      expect(env.tasks[0]?.result?.[0]?.items_count).toBe(2);
      expect(env.tasks[0]?.cost).toBe(0.02006);
      expect(engine.queries.at(-1)?.source).toBe('domain');
      expect(engine.queries.at(-1)?.linkFilters[0]).not.toBeNull();
    });
  });

  describe('request errors', () => {
    it.each([
      ['an empty body', ''],
      ['whitespace', '  \n'],
      ['an empty array', '[]'],
      ['null', 'null'],
    ])('answers 40502 for %s', async (_, body) => {
      const r = await api.post(PAGE, body, AUTH);
      expect(r.status).toBe(200);
      const env = r.json as Envelope;
      expect(env).toMatchObject({
        status_code: 40502,
        status_message: 'POST Data Is Empty.',
        cost: 0,
        tasks_count: 0,
        tasks_error: 0,
        tasks: [],
      });
      expect(env.version).toBe('0.1.20261123');
    });

    it.each([
      ['broken JSON', '[{"targets":'],
      ['plain text', 'targets=a.com'],
      ['a number', '5'],
      ['a string', '"a.com"'],
    ])('answers 40503 for %s', async (_, body) => {
      const r = await api.post(PAGE, body, AUTH);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        status_code: 40503,
        status_message: 'POST Data Is Invalid.',
        tasks: [],
      });
    });

    it('answers 404 with a 40400 envelope for unknown paths', async () => {
      for (const path of [
        '/nope',
        '/v3/backlinks/backlinks/live',
        '/v3/backlinks/page_intersection/live.xml',
      ]) {
        const r = await api.post(path, [TASK], AUTH);
        expect(r.status).toBe(404);
        expect(r.headers.get('content-type')).toBe('application/json');
        expect(r.json).toMatchObject({
          status_code: 40400,
          status_message: 'Not Found.',
          tasks: [],
        });
      }
      expect((await api.request('/no-such-page')).status).toBe(404);
    });

    it('answers 405 with a JSON body for the wrong method', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const r = await api.request(PAGE, { method, headers: AUTH });
        expect(r.status).toBe(405);
        expect(r.headers.get('allow')).toBe('POST');
        expect(r.json).toMatchObject({ status_code: 40400, tasks: [] });
      }
    });
  });

  describe('engine failures', () => {
    it('answers a task 50000 without leaking the error, and logs it', async () => {
      engine.failNext = new Error('disk on fire at /secret/path');
      const r = await api.post(PAGE, [TASK], AUTH);
      expect(r.status).toBe(200);
      const env = r.json as Envelope;
      expect(env.tasks[0]).toMatchObject({
        status_code: 50000,
        status_message: 'Internal Error.',
        cost: 0,
        result: null,
      });
      expect(env.tasks_error).toBe(1);
      expect(r.text).not.toContain('fire');
      expect(logged.some((l) => l.includes('disk on fire'))).toBe(true);
    });
  });
});
