/**
 * Every HTTP front under random and mutated requests (test/fuzz/http-targets.ts) on a real
 * index: each answer is the endpoint's own envelope, never a 500, nothing is logged as an
 * internal error, and afterwards the server still answers a known question exactly as before.
 * Seeded (LINKGAP_FUZZ_SEED), LINKGAP_FUZZ_RUNS cases per front (default 150); `npm run bench --
 * fuzz` runs the same targets for hundreds of thousands of cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createJsonLogger } from '../../src/api/logger.js';
import { AUTH, authConfig } from '../helpers/api-fixtures.js';
import { buildCapturesIndex, type CapturesIndex } from '../helpers/captures-index.js';
import { fuzzCaptures, fuzzTarget, fuzzTargets, send } from './http-targets.js';

const RUNS = Number(process.env.LINKGAP_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.LINKGAP_FUZZ_SEED ?? 20261206);

let built: CapturesIndex | undefined;
const logs: string[] = [];
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  built = await buildCapturesIndex('fuzz-http', fuzzCaptures());
  app = createApp({
    engine: built.engine,
    auth: authConfig(),
    rateLimit: 1_000_000_000,
    logger: createJsonLogger((line) => logs.push(line)),
  });
}, 120_000);

afterAll(async () => {
  await built?.close();
});

/** A known question per front, for before and after. */
const KNOWN = [
  {
    path: '/v3/backlinks/page_intersection/live',
    body: [{ targets: { '1': 'a.com', '2': 'b.com' }, limit: 10 }],
  },
  {
    path: '/v2/link_intersect',
    body: {
      positive_targets: [{ target: 'a.com', scope: 'root_domain' }],
      source_scope: 'page',
      limit: 10,
    },
  },
];

async function ask(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const k of KNOWN) {
    const r = await send(app, {
      method: 'POST',
      path: k.path,
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(k.body),
    });
    const j = JSON.parse(r.body) as Record<string, unknown>;
    // Timing and ids differ per request; the results must not.
    const tasks = j.tasks as Array<{ result: unknown }> | undefined;
    out.push([r.status, tasks === undefined ? j.results : tasks.map((t) => t.result)]);
  }
  return out;
}

describe('HTTP fronts under fuzzed requests', () => {
  let before: unknown[] = [];
  beforeAll(async () => {
    before = await ask();
    expect(JSON.stringify(before)).toContain('s0.example');
  });

  it.each(fuzzTargets(AUTH).map((t) => [t.name, t] as const))(
    '%s answers its own envelope, never a 500',
    async (_name, target) => {
      const cases = await fuzzTarget(app, target, { runs: RUNS, seed: SEED });
      expect(cases).toBeGreaterThanOrEqual(RUNS);
      const internal = logs.filter((l) => l.includes('"level":"error"'));
      expect(internal, internal.join('\n')).toEqual([]);
    },
    120_000,
  );

  it('still answers known questions exactly as before', async () => {
    expect(await ask()).toEqual(before);
  });
});
