import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.js';

/** Start an ingest, kill it with SIGKILL once `batches` batches were reported stored. */
function ingestAndKill(db: string, input: string, batches: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startCli(['ingest', '--db', db, '--batch', '50', '--workers', '1', input], {
      LINKGAP_PROGRESS_MS: '0',
    });
    let seen = 0;
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      seen += (d.match(/^ingest: /gm) ?? []).length;
      if (seen >= batches && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error('ingest finished before it was killed')),
    );
  });
}

describe('ingest killed mid-file and restarted', () => {
  let dir: string;
  let web: string;
  let warcs: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-resume-'));
    web = join(dir, 'web');
    warcs = `${web}/snapshot-*/*.warc.gz`;
    const g = await runCli([
      'generate',
      '--out',
      web,
      '--pages',
      '1200',
      '--snapshots',
      '1',
      '--seed',
      '5',
    ]);
    expect(g.code, g.stderr).toBe(0);
  });

  it('ends with exactly the captures of one clean run', async () => {
    const clean = join(dir, 'clean.duckdb');
    expect((await runCli(['ingest', '--db', clean, warcs])).code).toBe(0);
    const want = (await runCli(['export', '--captures', '--db', clean])).stdout;
    const total = want.split('\n').filter(Boolean).length;

    const killed = join(dir, 'killed.duckdb');
    await ingestAndKill(killed, warcs, 3);
    const partial = JSON.parse((await runCli(['stats', '--json', '--db', killed])).stdout) as {
      captures: number;
    };
    expect(partial.captures).toBeGreaterThan(0);
    expect(partial.captures).toBeLessThan(total);

    const resumed = await runCli(['ingest', '--db', killed, '--json', warcs]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).duplicates).toBe(0);
    const got = (await runCli(['export', '--captures', '--db', killed])).stdout;
    expect(got === want).toBe(true);
  });
});
