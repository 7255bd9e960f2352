/**
 * `kill -9` during `linkgap build`, at several points (the store's build steps, the index
 * write): the previous generation keeps serving with the same answers, and the next build
 * completes and publishes a generation with the answers a clean build gives. `kill -9` during
 * `linkgap serve` under load loses nothing: a new server answers the same from intact files.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexRootFor, readCurrent } from '../../src/link-index/index.js';
import { runCli, startCli } from './run-cli.js';
import { startServe } from './serve-harness.js';

/** Start a build and SIGKILL it at the `at`-th progress line matching `prefix`. */
function buildAndKill(db: string, prefix: string, at: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = startCli(['build', '--db', db], { LINKGAP_PROGRESS_MS: '0' });
    let seen = 0;
    let last = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      for (const line of d.split('\n')) {
        if (!line.startsWith(prefix)) continue;
        seen++;
        last = line;
        if (seen === at && child.exitCode === null) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`build finished first (${last})`)),
    );
  });
}

let dir = '';
let db = '';
let topDomains: string[] = [];

async function cli(args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code, `linkgap ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

async function gap(): Promise<unknown> {
  const [a = '', b = ''] = topDomains;
  return JSON.parse(await cli(['gap', '--db', db, '--target', a, '--target', b, '--json']));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkgap-build-crash-'));
  db = join(dir, 'web.duckdb');
  const web = join(dir, 'web');
  await cli(['generate', '--out', web, '--pages', '400', '--seed', '4', '--format', 'ndjson']);
  await cli(['ingest', '--db', db, join(web, 'snapshot-1'), join(web, 'snapshot-2')]);
  await cli(['build', '--db', db]);
  const m = JSON.parse(await readFile(join(web, 'manifest.json'), 'utf8')) as {
    topLinkedDomains: Array<{ domain: string }>;
  };
  topDomains = m.topLinkedDomains.map((d) => d.domain);
}, 180_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('kill -9 during build', () => {
  it.each([
    ['a store build step', 'build: ', 2],
    ['the swap of the built tables', 'build: publish', 1],
    ['the index write', 'build: index: ', 20],
  ])(
    'during %s leaves the previous generation serving; the next build completes',
    async (_what, prefix, at) => {
      const root = indexRootFor(db);
      const before = await readCurrent(root);
      const want = await gap();
      expect((want as { total_count: number }).total_count).toBeGreaterThan(0);
      const killedAt = await buildAndKill(db, prefix as string, at as number);
      expect(killedAt).toContain(prefix as string);
      expect(await readCurrent(root)).toBe(before);
      expect(await gap()).toEqual(want);
      await cli(['build', '--db', db]);
      const after = await readCurrent(root);
      expect(after).not.toBe(before);
      expect(await gap()).toEqual(want);
      // A half-written generation of the killed build is gone: the new one and the one before.
      const dirs = (await readdir(root)).filter((n) => n.startsWith('g-'));
      expect(dirs.sort()).toEqual([before, after].sort());
    },
    180_000,
  );
});

describe('kill -9 during serve', () => {
  it('under load loses nothing: a restarted server loads the same index and answers the same', async () => {
    const [a = '', b = ''] = topDomains;
    const body = JSON.stringify([{ targets: { '1': a, '2': b }, limit: 50 }]);
    const ask = async (url: string) => {
      const r = await fetch(`${url}/v3/backlinks/page_intersection/live`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return ((await r.json()) as { tasks: Array<{ result: unknown }> }).tasks[0]?.result;
    };
    const env = { LINKGAP_API_KEYS: '', LINKGAP_CONFIG: '' };
    const first = await startServe(['--db', db, '--no-auth'], env);
    const want = await ask(first.url);
    expect(JSON.stringify(want)).toContain('"total_count"');
    // Requests in flight when the process dies.
    const inFlight = Array.from({ length: 20 }, () => ask(first.url).catch(() => null));
    first.child.kill('SIGKILL');
    await Promise.all(inFlight);
    await first.stop();
    const second = await startServe(['--db', db, '--no-auth'], env);
    try {
      expect(await ask(second.url)).toEqual(want);
      expect(second.stderr()).not.toContain('INDEX_CORRUPT');
    } finally {
      await second.stop();
    }
  }, 60_000);
});
