import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH, authConfig } from '../../../test/helpers/api-fixtures.js';
import { createFakeEngine, type FakeEngine } from '../../../test/helpers/fake-engine.js';
import { basicAuth, type ServedApp, serveApp } from '../../../test/helpers/http-app.js';
import { createApp } from '../app.js';
import { createTokenCodec } from './next-token.js';

const PATH = '/v2/link_intersect';
const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const TOKEN = { 'x-moz-token': 'tok-abc' };
const BODY = {
  positive_targets: [
    { target: 'latimes.com', scope: 'root_domain' },
    { target: 'blog.nytimes.com', scope: 'subdomain' },
  ],
  negative_targets: [{ target: 'moz.com', scope: 'root_domain' }],
};

interface MozBody {
  results: Array<{ page: string; matching_target_indexes: number[] }>;
  next_token: string;
}

describe('POST /v2/link_intersect', () => {
  let engine: FakeEngine;
  let api: ServedApp;
  let now = T0;

  beforeEach(async () => {
    engine = createFakeEngine();
    now = T0;
    api = await serveApp(
      createApp({
        engine,
        auth: authConfig(),
        rateLimit: 50,
        bodyLimitBytes: 2048,
        mozTokens: createTokenCodec('test-secret-0123456789', 600),
        now: () => now,
      }),
    );
  });
  afterEach(() => api.close());

  it('answers Moz-shaped results to x-moz-token, Basic and Bearer', async () => {
    for (const headers of [TOKEN, AUTH, { Authorization: 'Bearer tok-abc' }]) {
      const r = await api.post(PATH, BODY, headers);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.json).toEqual({
        results: [0, 1, 2].map((i) => ({
          page: `src${i}.example.org/`,
          title: `Source ${i}`,
          domain_authority: 50,
          spam_score: -1,
          matching_target_indexes: [0, 1],
        })),
        next_token: '',
      });
    }
  });

  it('passes every field to the engine', async () => {
    await api.post(
      PATH,
      {
        ...BODY,
        min_matching_targets: 2,
        source_scope: 'root_domain',
        sort: 'source_domain_authority',
        limit: 7,
      },
      TOKEN,
    );
    const q = engine.mozQueries[0];
    expect(q?.minMatching).toBe(2);
    expect(q?.sort).toBe('source_domain_authority');
    expect(q?.limit).toBe(7);
    expect(q?.offset).toBe(0);
    expect(q?.positives).toBe(2);
    expect(q?.query.source).toBe('domain');
    expect(q?.query.targets.map((t) => [t.kind, t.value, t.includeSubdomains])).toEqual([
      ['domain', 'latimes.com', true],
      ['host', 'blog.nytimes.com', false],
    ]);
    expect(q?.query.excludes.map((t) => [t.kind, t.value])).toEqual([['domain', 'moz.com']]);
    for (const sort of ['matching_target_count', 'source_spam_score']) {
      await api.post(PATH, { ...BODY, sort }, TOKEN);
      expect(engine.mozQueries.at(-1)?.sort).toBe(sort);
    }
    await api.post(PATH, { ...BODY, source_scope: 'page' }, TOKEN);
    expect(engine.mozQueries.at(-1)?.query.source).toBe('page');
  });

  it('walks all pages with next_token, then refuses expired, tampered and foreign tokens', async () => {
    engine.mozTotal = 5;
    const seen: string[] = [];
    let token = '';
    let calls = 0;
    do {
      const r = await api.post(PATH, { ...BODY, limit: 2, next_token: token }, TOKEN);
      expect(r.status).toBe(200);
      const b = r.json as MozBody;
      seen.push(...b.results.map((x) => x.page));
      token = b.next_token;
      calls++;
    } while (token !== '' && calls < 10);
    expect(calls).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `src${i}.example.org/`));

    const first = (await api.post(PATH, { ...BODY, limit: 2 }, TOKEN)).json as MozBody;
    const t = first.next_token;
    expect(t).not.toBe('');
    const tampered = `${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await api.post(PATH, { ...BODY, next_token: tampered }, TOKEN);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ name: 'InvalidArgument' });
    expect((bad.json as { message: string }).message).toContain('next_token');
    const other = await api.post(
      PATH,
      { ...BODY, sort: 'source_spam_score', next_token: t },
      TOKEN,
    );
    expect(other.status).toBe(400);
    expect((other.json as { message: string }).message).toContain('another query');
    now = T0 + 600_000;
    const expired = await api.post(PATH, { ...BODY, next_token: t }, TOKEN);
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({ name: 'TokenExpired' });
  });

  it.each([
    [{}, 'positive_targets'],
    [{ ...BODY, limit: 51 }, 'limit'],
    [{ ...BODY, sort: 'page_authority' }, 'sort'],
    [{ ...BODY, source_scope: 'subdomain' }, 'source_scope'],
    [{ ...BODY, min_matching_targets: 3 }, 'min_matching_targets'],
    [{ positive_targets: [{ target: 'a.com', scope: 'domain' }] }, 'positive_targets[0].scope'],
    [{ positive_targets: [{ target: 'a b', scope: 'page' }] }, 'positive_targets[0].target'],
  ])('answers 400 {name, message} for %j naming %s', async (body, field) => {
    const r = await api.post(PATH, body, TOKEN);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ name: 'InvalidArgument' });
    expect((r.json as { message: string }).message).toContain(`'${field}'`);
    expect(engine.mozQueries).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const r = await api.post(PATH, '{"positive_targets": [', TOKEN);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      name: 'InvalidArgument',
      message: 'The request body is not valid JSON',
    });
  });

  it('answers 401 without or with wrong credentials', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { 'x-moz-token': 'nope' },
      { 'x-moz-token': '' },
      { Authorization: basicAuth('alice', 'wrong') },
      { Authorization: 'Digest abc' },
    ];
    for (const headers of cases) {
      const r = await api.post(PATH, BODY, headers);
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ name: 'Unauthorized' });
      expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    expect(engine.mozQueries).toHaveLength(0);
  });

  it('answers 413 over the body limit, 405 to other methods, 500 as {name, message}', async () => {
    const big = await api.post(PATH, { ...BODY, pad: 'x'.repeat(4000) }, TOKEN);
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ name: 'PayloadTooLarge' });
    const get = await api.request(PATH, { headers: TOKEN });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.json).toMatchObject({ name: 'MethodNotAllowed' });
    engine.failNext = new Error('boom');
    const failed = await api.post(PATH, BODY, TOKEN);
    expect(failed.status).toBe(500);
    expect(failed.json).toEqual({
      name: 'InternalError',
      message: 'Internal error; try again later',
    });
  });
});

describe('POST /v2/link_intersect limits and modes', () => {
  it('answers 429 with Retry-After once over the rate limit', async () => {
    const api = await serveApp(
      createApp({ engine: createFakeEngine(), auth: authConfig(), rateLimit: 1 }),
    );
    try {
      expect((await api.post(PATH, BODY, TOKEN)).status).toBe(200);
      const r = await api.post(PATH, BODY, TOKEN);
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('60');
      expect(r.json).toMatchObject({ name: 'TooManyRequests' });
    } finally {
      await api.close();
    }
  });

  it('serves without credentials when auth is off', async () => {
    const api = await serveApp(createApp({ engine: createFakeEngine(), auth: null }));
    try {
      expect((await api.post(PATH, BODY)).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
