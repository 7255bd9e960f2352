import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, authConfig } from '../../test/helpers/api-fixtures.js';
import { createFakeEngine } from '../../test/helpers/fake-engine.js';
import { type ServedApp, serveApp } from '../../test/helpers/http-app.js';
import { createApp } from './app.js';

describe('the web UI at /', () => {
  let dir = '';
  let withAuth: ServedApp;
  let open: ServedApp;
  let unbuilt: ServedApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-webui-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index-AbC123.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'no');
    withAuth = await serveApp(
      createApp({ engine: createFakeEngine(), auth: authConfig(), webRoot: dir }),
    );
    open = await serveApp(createApp({ engine: createFakeEngine(), auth: null, webRoot: dir }));
    unbuilt = await serveApp(createApp({ engine: createFakeEngine(), auth: null, webRoot: null }));
  });
  afterAll(async () => {
    await Promise.all([withAuth.close(), open.close(), unbuilt.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html and hashed assets with security headers', async () => {
    const page = await open.request('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>explorer</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const js = await open.request('/assets/index-AbC123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await open.request('/assets/index-AbC123.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('serves nothing outside assets/ and no unknown file types', async () => {
    for (const path of [
      '/assets/..%2Fsecret.txt',
      '/assets/%2e%2e%2findex.html',
      '/assets/missing.js',
      '/assets/.hidden.js',
      '/assets/index-AbC123.exe',
    ]) {
      expect((await open.request(path)).status, path).toBe(404);
    }
    expect((await open.request('/secret.txt')).status).toBe(404);
  });

  it('asks the browser for credentials when the server has them', async () => {
    const r = await withAuth.request('/');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('Basic');
    expect(r.text).not.toContain('explorer');
    expect((await withAuth.request('/assets/index-AbC123.js')).status).toBe(401);
    expect((await withAuth.request('/', { headers: AUTH })).status).toBe(200);
  });

  it('says how to build the UI when it is not built', async () => {
    const r = await unbuilt.request('/');
    expect(r.status).toBe(503);
    expect(r.text).toContain('npm run build');
  });
});

describe('the explorer against DNS rebinding and cross-origin calls', () => {
  it('refuses other Host names and foreign Origins on /, /assets and /api/v1, not loopback', async () => {
    const { request } = await import('node:http');
    const app = createApp({
      engine: createFakeEngine(),
      auth: null,
      allowedHosts: ['links.example.org'],
    });
    const served = await serveApp(app);
    const call = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${served.url}${path}`, { headers }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d: string) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      for (const path of ['/', '/assets/x.js', '/api/v1/index']) {
        expect((await call(path, { Host: 'evil.example.com' })).status, path).toBe(403);
        expect(
          (await call(path, { Host: '127.0.0.1:8080', Origin: 'http://evil.example.com' })).status,
          path,
        ).toBe(403);
      }
      const api = await call('/api/v1/index', { Host: 'evil.example.com:8080' });
      expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'forbidden' } });
      expect((await call('/api/v1/index', { Host: 'localhost:8080' })).status).toBe(200);
      expect((await call('/api/v1/index', { Host: 'links.example.org' })).status).toBe(200);
      expect(
        (await call('/api/v1/index', { Host: '127.0.0.1:1', Origin: 'http://127.0.0.1:1' })).status,
      ).toBe(200);
      // The DataForSEO routes are for servers, not browsers: not checked.
      expect((await call('/health', { Host: 'evil.example.com' })).status).toBe(200);
    } finally {
      await served.close();
    }
  });
});
