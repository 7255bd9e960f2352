/**
 * Request ids, the access log (query shape, credential names, never secrets) and `/metrics` in
 * Prometheus text format.
 */
import { describe, expect, it } from 'vitest';
import { AUTH, authConfig, PAGE, TASK } from '../../test/helpers/api-fixtures.js';
import { createFakeEngine } from '../../test/helpers/fake-engine.js';
import { basicAuth } from '../../test/helpers/http-app.js';
import { createApp } from './app.js';
import { createJsonLogger } from './logger.js';

function app(logs: string[] = []) {
  const a = createApp({
    engine: createFakeEngine(),
    auth: authConfig(),
    accessLog: true,
    logger: createJsonLogger((l) => logs.push(l)),
  });
  return (path: string, init: RequestInit = {}) =>
    a.fetch(
      new Request(`http://127.0.0.1${path}`, {
        ...init,
        headers: { host: '127.0.0.1', 'content-type': 'application/json', ...init.headers },
      }),
    );
}

describe('observability', () => {
  it('gives every answer a request id, keeping a tame one the client sent', async () => {
    const call = app();
    const made = (await call('/health')).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await call('/health', { headers: { 'X-Request-Id': 'job-42.a' } });
    expect(kept.headers.get('x-request-id')).toBe('job-42.a');
    const wild = await call('/health', { headers: { 'X-Request-Id': 'a b\u00e9/../x' } });
    expect(wild.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await call(PAGE, { method: 'POST', body: '[]' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one line a request with its id, route, shape and credential name, never a secret', async () => {
    const logs: string[] = [];
    const call = app(logs);
    const body = JSON.stringify([{ ...TASK, exclude_targets: ['c.com'], limit: 7 }]);
    await call(PAGE, { method: 'POST', body, headers: { ...AUTH, 'X-Request-Id': 'r1' } });
    await call(PAGE, { method: 'POST', body, headers: { Authorization: 'Bearer tok-abc' } });
    await call(PAGE, {
      method: 'POST',
      body,
      headers: { Authorization: basicAuth('alice', 'wrong') },
    });
    await call('/v2/link_intersect', {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ positive_targets: [{ target: 'a.com', scope: 'root_domain' }] }),
    });
    const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      msg: 'request',
      request_id: 'r1',
      route: PAGE,
      status: 200,
      key: 'alice',
      query: [{ targets: 2, excludes: 1, limit: 7, filters: false }],
    });
    expect(lines[1]).toMatchObject({ key: 'ci', status: 200 });
    expect(lines[2]).toMatchObject({ status: 401 });
    expect(lines[3]).toMatchObject({ route: '/v2/link_intersect', query: { positive: 1 } });
    const all = logs.join('\n');
    for (const secret of ['s3cret', 'tok-abc', 'wrong', AUTH.Authorization.slice(6)]) {
      expect(all).not.toContain(secret);
    }
  });

  it('serves /metrics in Prometheus text format, behind the credentials', async () => {
    const call = app();
    expect((await call('/metrics')).status).toBe(401);
    await call(PAGE, { method: 'POST', body: JSON.stringify([TASK]), headers: AUTH });
    await call('/no/such/path');
    const res = await call('/metrics', { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      `linkgap_http_requests_total{route="${PAGE}",method="POST",status="200"} 1`,
    );
    expect(text).toMatch(/linkgap_http_request_duration_seconds_bucket\{le="0\.001",route=/);
    expect(text).toMatch(/linkgap_index_generation_info\{generation="[^"]+"\} 1/);
    expect(text).toMatch(/linkgap_index_items\{kind="links"\} \d+/);
    expect(text).toMatch(/linkgap_process_resident_memory_bytes \d+/);
    // Unknown paths are one series, not one per path.
    expect(text).not.toContain('/no/such/path');
  });
});
