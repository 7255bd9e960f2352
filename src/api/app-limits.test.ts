import { describe, expect, it } from 'vitest';
import { AUTH, authConfig, type Envelope, PAGE, TASK } from '../../test/helpers/api-fixtures.js';
import { createFakeEngine } from '../../test/helpers/fake-engine.js';
import { serveApp } from '../../test/helpers/http-app.js';
import { createApp } from './app.js';

describe('createApp limits and modes', () => {
  it('answers 40202 once a credential is over its rate limit, per credential', async () => {
    const api = await serveApp(
      createApp({ engine: createFakeEngine(), auth: authConfig(), rateLimit: 2 }),
    );
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push(((await api.post(PAGE, [TASK], AUTH)).json as Envelope).status_code);
      expect(codes).toEqual([20000, 20000, 40202]);
      const limited = await api.post(PAGE, [TASK], AUTH);
      expect(limited.status).toBe(200);
      expect(limited.json).toMatchObject({
        status_code: 40202,
        status_message: 'The rate-limit per minute has been exceeded.',
        tasks: [],
      });
      const other = await api.post(PAGE, [TASK], { Authorization: 'Bearer tok-abc' });
      expect((other.json as Envelope).status_code).toBe(20000);
    } finally {
      await api.close();
    }
  });

  it('answers 413 with a 40503 JSON body over the body limit', async () => {
    const api = await serveApp(
      createApp({ engine: createFakeEngine(), auth: authConfig(), bodyLimitBytes: 1024 }),
    );
    try {
      const big = JSON.stringify([{ ...TASK, tag: 'x'.repeat(2000) }]);
      const r = await api.post(PAGE, big, AUTH);
      expect(r.status).toBe(413);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.json).toMatchObject({ status_code: 40503, tasks: [] });
      // Without Content-Length (chunked), the limit applies while reading.
      const chunks = [big.slice(0, 600), big.slice(600)];
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      });
      const chunked = await api.request(PAGE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...AUTH },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(chunked.json).toMatchObject({ status_code: 40503, tasks: [] });
      const small = await api.post(PAGE, [TASK], AUTH);
      expect((small.json as Envelope).status_code).toBe(20000);
    } finally {
      await api.close();
    }
  });

  it('serves without credentials when auth is null', async () => {
    const api = await serveApp(createApp({ engine: createFakeEngine(), auth: null }));
    try {
      const r = await api.post(PAGE, [TASK]);
      expect(r.status).toBe(200);
      expect((r.json as Envelope).tasks[0]?.cost).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('answers 500 with a 50000 envelope and no stack when a route throws', async () => {
    const engine = createFakeEngine();
    engine.info = () => {
      throw new Error('index gone');
    };
    const errors: string[] = [];
    const api = await serveApp(
      createApp({
        engine,
        auth: null,
        logger: {
          info: () => {},
          warn: () => {},
          error: (m, f) => errors.push(`${m} ${JSON.stringify(f)}`),
        },
      }),
    );
    try {
      const r = await api.request('/health');
      expect(r.status).toBe(500);
      expect(r.json).toMatchObject({
        status_code: 50000,
        status_message: 'Internal Error.',
        tasks: [],
      });
      expect(r.text).not.toMatch(/index gone|at .*\.ts/);
      expect(errors.join()).toContain('index gone');
    } finally {
      await api.close();
    }
  });
});
