/**
 * The filter language and `order_by` under any JSON value (and nestings far past what a JSON
 * body parser would build): `parseTask` gives a query or a 40501 naming the field — never an
 * exception, never a stack overflow. LINKGAP_FUZZ_RUNS cases per property (default 500).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTask } from './parse-task.js';

const RUNS = Number(process.env.LINKGAP_FUZZ_RUNS ?? 500);
const SEED = Number(process.env.LINKGAP_FUZZ_SEED ?? 20261206);

/** A value nested `n` deep in arrays (or objects), built without recursion. */
function nested(n: number, arrays: boolean, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < n; i++) v = arrays ? [v] : { a: v };
  return v;
}

const odd = fc.constantFrom<unknown>(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '0x1F',
  ' 80 ',
  '',
  '\u0000',
  '\ud83d',
  '(a+)+$',
  '[',
  'a'.repeat(20_000),
  Number.MAX_SAFE_INTEGER + 2,
  -0,
  1e-320,
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 5 }) },
  { weight: 2, arbitrary: odd },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 30, max: 200_000 }), fc.boolean(), fc.jsonValue({ maxDepth: 1 }))
      .map(([n, arrays, leaf]) => nested(n, arrays, leaf)),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom('1.rank', '1.anchor', 'intersections_count', '1.dofollow', 'x'),
          fc.constantFrom('=', '<>', '>', 'like', 'regex', 'in', 'ilike', '??'),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        { maxLength: 12 },
      )
      .map((conds) => conds.flatMap((c, i) => (i === 0 ? [c] : [i % 2 ? 'and' : 'or', c]))),
  },
);

function assertShape(endpoint: 'page_intersection' | 'domain_intersection', task: unknown) {
  const r = parseTask(endpoint, task);
  if (!r.ok) {
    expect(typeof r.field).toBe('string');
    expect(r.message).toMatch(/^Invalid Field: '?[a-z_]+'?/i);
  }
}

describe('parseTask under any JSON', () => {
  for (const endpoint of ['page_intersection', 'domain_intersection'] as const) {
    for (const field of ['filters', 'order_by', 'backlinks_filters', 'targets', 'limit']) {
      it(`${endpoint}: ${field} set to anything gives a query or a 40501`, () => {
        fc.assert(
          fc.property(value, (v) => {
            assertShape(endpoint, { targets: { '1': 'a.com', '2': 'b.com' }, [field]: v });
          }),
          { numRuns: RUNS, seed: SEED },
        );
      });
    }
    it(`${endpoint}: a whole task of anything gives a query or a 40501`, () => {
      fc.assert(
        fc.property(value, (v) => assertShape(endpoint, v)),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});
