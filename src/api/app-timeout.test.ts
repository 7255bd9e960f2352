/**
 * The per-query time budget through every front: a query past it is stopped and answered with
 * the front's own timeout error (DataForSEO task 50401, Moz 503, native 503, MCP tool error),
 * logged as a warning, and the engine answers the next query exactly (nothing left dirty).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { budgetedEngine } from '../../src/engine/index.js';
import { AUTH, authConfig, PAGE } from '../../test/helpers/api-fixtures.js';
import { buildCapturesIndex, type CapturesIndex } from '../../test/helpers/captures-index.js';
import { createApp } from './app.js';
import { createJsonLogger } from './logger.js';

let built: CapturesIndex | undefined;

beforeAll(async () => {
  // 30 pages × 300 links to a.com: enough link visits for the engine to look at the clock.
  const captures: Capture[] = Array.from({ length: 30 }, (_, i) => ({
    url: `https://s${i}.example/p`,
    fetched_at: '2026-03-01T00:00:00Z',
    status: 200,
    links: [
      ...Array.from({ length: 300 }, (_, j) => ({
        url: `https://a.com/x${j}`,
        item_type: 'anchor' as const,
        anchor: `word ${j}`,
      })),
      { url: 'https://b.com/', item_type: 'anchor' as const, anchor: 'b' },
    ],
  }));
  built = await buildCapturesIndex('timeout', captures);
}, 120_000);

afterAll(async () => {
  await built?.close();
});

const TASK = [
  {
    targets: { '1': 'a.com', '2': 'b.com' },
    filters: ['1.anchor', 'regex', 'w.*d [0-9]+$'],
    limit: 5,
  },
];

function call(app: ReturnType<typeof createApp>, path: string, body: unknown, headers = {}) {
  return app.fetch(
    new Request(`http://127.0.0.1${path}`, {
      method: 'POST',
      headers: { host: '127.0.0.1', 'content-type': 'application/json', ...AUTH, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

describe('per-query time budget', () => {
  it('answers each front with its timeout error and keeps serving right answers', async () => {
    const engine = (built as CapturesIndex).engine;
    const logs: string[] = [];
    const opts = { auth: authConfig(), logger: createJsonLogger((l) => logs.push(l)) };
    const tight = createApp({ ...opts, engine: budgetedEngine(engine, 0) });
    const roomy = createApp({ ...opts, engine: budgetedEngine(engine, 60_000) });

    const want = (await (await call(roomy, PAGE, TASK)).json()) as {
      tasks: Array<{ status_code: number; result: unknown }>;
    };
    expect(want.tasks[0]?.status_code).toBe(20000);

    const page = (await (await call(tight, PAGE, TASK)).json()) as {
      tasks: Array<{ status_code: number; status_message: string }>;
    };
    expect(page.tasks[0]).toMatchObject({
      status_code: 50401,
      status_message: 'Internal Error - Timeout.',
    });

    const moz = await call(tight, '/v2/link_intersect', {
      positive_targets: [
        { target: 'a.com', scope: 'root_domain' },
        { target: 'b.com', scope: 'root_domain' },
      ],
      source_scope: 'page',
    });
    expect(moz.status).toBe(503);
    expect(await moz.json()).toMatchObject({ name: 'Timeout' });

    const native = await call(tight, '/api/v1/prospects', {
      query: { competitors: [{ value: 'a.com' }, { value: 'b.com' }] },
    });
    expect(native.status).toBe(503);
    expect(await native.json()).toMatchObject({ error: { code: 'timeout' } });

    const mcp = await call(
      tight,
      '/mcp',
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'link_gap', arguments: { competitors: ['a.com', 'b.com'], limit: 5 } },
      },
      { Accept: 'application/json, text/event-stream' },
    );
    const rpc = (await mcp.json()) as {
      result: { isError: boolean; content: Array<{ text: string }> };
    };
    expect(rpc.result.isError).toBe(true);
    expect(rpc.result.content[0]?.text).toMatch(/^Timeout: the query ran past its time budget/);

    // Nothing left half-done: the same question is answered exactly as before.
    const again = (await (await call(roomy, PAGE, TASK)).json()) as typeof want;
    expect(again.tasks[0]?.result).toEqual(want.tasks[0]?.result);
    expect(logs.some((l) => l.includes('"level":"warn"') && l.includes('timed out'))).toBe(true);
    expect(logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
