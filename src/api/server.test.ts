import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from './server.js';

describe('startHttpServer close (what serve does on SIGTERM)', () => {
  it('lets a request in flight finish, then refuses new connections', async () => {
    const app = new Hono();
    app.get('/slow', async (c) => {
      await new Promise((r) => setTimeout(r, 400));
      return c.text('done');
    });
    const server = await startHttpServer(app, '127.0.0.1', 0);
    const inFlight = fetch(`${server.url}/slow`).then(async (r) => [r.status, await r.text()]);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(await inFlight).toEqual([200, 'done']);
    await expect(fetch(`${server.url}/slow`)).rejects.toThrow();
  });
});
