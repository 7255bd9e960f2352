import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeEngine, type FakeEngine } from '../../test/helpers/fake-engine.js';
import type { Logger } from '../api/logger.js';
import { createTokenCodec } from '../api/moz/index.js';
import { createMcpServer } from './server.js';

describe('createMcpServer (in-process client)', () => {
  let engine: FakeEngine;
  let client: Client;
  let clock = 1_000_000;
  const logged: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: () => {},
    error: (msg, fields) => logged.push(`${msg} ${JSON.stringify(fields)}`),
  };

  beforeEach(async () => {
    engine = createFakeEngine();
    clock = 1_000_000;
    const server = createMcpServer({
      engine,
      logger,
      version: '9.9.9',
      mozTokens: createTokenCodec('test-secret', 60),
      now: () => clock,
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: 'test', version: '1.0.0' });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  });
  afterEach(async () => {
    await client.close();
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const texts = (r: CallToolResult): string[] =>
    r.content.map((c) => (c.type === 'text' ? c.text : `<${c.type}>`));

  it('reports its name and version', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'linkgap', version: '9.9.9' });
  });

  it('lists the four tools with descriptions and the seed schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'backlinks_domain_intersection',
      'backlinks_page_intersection',
      'link_gap',
      'link_intersect',
    ]);
    const page = tools.find((t) => t.name === 'backlinks_page_intersection');
    const props = page?.inputSchema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual([
      'targets',
      'limit',
      'offset',
      'filters',
      'order_by',
      'exclude_targets',
      'intersection_mode',
      'include_subdomains',
    ]);
    expect(page?.inputSchema.required).toEqual(['targets']);
    expect(props.targets).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(props.limit).toMatchObject({ type: 'number', minimum: 1, maximum: 1000, default: 10 });
    expect(props.offset).toMatchObject({ type: 'number', minimum: 0 });
    expect(props.filters).toMatchObject({ type: 'array', maxItems: 8 });
    expect(props.intersection_mode).toMatchObject({ enum: ['all', 'partial'] });
    expect(String(props.targets?.description)).toContain('up to 20 domains');
    for (const t of tools) expect(t.description?.length).toBeGreaterThan(80);
    const gap = tools.find((t) => t.name === 'link_gap');
    expect(gap?.inputSchema.required).toEqual(['competitors']);
    expect(gap?.outputSchema?.properties).toHaveProperty('prospects');
  });

  it('backlinks_page_intersection runs the DataForSEO task and answers result[0]', async () => {
    const r = await call('backlinks_page_intersection', {
      targets: ['a.com', 'https://b.com/page'],
      exclude_targets: ['mine.com'],
      filters: [['1.dofollow', '=', true]],
      order_by: ['1.rank,desc'],
      limit: 5,
      offset: 0,
      intersection_mode: 'partial',
      include_subdomains: false,
    });
    expect(r.isError).toBeFalsy();
    const q = engine.queries[0];
    expect(q?.source).toBe('page');
    expect(q?.targets.map((t) => [t.key, t.raw, t.includeSubdomains])).toEqual([
      ['1', 'a.com', false],
      ['2', 'https://b.com/page', false],
    ]);
    expect(q?.excludes.map((e) => e.raw)).toEqual(['mine.com']);
    expect(q?.limit).toBe(5);
    expect(q?.minMatching).toBe(1);
    expect(q?.linkFilters[0]).toMatchObject({ kind: 'cond', op: '=', value: true });
    expect(q?.order[0]).toEqual({ field: { target: 0, name: 'rank' }, direction: 'desc' });
    const s = r.structuredContent as { targets: Record<string, string>; items_count: number };
    expect(s.targets).toEqual({ '1': 'a.com', '2': 'https://b.com/page' });
    expect(s.items_count).toBe(1);
    expect(JSON.parse(texts(r)[0] ?? '')).toEqual(r.structuredContent);
  });

  it('backlinks_page_intersection defaults limit to 10 and mode to all', async () => {
    await call('backlinks_page_intersection', { targets: ['a.com', 'b.com'] });
    expect(engine.queries[0]?.limit).toBe(10);
    expect(engine.queries[0]?.minMatching).toBe(2);
  });

  it('backlinks_domain_intersection queries domains', async () => {
    const r = await call('backlinks_domain_intersection', {
      targets: ['a.com', 'b.com'],
      limit: 1,
    });
    expect(r.isError).toBeFalsy();
    expect(engine.queries[0]?.source).toBe('domain');
    expect((r.structuredContent as { total_count: number }).total_count).toBe(2);
    expect((r.structuredContent as { items: unknown[] }).items).toHaveLength(1);
  });

  it("answers DataForSEO's 40501 message as an isError result", async () => {
    const r = await call('backlinks_page_intersection', { targets: [] });
    expect(r.isError).toBe(true);
    expect(texts(r)[0]).toBe("Invalid Field: 'targets'.");
    expect(texts(r)[1]).toMatch(/^targets: /);
    const bad = await call('backlinks_domain_intersection', {
      targets: ['a.com'],
      order_by: ['1.nope,desc'],
    });
    expect(bad.isError).toBe(true);
    expect(texts(bad)[0]).toBe("Invalid Field: 'order_by'.");
    expect(engine.queries).toHaveLength(0);
  });

  it('answers schema violations as isError results, not protocol errors', async () => {
    const r = await call('backlinks_page_intersection', { targets: ['a.com'], limit: 5000 });
    expect(r.isError).toBe(true);
    expect(texts(r)[0]).toContain('limit');
    expect(engine.queries).toHaveLength(0);
  });

  it('answers an engine failure as Internal Error. and logs it', async () => {
    engine.failNext = new Error('disk on fire');
    const r = await call('backlinks_page_intersection', { targets: ['a.com'] });
    expect(r).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: 'Internal Error.' }],
    });
    expect(logged.join('\n')).toContain('disk on fire');
  });

  it('link_gap answers prospects as a table and structured rows', async () => {
    const r = await call('link_gap', {
      competitors: ['a.com', 'b.com', 'c.com'],
      my_sites: ['mine.com'],
      min_matching: 2,
      dofollow_only: true,
      min_domain_rank: 30,
      max_spam_score: 20,
      limit: 7,
    });
    expect(r.isError).toBeFalsy();
    const q = engine.queries[0];
    expect(q?.source).toBe('domain');
    expect(q?.minMatching).toBe(2);
    expect(q?.limit).toBe(7);
    expect(q?.rankScale).toBe('one_hundred');
    expect(q?.excludes.map((e) => e.raw)).toEqual(['mine.com']);
    expect(q?.linkFilters[2]).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'cond',
          field: { target: 2, name: 'dofollow' },
          type: 'bool',
          op: '=',
          value: true,
        },
        {
          kind: 'cond',
          field: { target: 2, name: 'domain_from_rank' },
          type: 'num',
          op: '>=',
          value: 30,
        },
        {
          kind: 'or',
          items: [
            {
              kind: 'cond',
              field: { target: 2, name: 'backlink_spam_score' },
              type: 'num',
              op: '<=',
              value: 20,
            },
            {
              kind: 'cond',
              field: { target: 2, name: 'backlink_spam_score' },
              type: 'num',
              op: '=',
              value: null,
            },
          ],
        },
      ],
    });
    expect(r.structuredContent).toEqual({
      source: 'domain',
      total_count: 2,
      prospects: ['example.org', 'example.net'].map((d) => ({
        prospect: d,
        domain_rank: 204,
        spam_score: 4,
        matching: 3,
        links_to: ['a.com', 'b.com', 'c.com'],
        backlinks: 9,
      })),
    });
    const text = texts(r)[0] ?? '';
    expect(text).toContain(
      '2 referring domains link to at least 2 of 3 competitor(s) and not to mine.com',
    );
    expect(text).toContain('example.org | 204 | 4 | a.com, b.com, c.com');
  });

  it('link_gap at page level lists pages with their domain rank', async () => {
    const r = await call('link_gap', { competitors: ['a.com', 'b.com'], source: 'page' });
    expect(engine.queries[0]?.source).toBe('page');
    expect(engine.queries[0]?.minMatching).toBe(2);
    expect(engine.queries[0]?.linkFilters).toEqual([null, null]);
    expect((r.structuredContent as { prospects: unknown[] }).prospects).toEqual([
      {
        prospect: 'https://blog.example.org/post',
        domain_rank: 615,
        spam_score: 2,
        matching: 2,
        links_to: ['a.com', 'b.com'],
        backlinks: 2,
      },
    ]);
  });

  it('link_gap errors name its own parameters', async () => {
    const tooMany = await call('link_gap', { competitors: ['a.com'], min_matching: 2 });
    expect(tooMany.isError).toBe(true);
    expect(texts(tooMany)[0]).toBe("Invalid Field: 'min_matching'.");
    const bad = await call('link_gap', { competitors: ['not a host'] });
    expect(texts(bad)[0]).toBe("Invalid Field: 'competitors'.");
    const mine = await call('link_gap', { competitors: ['a.com'], my_sites: ['x*y'] });
    expect(texts(mine)[0]).toBe("Invalid Field: 'my_sites'.");
    expect(engine.queries).toHaveLength(0);
  });

  it('link_intersect answers Moz results and pages on with next_token', async () => {
    const args = {
      positive_targets: [
        { target: 'a.com', scope: 'root_domain' },
        { target: 'b.com/page', scope: 'page' },
      ],
      negative_targets: [{ target: 'mine.com', scope: 'root_domain' }],
      limit: 2,
    };
    const first = await call('link_intersect', args);
    expect(first.isError).toBeFalsy();
    const body = first.structuredContent as {
      results: Array<{ page: string; matching_target_indexes: number[] }>;
      next_token: string;
    };
    expect(body.results.map((r) => r.page)).toEqual(['src0.example.org/', 'src1.example.org/']);
    expect(body.results[0]?.matching_target_indexes).toEqual([0, 1]);
    expect(JSON.parse(texts(first)[0] ?? '')).toEqual(body);
    expect(body.next_token).not.toBe('');
    const q = engine.mozQueries[0];
    expect(q?.positives).toBe(2);
    expect(q?.query.excludes.map((e) => e.raw)).toContain('mine.com');
    const second = await call('link_intersect', { ...args, next_token: body.next_token });
    expect(second.structuredContent).toEqual({
      results: [expect.objectContaining({ page: 'src2.example.org/' })],
      next_token: '',
    });
  });

  it('link_intersect answers Moz errors as isError results', async () => {
    const args = { positive_targets: [{ target: 'a.com', scope: 'root_domain' }], limit: 1 };
    const tooMany = await call('link_intersect', { ...args, min_matching_targets: 2 });
    expect(tooMany.isError).toBe(true);
    expect(texts(tooMany)[0]).toBe(
      "Invalid field 'min_matching_targets': must be at most the number of positive_targets (1)",
    );
    expect(texts(tooMany)[1]).toBe('InvalidArgument (HTTP 400)');
    const page = await call('link_intersect', args);
    const token = (page.structuredContent as { next_token: string }).next_token;
    const other = await call('link_intersect', {
      positive_targets: [{ target: 'b.com', scope: 'root_domain' }],
      next_token: token,
    });
    expect(texts(other)[0]).toBe(
      "Invalid field 'next_token': the token was issued for another query",
    );
    clock += 61_000;
    const expired = await call('link_intersect', { ...args, next_token: token });
    expect(expired.isError).toBe(true);
    expect(texts(expired)[1]).toBe('TokenExpired (HTTP 410)');
    engine.failNext = new Error('boom');
    expect(await call('link_intersect', args)).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: 'Internal Error.' }],
    });
  });
});
