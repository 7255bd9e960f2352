/**
 * The official DataForSEO TypeScript client (`dataforseo-client`) against a real `linkgap serve`
 * over a small generated and built index: its page and domain intersections equal what the
 * engine answers directly for the same task.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'dataforseo-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneValue } from '../../src/api/dataforseo/ai-response.js';
import { type IntersectionEndpoint, parseTask } from '../../src/api/dataforseo/parse-task.js';
import { openEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine/types.js';
import { buildTestIndex, type ServeProcess, startServe, type TestIndex } from './serve-harness.js';

const LOGIN = 'e2e-login';
const PASSWORD = 'e2e-password-0123456789';

/**
 * What the client's items carry (its model .d.ts files use extension-less imports, which NodeNext
 * does not resolve, so the models type as any here).
 */
interface ClientItem {
  page_intersection?: unknown;
  domain_intersection?: unknown;
  summary?: { intersections_count?: number };
}

/** JSON as it went over the wire: drops class prototypes and undefined fields. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('dataforseo-client against linkgap serve', () => {
  let dir: string;
  let index: TestIndex;
  let serve: ServeProcess;
  let engine: Engine;
  let api: client.BacklinksApi;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-dfs-client-'));
    index = await buildTestIndex(dir);
    serve = await startServe(['--db', index.db], { LINKGAP_API_KEYS: `${LOGIN}:${PASSWORD}` });
    engine = await openEngine(index.indexRoot);
    const authFetch = (url: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> =>
      fetch(url, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string> | undefined),
          Authorization: `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64')}`,
        },
      });
    api = new client.BacklinksApi(serve.url, { fetch: authFetch });
  });

  afterAll(async () => {
    await engine?.close();
    const code = await serve?.stop();
    expect(code).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  function queryOf(endpoint: IntersectionEndpoint, task: Record<string, unknown>) {
    const parsed = parseTask(endpoint, task);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.query;
  }
  const directPage = (task: Record<string, unknown>) =>
    engine.pageIntersection(queryOf('page_intersection', task));
  const directDomain = (task: Record<string, unknown>) =>
    engine.domainIntersection(queryOf('domain_intersection', task));

  it('page_intersection/live returns the engine’s referring pages', async () => {
    const [a, b] = index.topDomains;
    const task = { targets: { '1': a as string, '2': b as string }, limit: 20 };
    const response = await api.pageIntersectionLive([
      new client.BacklinksPageIntersectionLiveRequestInfo(task),
    ]);
    expect(response?.status_code).toBe(20000);
    const t = response?.tasks?.[0];
    expect(t?.status_code, t?.status_message).toBe(20000);
    expect(t?.id).toMatch(/^\d{8}-1535-0287-0000-[0-9a-f]{12}$/);
    const result = t?.result?.[0];
    const want = await directPage(task);
    expect(want.items.length).toBeGreaterThan(0);
    expect(result?.total_count).toBe(want.total_count);
    expect(result?.items_count).toBe(want.items_count);
    expect(result?.targets).toEqual(want.targets);
    const got = ((result?.items ?? []) as ClientItem[]).map((i) => ({
      page_intersection: plain(i.page_intersection),
      summary: { intersections_count: i.summary?.intersections_count },
    }));
    expect(got).toEqual(plain(want.items));
  });

  it('page_intersection with exclude_targets, partial mode and a filter', async () => {
    const [a, b, c] = index.topDomains;
    const task = {
      targets: { '1': a as string, '2': b as string },
      exclude_targets: [c as string],
      intersection_mode: 'partial',
      filters: ['1.dofollow', '=', true],
      order_by: ['intersections_count,desc'],
      limit: 50,
    };
    const response = await api.pageIntersectionLive([
      new client.BacklinksPageIntersectionLiveRequestInfo(task),
    ]);
    const result = response?.tasks?.[0]?.result?.[0];
    const want = await directPage(task);
    expect(want.items.length).toBeGreaterThan(0);
    expect(result?.total_count).toBe(want.total_count);
    expect(((result?.items ?? []) as ClientItem[]).map((i) => plain(i.page_intersection))).toEqual(
      want.items.map((i) => plain(i.page_intersection)),
    );
  });

  it('domain_intersection/live returns the engine’s referring domains', async () => {
    const [a, b] = index.topDomains;
    const task = { targets: { '1': a as string, '2': b as string }, limit: 20 };
    const response = await api.domainIntersectionLive([
      new client.BacklinksDomainIntersectionLiveRequestInfo(task),
    ]);
    expect(response?.status_code).toBe(20000);
    const t = response?.tasks?.[0];
    expect(t?.status_code, t?.status_message).toBe(20000);
    expect(t?.id).toMatch(/^\d{8}-1535-0268-0000-[0-9a-f]{12}$/);
    const result = t?.result?.[0];
    const want = await directDomain(task);
    expect(want.items.length).toBeGreaterThan(0);
    expect(result?.total_count).toBe(want.total_count);
    const got = ((result?.items ?? []) as ClientItem[]).map((i) => ({
      domain_intersection: plain(i.domain_intersection),
      summary: { intersections_count: i.summary?.intersections_count },
    }));
    expect(got).toEqual(plain(want.items));
  });

  it('page_intersection/live.ai answers the engine’s items pruned (the MCP server’s default path)', async () => {
    const [a, b] = index.topDomains;
    const task = { targets: { '1': a as string, '2': b as string }, limit: 10 };
    const r = await fetch(`${serve.url}/v3/backlinks/page_intersection/live.ai`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64')}`,
      },
      body: JSON.stringify([{ ...task, filters: null, order_by: null }]),
    });
    expect(r.status).toBe(200);
    const ai = (await r.json()) as { id: string; status_code: number; items: unknown[] };
    expect(ai.status_code).toBe(20000);
    const want = await directPage(task);
    expect(want.items.length).toBeGreaterThan(0);
    expect(ai.items).toEqual(want.items.map((i) => pruneValue(plain(i))));
  });

  it('reports a 40501 task through the client as a normal response', async () => {
    const response = await api.pageIntersectionLive([
      new client.BacklinksPageIntersectionLiveRequestInfo({
        targets: { '1': 'a.com' },
        limit: 5000,
      }),
    ]);
    expect(response?.status_code).toBe(20000);
    expect(response?.tasks_error).toBe(1);
    expect(response?.tasks?.[0]?.status_code).toBe(40501);
    expect(response?.tasks?.[0]?.status_message).toBe("Invalid Field: 'limit'.");
    expect(response?.tasks?.[0]?.result).toBeNull();
  });

  it('throws ApiException (HTTP 401) without credentials', async () => {
    const anonymous = new client.BacklinksApi(serve.url, { fetch });
    await expect(
      anonymous.pageIntersectionLive([
        new client.BacklinksPageIntersectionLiveRequestInfo({ targets: { '1': 'a.com' } }),
      ]),
    ).rejects.toMatchObject({ status: 401 });
  });
});
