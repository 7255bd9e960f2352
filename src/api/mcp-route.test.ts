import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, authConfig } from '../../test/helpers/api-fixtures.js';
import { createFakeEngine, type FakeEngine } from '../../test/helpers/fake-engine.js';
import { type ServedApp, serveApp } from '../../test/helpers/http-app.js';
import { createApp } from './app.js';
import { createRateLimiter } from './rate-limit.js';

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
};
const MCP_HEADERS = { Accept: 'application/json, text/event-stream' };

/** POST with an explicit Host header (fetch does not let a caller choose it). */
function postWithHost(
  url: string,
  host: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/mcp`,
      {
        method: 'POST',
        headers: { ...headers, Host: host, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('/mcp on the API app', () => {
  let engine: FakeEngine;
  let api: ServedApp;

  beforeAll(async () => {
    engine = createFakeEngine();
    api = await serveApp(
      createApp({
        engine,
        auth: authConfig(),
        version: '0.1.20261123',
        allowedHosts: ['mcp.example.org'],
        rateLimit: createRateLimiter(1000),
        bodyLimitBytes: 4096,
      }),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  const connect = async (headers: Record<string, string>): Promise<Client> => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`), { requestInit: { headers } }),
    );
    return client;
  };

  it('serves the tools to the SDK client with Basic or Bearer credentials', async () => {
    for (const headers of [AUTH, { Authorization: 'Bearer tok-abc' }]) {
      const client = await connect(headers);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        'backlinks_domain_intersection',
        'backlinks_page_intersection',
        'link_gap',
        'link_intersect',
      ]);
      const r = (await client.callTool({
        name: 'backlinks_domain_intersection',
        arguments: { targets: ['a.com', 'b.com'] },
      })) as CallToolResult;
      expect(r.isError).toBeFalsy();
      expect((r.structuredContent as { total_count: number }).total_count).toBe(2);
      const bad = (await client.callTool({
        name: 'link_gap',
        arguments: { competitors: ['a.com'], my_sites: ['*'] },
      })) as CallToolResult;
      expect(bad.isError).toBe(true);
      expect(bad.content[0]).toEqual({ type: 'text', text: "Invalid Field: 'my_sites'." });
      await client.close();
    }
  });

  it('refuses a request without valid credentials with 401 and a JSON-RPC error', async () => {
    const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer wrong' }];
    for (const headers of attempts) {
      const r = await api.post('/mcp', INIT, { ...MCP_HEADERS, ...headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toContain('Basic');
      expect(r.json).toMatchObject({ jsonrpc: '2.0', error: { code: -32001 }, id: null });
    }
    await expect(connect({})).rejects.toThrow();
  });

  it('refuses foreign Host and Origin headers with 403 (DNS rebinding), before auth', async () => {
    const body = JSON.stringify(INIT);
    const evil = await postWithHost(api.url, 'evil.example:80', { ...MCP_HEADERS, ...AUTH }, body);
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toEqual({
      jsonrpc: '2.0',
      error: { code: -32000, message: 'Invalid Host: evil.example' },
      id: null,
    });
    const anon = await postWithHost(api.url, 'evil.example', MCP_HEADERS, body);
    expect(anon.status).toBe(403);
    const origin = await api.post('/mcp', INIT, {
      ...MCP_HEADERS,
      ...AUTH,
      Origin: 'http://evil.example',
    });
    expect(origin.status).toBe(403);
    expect(origin.json).toMatchObject({
      error: { message: 'Invalid Origin: http://evil.example' },
    });
  });

  it('accepts the configured host name and a loopback Origin', async () => {
    const ok = await postWithHost(
      api.url,
      'mcp.example.org:8443',
      { ...MCP_HEADERS, ...AUTH, Origin: 'http://localhost:3000' },
      JSON.stringify(INIT),
    );
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      result: { serverInfo: { name: 'linkgap' } },
    });
  });

  it('answers GET with 405 (stateless: no server-sent stream)', async () => {
    const r = await api.request('/mcp', { headers: { ...AUTH, Accept: 'text/event-stream' } });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
  });

  it('refuses a body over the limit with 413', async () => {
    const big = { ...INIT, params: { ...INIT.params, padding: 'x'.repeat(5000) } };
    const r = await api.post('/mcp', big, { ...MCP_HEADERS, ...AUTH });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  });
});
