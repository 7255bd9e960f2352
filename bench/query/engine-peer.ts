/**
 * Our engine as a bench peer: `engine-child.ts` in a child process (so its RSS is the index's
 * alone), fed the classes through a job file, its report parsed from the last stdout line.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EngineChildJob, EngineChildReport } from './engine-child.js';

const run = promisify(execFile);

/** Run the engine child over `indexRoot`; `jobFile` is written to pass it the job. */
export async function runEngineChild(
  indexRoot: string,
  job: EngineChildJob,
  jobFile: string,
): Promise<EngineChildReport> {
  writeFileSync(jobFile, JSON.stringify(job));
  const child = join('bench', 'query', 'engine-child.ts');
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', child, indexRoot, jobFile],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as EngineChildReport;
}
