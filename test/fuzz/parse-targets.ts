/**
 * Fuzz target of the DataForSEO task parser (filters, order_by, targets, limits): any JSON value,
 * and nestings far past what a JSON body parser would build, in any field or as the whole task.
 * `parseTask` must give a query or a 40501 naming the field, never throw. Shared by the unit
 * test beside the parser and `npm run bench -- fuzz`.
 */
import fc from 'fast-check';
import { parseTask } from '../../src/api/dataforseo/parse-task.js';

/** The fields a property sets to anything (null: the whole task is anything). */
export const PARSE_FIELDS = [
  'filters',
  'order_by',
  'backlinks_filters',
  'targets',
  'limit',
  null,
] as const;

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

type Endpoint = 'page_intersection' | 'domain_intersection';

function check(endpoint: Endpoint, task: unknown): void {
  const r = parseTask(endpoint, task);
  if (!r.ok && (typeof r.field !== 'string' || !/^Invalid Field: /i.test(r.message))) {
    throw new Error(`not a 40501 naming a field: ${r.message}`);
  }
}

/** Run `runs` seeded cases of `field` on `endpoint`; returns the cases run (throws on a failure). */
export function fuzzParseTask(
  endpoint: Endpoint,
  field: (typeof PARSE_FIELDS)[number],
  opts: { runs: number; seed: number },
): number {
  let n = 0;
  fc.assert(
    fc.property(value, (v) => {
      n++;
      check(endpoint, field === null ? v : { targets: { '1': 'a.com', '2': 'b.com' }, [field]: v });
    }),
    { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
  );
  return n;
}
