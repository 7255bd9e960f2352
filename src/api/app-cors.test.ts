import { describe, expect, it } from 'vitest';
import { AUTH, authConfig, PAGE, TASK } from '../../test/helpers/api-fixtures.js';
import { createFakeEngine } from '../../test/helpers/fake-engine.js';
import { createApp } from './app.js';
import { parseServerConfig } from './server-config.js';

const SITE = 'https://dash.example.com';

function call(corsOrigins: string[] | undefined, init: RequestInit & { origin?: string }) {
  const app = createApp({ engine: createFakeEngine(), auth: authConfig(), corsOrigins });
  const headers: Record<string, string> = { host: '127.0.0.1', ...(init.headers as object) };
  if (init.origin !== undefined) headers.origin = init.origin;
  return app.fetch(new Request(`http://127.0.0.1${PAGE}`, { ...init, headers }));
}

const PREFLIGHT = {
  method: 'OPTIONS',
  headers: {
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization,content-type',
  },
};

describe('CORS', () => {
  it('is off by default: no CORS headers, a preflight gets none', async () => {
    const pre = await call(undefined, { ...PREFLIGHT, origin: SITE });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const post = await call(undefined, {
      method: 'POST',
      origin: SITE,
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify([TASK]),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the configured origins only, preflight first (before credentials)', async () => {
    const pre = await call([SITE], { ...PREFLIGHT, origin: SITE });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
    const post = await call([SITE], {
      method: 'POST',
      origin: SITE,
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify([TASK]),
    });
    expect(post.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(post.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const other = await call([SITE], { ...PREFLIGHT, origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads cors_origins from the config file and refuses what is not an origin', () => {
    expect(parseServerConfig(JSON.stringify({ cors_origins: [SITE] }))).toMatchObject({
      ok: true,
      value: { corsOrigins: [SITE] },
    });
    for (const bad of [['*'], ['dash.example.com'], 'https://x.com', [`${SITE}/path`]]) {
      expect(parseServerConfig(JSON.stringify({ cors_origins: bad })).ok).toBe(false);
    }
  });
});
