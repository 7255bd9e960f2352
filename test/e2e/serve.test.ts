/**
 * `linkgap serve` as a process: startup checks and exit codes, auth, /health, switching to a new
 * index generation while serving, clean shutdown.
 */

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createAuthConfig, hashSecret } from '../../src/api/auth.js';
import { CLI, runCli } from './run-cli.js';
import {
  buildTestIndex,
  startServe,
  type TestIndex,
  writeIndexGeneration,
} from './serve-harness.js';

const NO_CREDENTIALS = { LINKGAP_API_KEYS: '', LINKGAP_CONFIG: '' };

interface Health {
  status: string;
  generation: string;
  builtAt: string;
  counts: { links: number; pages: number; domains: number };
}

describe('linkgap serve', () => {
  let dir: string;
  let index: TestIndex;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-serve-'));
    index = await buildTestIndex(dir, 200, 11);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('refuses to start', () => {
    it('with --no-auth on a non-loopback host (exit 2)', async () => {
      const r = await runCli(
        ['serve', '--db', index.db, '--no-auth', '--host', '0.0.0.0'],
        NO_CREDENTIALS,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--no-auth is only allowed on a loopback host');
    });

    it('without credentials and without --no-auth (exit 2)', async () => {
      const r = await runCli(['serve', '--db', index.db], NO_CREDENTIALS);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no credentials configured');
    });

    it('with an invalid config file (exit 2)', async () => {
      const config = join(dir, 'bad.json');
      await writeFile(config, '{"credentials":[{"login":"a"}]}');
      const r = await runCli(['serve', '--db', index.db, '--config', config], NO_CREDENTIALS);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("exactly one of 'password' or 'password_hash'");
    });

    it('with a bad option value (exit 2)', async () => {
      const r = await runCli(['serve', '--db', index.db, '--port', 'http'], NO_CREDENTIALS);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--port must be a whole number');
    });

    it('without an index (exit 1, no stack trace)', async () => {
      const r = await runCli(
        ['serve', '--db', join(dir, 'none.duckdb'), '--no-auth'],
        NO_CREDENTIALS,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('linkgap build');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('serves with a config file, follows a new generation and stops on SIGTERM', async () => {
    const config = join(dir, 'serve.json');
    await writeFile(
      config,
      JSON.stringify({
        credentials: [
          { login: 'ops', password_hash: hashSecret('ops-secret') },
          { name: 'ci', token: 'tok-e2e' },
        ],
        price: { base: 0.02, per_item: 0.00003 },
      }),
    );
    const serve = await startServe(
      ['--db', index.db, '--config', config, '--reload-interval', '100'],
      NO_CREDENTIALS,
    );
    try {
      const health = (await (await fetch(`${serve.url}/health`)).json()) as Health;
      expect(health.status).toBe('ok');
      expect(health.counts.links).toBeGreaterThan(0);

      const task = [{ targets: { '1': index.topDomains[0], '2': index.topDomains[1] }, limit: 3 }];
      const post = (headers: Record<string, string>) =>
        fetch(`${serve.url}/v3/backlinks/page_intersection/live`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(task),
        });
      expect((await post({})).status).toBe(401);
      const basic = await post({
        Authorization: `Basic ${Buffer.from('ops:ops-secret').toString('base64')}`,
      });
      expect(basic.status).toBe(200);
      const env = (await basic.json()) as {
        tasks: Array<{ status_code: number; cost: number; result: Array<{ items_count: number }> }>;
      };
      expect(env.tasks[0]?.status_code).toBe(20000);
      expect(env.tasks[0]?.cost).toBe(
        Math.round((0.02 + 0.00003 * (env.tasks[0]?.result[0]?.items_count ?? 0)) * 1e10) / 1e10,
      );
      expect((await post({ Authorization: 'Bearer tok-e2e' })).status).toBe(200);

      const next = await writeIndexGeneration(index.db);
      expect(next.generation).not.toBe(health.generation);
      let served = health.generation;
      for (let i = 0; i < 300 && served !== next.generation; i++) {
        await new Promise((r) => setTimeout(r, 50));
        served = ((await (await fetch(`${serve.url}/health`)).json()) as Health).generation;
      }
      expect(served).toBe(next.generation);
      expect((await post({ Authorization: 'Bearer tok-e2e' })).status).toBe(200);
      expect(serve.stderr()).not.toMatch(/ops-secret|tok-e2e/);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('rotates credentials on SIGHUP without a restart, keeping them when the file is broken', async () => {
    const config = join(dir, 'rotate.json');
    const write = (credentials: unknown[]) => writeFile(config, JSON.stringify({ credentials }));
    await write([{ login: 'old', password: 'old-secret' }]);
    const serve = await startServe(['--db', index.db, '--config', config], NO_CREDENTIALS);
    const status = async (login: string, password: string) =>
      (
        await fetch(`${serve.url}/metrics`, {
          headers: {
            Authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`,
          },
        })
      ).status;
    const hup = async (logged: string) => {
      const seen = serve.stderr().split(logged).length;
      serve.child.kill('SIGHUP');
      for (let i = 0; i < 100 && serve.stderr().split(logged).length === seen; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      expect(await status('old', 'old-secret')).toBe(200);
      await write([{ login: 'new', password_hash: hashSecret('new-secret') }]);
      await hup('credentials reloaded');
      expect(await status('old', 'old-secret')).toBe(401);
      expect(await status('new', 'new-secret')).toBe(200);
      await writeFile(config, '{"credentials": [');
      await hup('credentials not reloaded');
      expect(await status('new', 'new-secret')).toBe(200);
      expect(serve.stderr()).not.toContain('new-secret');
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  }, 60_000);

  it('hash-secret prints a hash that authenticates the secret from stdin', async () => {
    const child = spawn(process.execPath, [CLI, 'hash-secret'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stdin.end('pw-from-stdin\n');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    const hash = out.trim();
    expect(hash).toMatch(/^sha256:[0-9a-f]{32}:[0-9a-f]{64}$/);
    const auth = createAuthConfig([{ login: 'u', password_hash: hash }]);
    if (!auth.ok) throw new Error(auth.message);
    const header = (p: string) => `Basic ${Buffer.from(`u:${p}`).toString('base64')}`;
    expect(authenticate(auth.value, header('pw-from-stdin')).ok).toBe(true);
    expect(authenticate(auth.value, header('pw-from-stdin\n')).ok).toBe(false);
  });

  it('serves without auth on loopback with --no-auth', async () => {
    const serve = await startServe(['--db', index.db, '--no-auth'], NO_CREDENTIALS);
    try {
      const r = await fetch(`${serve.url}/v3/backlinks/domain_intersection/live`, {
        method: 'POST',
        body: JSON.stringify({ targets: { '1': index.topDomains[0] } }),
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { status_code: number }).status_code).toBe(20000);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});
