import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, authConfig } from '../../../test/helpers/api-fixtures.js';
import { createFakeEngine, type FakeEngine } from '../../../test/helpers/fake-engine.js';
import { type ServedApp, serveApp } from '../../../test/helpers/http-app.js';
import { type LiveChecker, pageCheck } from '../../crawl/index.js';
import { createApp } from '../app.js';
import { createJsonLogger } from '../logger.js';

const QUERY = { competitors: [{ value: 'a.com' }, { value: 'https://b.com/page' }] };

describe('native API /api/v1', () => {
  let api: ServedApp | undefined;
  let engine: FakeEngine;
  const logs: string[] = [];
  const open = async (
    opts: { auth?: boolean; rateLimit?: number; bodyLimitBytes?: number } = {},
  ) => {
    engine = createFakeEngine();
    api = await serveApp(
      createApp({
        engine,
        auth: opts.auth === false ? null : authConfig(),
        rateLimit: opts.rateLimit,
        bodyLimitBytes: opts.bodyLimitBytes,
        logger: createJsonLogger((line) => logs.push(line)),
      }),
    );
    return api;
  };
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('answers a window of prospects with the generation, the targets and the time taken', async () => {
    const a = await open();
    const r = await a.post('/api/v1/prospects', { query: QUERY, offset: 1, limit: 5 }, AUTH);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      generation: 'g-test-1',
      builtAt: '2026-11-23T10:00:00.000Z',
      mode: 'domains',
      competitors: ['domain a.com', 'page https://b.com/page'],
      total: 3,
      offset: 1,
      items: [{ prospect: 'https://p1.example.org/', linked: [true, true] }, {}],
    });
    expect(typeof (r.json as { tookMs: number }).tookMs).toBe('number');
    expect(engine.queries[0]).toMatchObject({ offset: 1, limit: 5, source: 'domain' });
  });

  it('answers overlap, evidence and the index facts', async () => {
    const a = await open();
    const o = await a.post('/api/v1/overlap', { query: QUERY }, AUTH);
    expect(o.json).toMatchObject({
      byCount: [0, 3],
      perCompetitor: [3, 3],
      generation: 'g-test-1',
    });
    const e = await a.post(
      '/api/v1/evidence',
      { query: QUERY, prospect: 'https://p0.example.org/' },
      AUTH,
    );
    expect(e.status).toBe(200);
    expect(e.json).toMatchObject({
      prospect: 'https://p0.example.org/',
      competitors: [{ total: 1 }, {}],
    });
    const missing = await a.post(
      '/api/v1/evidence',
      { query: QUERY, prospect: 'nowhere.net' },
      AUTH,
    );
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: {
        code: 'not_found',
        message: 'No referring domain nowhere.net in the index.',
        field: 'prospect',
      },
    });
    const i = await a.request('/api/v1/index', { headers: AUTH });
    expect(i.json).toMatchObject({
      generation: 'g-test-1',
      captures: 150,
      topTargets: [{ domain: 'example.com' }],
    });
  });

  it('streams the complete export as CSV and as JSON, from URL parameters or a JSON body', async () => {
    const a = await open();
    engine.prospectTotal = 2500;
    const csv = await a.request('/api/v1/export?format=csv&c=a.com&c=b.com&mode=pages', {
      headers: AUTH,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="linkgap-pages.csv"');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'prospect,title,domain_rank,page_rank,spam_score,matches,backlinks,first_seen,last_seen,links_to_1,links_to_2',
    );
    expect(lines).toHaveLength(2501);
    expect(lines[1]).toBe(
      'https://p0.example.org/,Prospect 0,40,30,,2,2,2021-05-02 10:11:12 +00:00,2023-03-14 09:13:44 +00:00,true,true',
    );
    expect(engine.queries.at(-1)).toMatchObject({ source: 'page' });
    const json = await a.post('/api/v1/export', { format: 'json', query: QUERY }, AUTH);
    expect(json.headers.get('content-type')).toBe('application/json');
    const doc = json.json as {
      mode: string;
      competitors: string[];
      items: unknown[];
      total: number;
    };
    expect(doc.mode).toBe('domains');
    expect(doc.competitors).toEqual(['domain a.com', 'page https://b.com/page']);
    expect(doc.total).toBe(2500);
    expect(doc.items).toHaveLength(2500);
    engine.prospectTotal = 0;
    const empty = await a.request('/api/v1/export?format=json&c=a.com', { headers: AUTH });
    expect(empty.json).toMatchObject({ items: [], total: 0 });
  });

  it('answers a failed export plan with a JSON 500, and cuts the connection on a later failure', async () => {
    const a = await open();
    engine.failNext = new Error('plan failed');
    const early = await a.request('/api/v1/export?c=a.com', { headers: AUTH });
    expect(early.status).toBe(500);
    expect(early.json).toEqual({
      error: { code: 'internal', message: 'Internal error; try again later.' },
    });
    engine.prospectTotal = 5000;
    engine.failExportAfter = 2000;
    // The transfer never completes (the headers may not even arrive): no short file that looks whole.
    const outcome = await fetch(`${a.url}/api/v1/export?c=a.com`, { headers: AUTH })
      .then((r) => r.text())
      .then(
        () => 'complete',
        () => 'failed',
      );
    expect(outcome).toBe('failed');
    expect(logs.some((l) => l.includes('export failed mid-stream'))).toBe(true);
    engine.failExportAfter = null;
    expect(
      (await a.request('/api/v1/export?c=a.com', { headers: AUTH })).text.split('\r\n'),
    ).toHaveLength(5002);
  });

  it('verifies indexed prospect pages live through the checker, and only those', async () => {
    const seen: Array<{ urls: string[]; indexed: string[][] }> = [];
    const checker: LiveChecker = {
      async check(pages, targets) {
        seen.push({ urls: pages.map((p) => p.url), indexed: pages.map((p) => [...p.indexed]) });
        return pages.map((p) =>
          pageCheck(p.url, targets, p.indexed, null, {
            url: p.url,
            state: 'failed',
            status: null,
            fetchedAt: null,
            etag: null,
            lastModified: null,
            payloadDigest: null,
            error: 'timeout: no answer',
          }),
        );
      },
      close: async () => undefined,
    };
    engine = createFakeEngine();
    api = await serveApp(
      createApp({
        engine,
        auth: authConfig(),
        liveChecker: checker,
        logger: createJsonLogger(() => undefined),
      }),
    );
    const pages = { ...QUERY, mode: 'pages' };
    const ok = await api.post(
      '/api/v1/verify',
      { query: pages, prospects: ['https://p0.example.org/'] },
      AUTH,
    );
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      generation: 'g-test-1',
      checks: [
        { url: 'https://p0.example.org/', page: 'unreachable', error: 'timeout: no answer' },
      ],
    });
    expect(seen).toEqual([{ urls: ['https://p0.example.org/'], indexed: [['1', '2']] }]);
    const unknown = await api.post(
      '/api/v1/verify',
      { query: pages, prospects: ['https://p0.example.org/', 'http://10.0.0.1/admin'] },
      AUTH,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'not_found', field: 'prospects.1' } });
    expect(seen).toHaveLength(1);
    const domains = await api.post(
      '/api/v1/verify',
      { query: QUERY, prospects: ['example.org'] },
      AUTH,
    );
    expect(domains.status).toBe(400);
    expect(domains.json).toMatchObject({ error: { field: 'query.mode' } });
    const many = await api.post(
      '/api/v1/verify',
      { query: pages, prospects: Array(51).fill('https://p0.example.org/') },
      AUTH,
    );
    expect(many.json).toMatchObject({ error: { field: 'prospects' } });
  });

  it('answers 501 for verify on a server without live checks', async () => {
    const a = await open();
    const r = await a.post(
      '/api/v1/verify',
      { query: { ...QUERY, mode: 'pages' }, prospects: ['https://p0.example.org/'] },
      AUTH,
    );
    expect(r.status).toBe(501);
    expect(r.json).toMatchObject({ error: { code: 'not_implemented' } });
  });

  it('refuses bad requests in words, naming the field', async () => {
    const a = await open();
    const cases: Array<[string, unknown, string, string | undefined]> = [
      ['/api/v1/prospects', '{not json', 'The request body is not valid JSON.', undefined],
      ['/api/v1/prospects', '', 'The request body is empty: send JSON.', undefined],
      [
        '/api/v1/prospects',
        { query: { competitors: [] } },
        'query.competitors: give at least one competitor',
        'query.competitors',
      ],
      [
        '/api/v1/overlap',
        { query: { competitors: [{ value: 'bad host!' }] } },
        undefined as unknown as string,
        'query.competitors.0.value',
      ],
      ['/api/v1/evidence', { query: QUERY }, undefined as unknown as string, 'prospect'],
    ];
    for (const [path, body, message, field] of cases) {
      const r = await a.post(path, body, AUTH);
      expect(r.status, path).toBe(400);
      const err = (r.json as { error: { code: string; message: string; field?: string } }).error;
      expect(err.code).toBe('invalid_request');
      if (message !== undefined) expect(err.message).toBe(message);
      expect(err.field).toBe(field);
    }
    const numeric = await a.post('/api/v1/export', { format: 1, query: QUERY }, AUTH);
    expect(numeric.json).toMatchObject({ error: { field: 'format' } });
    const fmt = await a.request('/api/v1/export?format=xlsx&c=a.com', { headers: AUTH });
    expect(fmt.status).toBe(400);
    expect(fmt.json).toMatchObject({ error: { field: 'format' } });
    const noTargets = await a.request('/api/v1/export', { headers: AUTH });
    expect(noTargets.json).toMatchObject({ error: { field: 'query.competitors' } });
  });

  it('asks for credentials (Basic or Bearer), with a challenge browsers answer', async () => {
    const a = await open();
    const r = await a.request('/api/v1/index');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('Basic');
    expect(r.json).toEqual({
      error: { code: 'unauthorized', message: 'Missing or invalid credentials.' },
    });
    expect(
      (await a.request('/api/v1/index', { headers: { Authorization: 'Bearer tok-abc' } })).status,
    ).toBe(200);
    expect((await a.request('/api/v1/export?c=a.com')).status).toBe(401);
  });

  it('serves without credentials under --no-auth', async () => {
    const a = await open({ auth: false });
    expect((await a.request('/api/v1/index')).status).toBe(200);
  });

  it('answers 429 with Retry-After past the rate limit, 413 past the body limit', async () => {
    const a = await open({ rateLimit: 2, bodyLimitBytes: 512 });
    const big = await a.post('/api/v1/prospects', { query: QUERY, pad: 'x'.repeat(1000) }, AUTH);
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: 'too_large' } });
    await a.request('/api/v1/index', { headers: AUTH });
    const limited = await a.request('/api/v1/index', { headers: AUTH });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.json).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('answers 405 and 404 in its own envelope', async () => {
    const a = await open();
    const wrong = await a.request('/api/v1/prospects', { headers: AUTH });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(wrong.json).toMatchObject({ error: { code: 'method_not_allowed' } });
    const put = await a.request('/api/v1/export', { method: 'PUT', headers: AUTH });
    expect(put.headers.get('allow')).toBe('GET, POST');
    const none = await a.request('/api/v1/nothing', { headers: AUTH });
    expect(none.status).toBe(404);
    expect(none.json).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 500 in words when the engine fails, logs it, and keeps serving', async () => {
    const a = await open();
    engine.failNext = new Error('disk on fire');
    const r = await a.post('/api/v1/prospects', { query: QUERY }, AUTH);
    expect(r.status).toBe(500);
    expect(r.json).toEqual({
      error: { code: 'internal', message: 'Internal error; try again later.' },
    });
    expect(r.text).not.toContain('disk on fire');
    expect(logs.some((l) => l.includes('disk on fire'))).toBe(true);
    engine.failNext = new Error('index gone');
    const i = await a.request('/api/v1/index', { headers: AUTH });
    expect(i.status).toBe(500);
    expect(i.json).toMatchObject({ error: { code: 'internal' } });
    expect((await a.post('/api/v1/prospects', { query: QUERY }, AUTH)).status).toBe(200);
  });
});
