/**
 * MCP over streamable HTTP inside `linkgap serve`: the SDK's Client against the built CLI on a
 * generated index, with the API's credentials; answers checked against the DataForSEO route
 * of the same server; DNS-rebinding and auth refusals.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, type ServeProcess, startServe, type TestIndex } from './serve-harness.js';

const AUTH = { Authorization: `Basic ${Buffer.from('me:a-long-secret').toString('base64')}` };

describe('linkgap serve: MCP at /mcp', () => {
  let dir: string;
  let index: TestIndex;
  let serve: ServeProcess;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-mcp-http-'));
    index = await buildTestIndex(dir, 200, 11);
    serve = await startServe(['--db', index.db], {
      LINKGAP_API_KEYS: 'me:a-long-secret',
      LINKGAP_CONFIG: '',
    });
  });
  afterAll(async () => {
    await serve?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const connect = async (): Promise<Client> => {
    const client = new Client({ name: 'e2e-http', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${serve.url}/mcp`), {
        requestInit: { headers: AUTH },
      }),
    );
    return client;
  };

  it('answers backlinks_domain_intersection as the DataForSEO route does', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'backlinks_domain_intersection',
      'backlinks_page_intersection',
      'link_gap',
      'link_intersect',
    ]);
    const [a, b] = index.topDomains;
    const r = (await client.callTool({
      name: 'backlinks_domain_intersection',
      arguments: { targets: [a, b], limit: 25 },
    })) as CallToolResult;
    await client.close();
    expect(r.isError).toBeFalsy();
    const res = await fetch(`${serve.url}/v3/backlinks/domain_intersection/live`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ targets: { '1': a, '2': b }, limit: 25 }]),
    });
    const envelope = (await res.json()) as {
      tasks: Array<{ result: Array<{ total_count: number }> }>;
    };
    const expected = envelope.tasks[0]?.result[0];
    expect(expected?.total_count).toBeGreaterThan(0);
    expect(r.structuredContent).toEqual(expected);
  });

  it('link_gap answers a table of prospects', async () => {
    const client = await connect();
    const [a, b, c] = index.topDomains;
    const r = (await client.callTool({
      name: 'link_gap',
      arguments: { competitors: [a, b], my_sites: [c], min_matching: 1, limit: 5 },
    })) as CallToolResult;
    await client.close();
    const s = r.structuredContent as {
      total_count: number;
      prospects: Array<{ links_to: string[] }>;
    };
    expect(s.total_count).toBeGreaterThan(0);
    expect(s.prospects.length).toBe(Math.min(5, s.total_count));
    for (const p of s.prospects) expect(p.links_to.every((t) => t === a || t === b)).toBe(true);
    const text = r.content[0]?.type === 'text' ? r.content[0].text : '';
    expect(text).toContain(`and not to ${c}`);
    expect(text.split('\n')).toHaveLength(2 + s.prospects.length);
  });

  it('link_intersect answers what POST /v2/link_intersect answers, and its tokens work there', async () => {
    const [a, b, c] = index.topDomains;
    const args = {
      positive_targets: [
        { target: a, scope: 'root_domain' },
        { target: b, scope: 'root_domain' },
      ],
      negative_targets: [{ target: c, scope: 'root_domain' }],
      source_scope: 'root_domain',
      limit: 3,
    };
    const client = await connect();
    const r = (await client.callTool({
      name: 'link_intersect',
      arguments: args,
    })) as CallToolResult;
    await client.close();
    expect(r.isError).toBeFalsy();
    const moz = async (body: unknown): Promise<{ results: unknown[]; next_token: string }> => {
      const res = await fetch(`${serve.url}/v2/link_intersect`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { results: unknown[]; next_token: string };
    };
    const http = await moz(args);
    const mcp = r.structuredContent as { results: unknown[]; next_token: string };
    expect(http.results.length).toBe(3);
    expect(mcp.results).toEqual(http.results);
    expect(mcp.next_token).not.toBe('');
    const next = await moz({ ...args, next_token: mcp.next_token });
    expect(next.results.length).toBeGreaterThan(0);
    expect(next.results).not.toContainEqual(http.results[0]);
  });

  it('refuses a rebinding Host with 403 and a missing credential with 401', async () => {
    const init = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'x', version: '1' },
      },
    });
    const post = (headers: Record<string, string>): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          `${serve.url}/mcp`,
          {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Accept: 'application/json, text/event-stream',
              ...headers,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(init);
      });
    expect(await post({ ...AUTH, Host: 'attacker.example:8080' })).toBe(403);
    expect(await post({ ...AUTH, Origin: 'https://attacker.example' })).toBe(403);
    expect(await post({})).toBe(401);
    expect(await post(AUTH)).toBe(200);
  });
});
