/**
 * `npm run bench -- fuzz`: the fuzz targets of the test suites at length — the DataForSEO task
 * parser (every field and the whole task, both endpoints), every HTTP front on a real index, and
 * ingest of damaged WARC, WAT and NDJSON files. Prints cases, failures and cases/s per target;
 * the first failure of a target is printed with its counterexample and fails the run (exit 1).
 */
import { createApp } from '../src/api/app.js';
import { createJsonLogger } from '../src/api/logger.js';
import { fuzzCaptures, fuzzTarget, fuzzTargets } from '../test/fuzz/http-targets.js';
import { fuzzIngest, INGEST_FORMATS } from '../test/fuzz/ingest-targets.js';
import { fuzzParseTask, PARSE_FIELDS } from '../test/fuzz/parse-targets.js';
import { AUTH, authConfig } from '../test/helpers/api-fixtures.js';
import { buildCapturesIndex } from '../test/helpers/captures-index.js';

export interface FuzzBenchOptions {
  /** Cases per parser property and per HTTP front. */
  runs: number;
  /** Cases per ingest format (each is a file through the pipeline: slower). */
  ingestRuns: number;
  seed: number;
}

interface Row {
  target: string;
  cases: number;
  failures: number;
  seconds: number;
}

async function measure(target: string, run: () => Promise<number> | number): Promise<Row> {
  const started = performance.now();
  try {
    const cases = await run();
    return { target, cases, failures: 0, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    console.error(`${target}: FAILED\n${error instanceof Error ? error.message : String(error)}`);
    return { target, cases: 0, failures: 1, seconds: (performance.now() - started) / 1000 };
  }
}

export async function benchFuzz(opts: FuzzBenchOptions): Promise<boolean> {
  const rows: Row[] = [];
  const report = (r: Row) => {
    rows.push(r);
    const rate = r.seconds > 0 ? Math.round(r.cases / r.seconds) : 0;
    console.log(
      `${r.target.padEnd(52)} ${String(r.cases).padStart(8)} cases  ${r.failures} failures  ${rate}/s`,
    );
  };
  console.log(
    `fuzz: seed ${opts.seed}, ${opts.runs} cases per parser property and HTTP front, ${opts.ingestRuns} per ingest format`,
  );
  for (const endpoint of ['page_intersection', 'domain_intersection'] as const) {
    for (const field of PARSE_FIELDS) {
      report(
        await measure(`parseTask ${endpoint} ${field ?? '(whole task)'}`, () =>
          fuzzParseTask(endpoint, field, { runs: opts.runs, seed: opts.seed }),
        ),
      );
    }
  }
  const built = await buildCapturesIndex('bench-fuzz', fuzzCaptures());
  const errors: string[] = [];
  try {
    const app = createApp({
      engine: built.engine,
      auth: authConfig(),
      rateLimit: 1_000_000_000,
      logger: createJsonLogger((line) => {
        if (line.includes('"level":"error"')) errors.push(line);
      }),
    });
    for (const target of fuzzTargets(AUTH)) {
      report(
        await measure(`HTTP ${target.name}`, () =>
          fuzzTarget(app, target, { runs: opts.runs, seed: opts.seed }),
        ),
      );
    }
  } finally {
    await built.close();
  }
  for (const format of INGEST_FORMATS) {
    report(
      await measure(`ingest ${format.name}`, () =>
        fuzzIngest(format, { runs: opts.ingestRuns, seed: opts.seed }),
      ),
    );
  }
  const cases = rows.reduce((n, r) => n + r.cases, 0);
  const failures = rows.reduce((n, r) => n + r.failures, 0) + errors.length;
  for (const e of errors.slice(0, 5)) console.error(`logged as an internal error: ${e}`);
  console.log(
    `fuzz: ${cases} cases over ${rows.length} targets, ${failures} failures, ${errors.length} internal errors logged`,
  );
  return failures === 0;
}
