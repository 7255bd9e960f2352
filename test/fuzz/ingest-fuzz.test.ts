/**
 * Ingest under damaged inputs (test/fuzz/ingest-targets.ts): WARC, WAT and captures NDJSON
 * files truncated anywhere, with a bit flipped, or concatenated, never make ingest throw, and
 * keep every record the damage did not reach. LINKGAP_FUZZ_RUNS cases per format (default 60).
 */
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { fuzzIngest, INGEST_FORMATS, ingestDamaged } from './ingest-targets.js';

const RUNS = Number(process.env.LINKGAP_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.LINKGAP_FUZZ_SEED ?? 20261206);

describe('ingest of damaged inputs', () => {
  it.each(INGEST_FORMATS.map((f) => [f.name, f] as const))(
    '%s: never throws, keeps what the damage did not touch',
    async (_name, format) => {
      expect(await fuzzIngest(format, { runs: RUNS, seed: SEED })).toBe(RUNS);
    },
    120_000,
  );

  it.each(INGEST_FORMATS.map((f) => [f.name, f] as const))(
    '%s: an undamaged copy keeps every record (the targets are not vacuous)',
    async (_name, format) => {
      const r = await ingestDamaged(tmpdir(), format, { kind: 'none' }, 0);
      expect(r.captures).toBe(format.file().ranges.length);
      expect(r.captures).toBe(r.atLeast);
    },
  );
});
