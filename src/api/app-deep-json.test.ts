/**
 * Regression (found by the fuzz suites): a value nested 100,000 deep inside a request field used
 * to overflow the stack where it was printed or echoed. Every front now refuses such a body with
 * its own error before parsing it.
 */
import { describe, expect, it } from 'vitest';
import { AUTH, authConfig, PAGE } from '../../test/helpers/api-fixtures.js';
import { createFakeEngine } from '../../test/helpers/fake-engine.js';
import { createApp } from './app.js';

const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const app = createApp({ engine: createFakeEngine(), auth: authConfig() });
  const res = await app.fetch(
    new Request(`http://127.0.0.1${path}`, {
      method: 'POST',
      headers: { host: '127.0.0.1', 'content-type': 'application/json', ...AUTH, ...headers },
      body,
    }),
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('deeply nested request bodies', () => {
  it('DataForSEO: 40503 POST Data Is Invalid', async () => {
    const r = await post(PAGE, `[{"targets":{"1":"a.com"},"order_by":${DEEP}}]`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status_code: 40503, tasks: [] });
  });

  it('Moz: 400 InvalidArgument', async () => {
    const r = await post('/v2/link_intersect', `{"positive_targets":${DEEP}}`);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ name: 'InvalidArgument' });
    expect(String(r.json.message)).toContain('nested deeper than 64 levels');
  });

  it('native: 400 with the native error', async () => {
    const r = await post('/api/v1/prospects', `{"query":${DEEP}}`);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('MCP: 400 -32600 Invalid Request', async () => {
    const r = await post(
      '/mcp',
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"link_gap","arguments":${DEEP}}}`,
      { Accept: 'application/json, text/event-stream' },
    );
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
  });
});
