/**
 * The scale-out store end to end through the built CLI: `linkgap migrate --to` a 2-shard
 * ClickHouse 18.16 cluster and chdb, then `linkgap gap --store` and `linkgap serve --store`
 * (DataForSEO page/domain intersection, Moz link_intersect, MCP over HTTP) must answer exactly
 * what the same commands answer from the embedded index; a bad store URL is a usage error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';
import {
  buildTestIndex,
  type ServeProcess,
  startServe,
  type TestIndex,
  writeIndexGeneration,
} from '../e2e/serve-harness.js';
import { type ClickHouseBackend, clickhouseBackends } from '../helpers/clickhouse-cluster.js';
import { useBackend } from '../helpers/use-clickhouse.js';

const NO_CREDENTIALS = { LINKGAP_API_KEYS: '', LINKGAP_CONFIG: '' };

let dir = '';
let index: TestIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkgap-ch-serve-'));
  index = await buildTestIndex(dir, 300, 7);
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/** What one served interface answers to the same questions. */
async function askAll(url: string, topDomains: string[]): Promise<Record<string, unknown>> {
  const [a = '', b = '', c = ''] = topDomains;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    // Envelope timing and ids differ per request; the results must not.
    const tasks = (json.tasks as Array<{ result: unknown; status_code: number }> | undefined) ?? [];
    return tasks.length > 0 ? tasks.map((t) => [t.status_code, t.result]) : json;
  };
  const out: Record<string, unknown> = {};
  out.pages = await post('/v3/backlinks/page_intersection/live', [
    { targets: { '1': a, '2': b }, exclude_targets: [c], limit: 20, intersection_mode: 'partial' },
  ]);
  out.domains = await post('/v3/backlinks/domain_intersection/live', [
    {
      targets: { '1': a, '2': b },
      limit: 20,
      order_by: ['1.backlinks,desc'],
      filters: ['1.backlinks', '>', 0],
    },
  ]);
  // Paging tokens are signed with each server's own secret: compared without them.
  const { next_token, ...moz } = (await post('/v2/link_intersect', {
    positive_targets: [
      { target: a, scope: 'root_domain' },
      { target: b, scope: 'root_domain' },
    ],
    negative_targets: [{ target: c, scope: 'root_domain' }],
    source_scope: 'root_domain',
    limit: 10,
  })) as Record<string, unknown>;
  out.moz = { ...moz, has_next_token: typeof next_token === 'string' };
  const client = new Client({ name: 'e2e-ch', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
  try {
    out.mcp = (
      await client.callTool({
        name: 'link_gap',
        arguments: { competitors: [a, b], my_sites: [c], min_matching: 1, limit: 10 },
      })
    ).structuredContent;
  } finally {
    await client.close();
  }
  return out;
}

describe('linkgap serve --store', () => {
  it('refuses a bad store URL as a usage error', async () => {
    const r = await runCli(['gap', '--store', 'clickhouse://h:1/bad-db', '--target', 'a.com']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--store: store URL: database must be a name');
    const m = await runCli(['migrate', '--db', index.db, '--to', 'postgres://h/db']);
    expect(m.code).toBe(2);
  });

  it('says when nothing was migrated yet', async () => {
    const chdb = clickhouseBackends().find((b) => b.name.startsWith('chdb'));
    if (chdb === undefined) return;
    const s = await chdb.start();
    try {
      const r = await runCli(['gap', '--store', s.url, '--target', 'a.com']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('no index generation');
    } finally {
      await s.stop();
    }
  }, 60_000);
});

const backends = clickhouseBackends().filter((b) => b.name !== '18.16 single node');

describe.each(backends)('the CLI on ClickHouse ($name)', (backend) => {
  const store = useBackend(backend as ClickHouseBackend);
  let url = '';

  beforeAll(async () => {
    url = store.url();
    const r = await runCli(['migrate', '--db', index.db, '--to', url, '--batch', '500']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^migrated [\d,]+ links of generation g-/);
  }, 180_000);

  it('gap --store prints what gap --db prints', async () => {
    const [a = '', b = '', c = ''] = index.topDomains;
    const args = ['--target', a, '--target', b, '--exclude', c, '--min-matching', '1', '--json'];
    const embedded = await runCli(['gap', '--db', index.db, ...args]);
    const scaled = await runCli(['gap', '--store', url, ...args]);
    expect(scaled.code, scaled.stderr).toBe(0);
    expect(JSON.parse(scaled.stdout)).toEqual(JSON.parse(embedded.stdout));
    expect((JSON.parse(embedded.stdout) as { total_count: number }).total_count).toBeGreaterThan(0);
  }, 60_000);

  it('serve --store answers DataForSEO, Moz and MCP as serve --db does', async () => {
    let embedded: ServeProcess | undefined;
    let scaled: ServeProcess | undefined;
    try {
      embedded = await startServe(['--db', index.db, '--no-auth'], NO_CREDENTIALS);
      scaled = await startServe(['--store', url, '--no-auth'], NO_CREDENTIALS);
      const want = await askAll(embedded.url, index.topDomains);
      const got = await askAll(scaled.url, index.topDomains);
      expect(got).toEqual(want);
      expect(JSON.stringify(want.pages)).toContain('page_intersection');
      expect(JSON.stringify(want.moz)).toContain('root_domain');
      const health = (await (await fetch(`${scaled.url}/health`)).json()) as { generation: string };
      expect(health.generation).toMatch(/^g-/);
    } finally {
      await embedded?.stop();
      await scaled?.stop();
    }
  }, 120_000);

  it('publishes each generation once and drops the ones past --keep', async () => {
    const again = await runCli(['migrate', '--db', index.db, '--to', url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('is already published');
    const first = (/generation (g-\S+)/.exec(again.stdout) as RegExpExecArray)[1];
    const next = await writeIndexGeneration(index.db);
    const r = await runCli(['migrate', '--db', index.db, '--to', url, '--keep', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`of generation ${next.generation}`);
    expect(r.stdout).toContain(`dropped older generations: ${first}`);
    const gap = await runCli([
      'gap',
      '--store',
      url,
      '--target',
      index.topDomains[0] ?? '',
      '--json',
    ]);
    expect(gap.code, gap.stderr).toBe(0);
    const embedded = await runCli([
      'gap',
      '--db',
      index.db,
      '--target',
      index.topDomains[0] ?? '',
      '--json',
    ]);
    expect(JSON.parse(gap.stdout)).toEqual(JSON.parse(embedded.stdout));
  }, 120_000);
});
