/**
 * `linkgap mcp` as a process: the SDK's own Client over stdio against the built CLI on a
 * generated index; answers checked against `linkgap gap --json` on the same index.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from './run-cli.js';
import { buildTestIndex, type TestIndex } from './serve-harness.js';

interface GapResult {
  targets: Record<string, string>;
  total_count: number;
  items: Array<{ summary: { intersections_count: number } }>;
}

describe('linkgap mcp (stdio)', () => {
  let dir: string;
  let index: TestIndex;
  let client: Client;
  let stderr = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-mcp-'));
    index = await buildTestIndex(dir, 200, 11);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--db', index.db, '--reload-interval', '100'],
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;

  it('lists the tools and logs only to stderr', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'backlinks_domain_intersection',
      'backlinks_page_intersection',
      'link_gap',
      'link_intersect',
    ]);
    expect(stderr).toContain('mcp: serving over stdio');
  });

  it('backlinks_page_intersection answers what `linkgap gap --json` answers', async () => {
    const [a, b] = index.topDomains;
    const r = await call('backlinks_page_intersection', { targets: [a, b], limit: 10 });
    expect(r.isError).toBeFalsy();
    const cli = await runCli([
      'gap',
      '--db',
      index.db,
      '--target',
      String(a),
      '--target',
      String(b),
      '--json',
      '--limit',
      '10',
    ]);
    expect(cli.code).toBe(0);
    const expected = JSON.parse(cli.stdout) as GapResult;
    const got = r.structuredContent as unknown as GapResult;
    expect(expected.total_count).toBeGreaterThan(0);
    expect(got.targets).toEqual(expected.targets);
    expect(got.total_count).toBe(expected.total_count);
    expect(got.items).toEqual(expected.items);
  });

  it('link_gap lists the prospects backlinks_domain_intersection finds, in its order', async () => {
    const [a, b, c] = index.topDomains;
    const gap = await call('link_gap', { competitors: [a, b], my_sites: [c], min_matching: 1 });
    const dfs = await call('backlinks_domain_intersection', {
      targets: [a, b],
      exclude_targets: [c],
      intersection_mode: 'partial',
      limit: 20,
    });
    const rows = (gap.structuredContent as { prospects: Array<{ prospect: string }> }).prospects;
    const items = (
      dfs.structuredContent as {
        total_count: number;
        items: Array<{ domain_intersection: Record<string, { target: string }> }>;
      }
    ).items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.prospect)).toEqual(
      items.map((i) => Object.values(i.domain_intersection)[0]?.target),
    );
    expect((gap.structuredContent as { total_count: number }).total_count).toBe(
      (dfs.structuredContent as { total_count: number }).total_count,
    );
  });

  it('answers bad input as an isError result and keeps serving', async () => {
    const r = await call('backlinks_domain_intersection', { targets: ['https://'] });
    expect(r.isError).toBe(true);
    expect(r.content[0]).toEqual({ type: 'text', text: "Invalid Field: 'targets'." });
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(4);
  });

  it('follows a new build while the session stays open', async () => {
    const target = 'fresh-target-e2e.com';
    const count = async (): Promise<number> => {
      const r = await call('backlinks_page_intersection', { targets: [target] });
      expect(r.isError).toBeFalsy();
      return (r.structuredContent as { total_count: number }).total_count;
    };
    expect(await count()).toBe(0);
    const input = join(dir, 'fresh.ndjson');
    const capture = {
      url: 'https://new-referrer-e2e.com/post',
      fetched_at: '2026-06-01T00:00:00Z',
      status: 200,
      links: [{ url: `https://${target}/`, item_type: 'anchor', anchor: 'fresh' }],
    };
    await writeFile(input, `${JSON.stringify(capture)}\n`);
    expect((await runCli(['ingest', '--db', index.db, input])).code).toBe(0);
    expect((await runCli(['build', '--db', index.db])).code).toBe(0);
    let n = 0;
    for (let i = 0; i < 100 && n === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      n = await count();
    }
    expect(n).toBe(1);
  });

  it('refuses to start without an index (exit 1, message on stderr, nothing on stdout)', async () => {
    const r = await runCli(['mcp', '--db', join(dir, 'none.duckdb')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('linkgap build');
  });
});
