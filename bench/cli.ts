/**
 * Runs the built CLI for benchmarks, so figures measure what users run (worker threads
 * included); `pinned` restricts it to one core with taskset.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join('dist', 'cli', 'main.js');

/** Build the CLI once per bench run. */
export function buildCli(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

/** `linkgap ingest --json` into a fresh database; returns its summary. */
export async function cliIngest(
  inputs: string[],
  workers: number,
  pinned: boolean,
  db?: string,
): Promise<{ records: number; captures: number; links: number; seconds: number; bytes: number }> {
  const dir = db === undefined ? mkdtempSync(join(tmpdir(), 'linkgap-bench-')) : undefined;
  const path = db ?? join(dir as string, 'bench.duckdb');
  const args = [CLI, 'ingest', '--json', '--workers', String(workers), '--db', path, ...inputs];
  try {
    const out = pinned
      ? execFileSync('taskset', ['-c', '0', process.execPath, ...args], { encoding: 'utf8' })
      : execFileSync(process.execPath, args, { encoding: 'utf8' });
    return JSON.parse(out);
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}
