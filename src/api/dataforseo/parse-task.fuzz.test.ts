/**
 * The filter language and `order_by` under any JSON value (test/fuzz/parse-targets.ts):
 * `parseTask` gives a query or a 40501 naming the field — never an exception, never a stack
 * overflow. LINKGAP_FUZZ_RUNS cases per property (default 500).
 */
import { describe, expect, it } from 'vitest';
import { fuzzParseTask, PARSE_FIELDS } from '../../../test/fuzz/parse-targets.js';

const RUNS = Number(process.env.LINKGAP_FUZZ_RUNS ?? 500);
const SEED = Number(process.env.LINKGAP_FUZZ_SEED ?? 20261206);

describe('parseTask under any JSON', () => {
  for (const endpoint of ['page_intersection', 'domain_intersection'] as const) {
    for (const field of PARSE_FIELDS) {
      it(`${endpoint}: ${field ?? 'the whole task'} set to anything gives a query or a 40501`, () => {
        expect(fuzzParseTask(endpoint, field, { runs: RUNS, seed: SEED })).toBe(RUNS);
      });
    }
  }
});
