/**
 * Moz `POST /v2/link_intersect` against real `linkgap serve` processes over a small generated
 * index: x-moz-token and Basic auth from the config file, answers equal to the engine's, and
 * `next_token`s signed with the configured `moz_token_secret` valid on another server process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMozRequest } from '../../src/api/moz/index.js';
import { openEngine } from '../../src/engine/index.js';
import type { MozDomainRow, MozPageRow } from '../../src/engine/moz-types.js';
import type { Engine } from '../../src/engine/types.js';
import { buildTestIndex, type ServeProcess, startServe, type TestIndex } from './serve-harness.js';

const TOKEN = 'moz-e2e-token-0123456789';
const ACCESS_ID = 'mozscape-1';
const SECRET = 'moz-e2e-secret-0123456789';

interface MozBody {
  results: unknown[];
  next_token: string;
}

describe('Moz link_intersect against linkgap serve', () => {
  let dir: string;
  let index: TestIndex;
  let a: ServeProcess;
  let b: ServeProcess;
  let engine: Engine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-moz-e2e-'));
    index = await buildTestIndex(dir);
    const config = join(dir, 'serve.json');
    await writeFile(
      config,
      JSON.stringify({
        credentials: [
          { name: 'moz', token: TOKEN },
          { login: ACCESS_ID, password: SECRET },
        ],
        moz_token_secret: 'shared-secret-of-both-servers',
        moz_token_ttl_seconds: 3600,
      }),
    );
    [a, b] = await Promise.all([
      startServe(['--db', index.db, '--config', config]),
      startServe(['--db', index.db, '--config', config]),
    ]);
    engine = await openEngine(index.indexRoot);
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    expect(await a?.stop()).toBe(0);
    expect(await b?.stop()).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  const post = async (url: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${url}/v2/link_intersect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };

  it('answers what the engine answers, paging across two servers with one secret', async () => {
    const [t1, t2, t3] = index.topDomains;
    const body = {
      positive_targets: [t1, t2, t3].map((t) => ({ target: t, scope: 'root_domain' })),
      min_matching_targets: 1,
      sort: 'source_domain_authority',
    };
    const parsed = parseMozRequest({ ...body, limit: 50 });
    if (!parsed.ok) throw new Error(parsed.message);
    const direct = await engine.linkIntersect(parsed.value.query);
    expect(direct.total).toBeGreaterThan(10);

    const walked: unknown[] = [];
    let token = '';
    let calls = 0;
    do {
      // Alternate servers and auth schemes: the token is valid on both.
      const server = calls % 2 === 0 ? a : b;
      const auth: Record<string, string> =
        calls % 2 === 0
          ? { 'x-moz-token': TOKEN }
          : { Authorization: `Basic ${Buffer.from(`${ACCESS_ID}:${SECRET}`).toString('base64')}` };
      const r = await post(server.url, { ...body, limit: 7, next_token: token }, auth);
      expect(r.status).toBe(200);
      const page = r.json as MozBody;
      walked.push(...page.results);
      token = page.next_token;
      calls++;
    } while (token !== '' && calls < 100);
    expect(calls).toBe(Math.ceil(direct.total / 7));
    expect(walked.slice(0, 50)).toEqual(direct.results);
    expect(walked).toHaveLength(direct.total);
  });

  it('refuses requests without valid credentials', async () => {
    const r = await post(
      a.url,
      { positive_targets: [{ target: 'a.com', scope: 'page' }] },
      {
        'x-moz-token': 'wrong',
      },
    );
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ name: 'Unauthorized' });
  });

  it('finds the sources page and domain intersection find, for each min_matching_targets', async () => {
    const targets = index.topDomains.slice(0, 3);
    const negative = index.topDomains[3] as string;
    for (const k of [1, 2, 3]) {
      for (const source_scope of ['page', 'root_domain'] as const) {
        const parsed = parseMozRequest({
          positive_targets: targets.map((t) => ({ target: t, scope: 'root_domain' })),
          negative_targets: [{ target: negative, scope: 'root_domain' }],
          min_matching_targets: k,
          source_scope,
          sort: 'source_spam_score',
        });
        if (!parsed.ok) throw new Error(parsed.message);
        const mq = parsed.value.query;
        const all = await engine.linkIntersect({ ...mq, limit: 1_000_000 });
        const dq = { ...mq.query, minMatching: k, limit: 1000 };
        const want = new Map<string, number[]>();
        if (source_scope === 'page') {
          for (const it of (await engine.pageIntersection(dq)).items) {
            const keys = Object.keys(it.page_intersection);
            const url = it.page_intersection[keys[0] as string]?.[0]?.url_from ?? '';
            want.set(
              url.replace(/^https?:\/\//, ''),
              keys.map((x) => Number(x) - 1),
            );
          }
        } else {
          for (const it of (await engine.domainIntersection(dq)).items) {
            const keys = Object.keys(it.domain_intersection);
            const name = it.domain_intersection[keys[0] as string]?.target ?? '';
            want.set(
              name,
              keys.map((x) => Number(x) - 1),
            );
          }
        }
        expect(all.total).toBe(want.size);
        const got = new Map(
          all.results.map((r) => [
            'page' in r ? (r as MozPageRow).page : (r as MozDomainRow).root_domain,
            r.matching_target_indexes,
          ]),
        );
        expect(got).toEqual(want);
        // source_spam_score: ascending, unscored (-1) last, then DA desc.
        const key = (r: { spam_score: number }) => (r.spam_score < 0 ? 1e9 : r.spam_score);
        for (let i = 1; i < all.results.length; i++) {
          const p = all.results[i - 1] as MozPageRow;
          const c = all.results[i] as MozPageRow;
          expect(
            key(p) < key(c) || (key(p) === key(c) && p.domain_authority >= c.domain_authority),
          ).toBe(true);
        }
      }
    }
  });
});
