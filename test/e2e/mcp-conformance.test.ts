/**
 * `@modelcontextprotocol/conformance` server scenarios against `/mcp` of `linkgap serve`.
 * The suite needs Node 22, so it and the `node@22` package are installed in a folder of their
 * own (never as devDependencies, which would put Node 22 first on every npm script's PATH);
 * without them the suite is skipped outside CI (.ci/run installs them):
 *   npm install --prefix .tmp/conformance --no-save @modelcontextprotocol/conformance@0.1.16 node@22
 * (or point LINKGAP_CONFORMANCE_DIR at such a folder).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, type ServeProcess, startServe } from './serve-harness.js';

const DIR =
  process.env.LINKGAP_CONFORMANCE_DIR ??
  fileURLToPath(new URL('../../.tmp/conformance', import.meta.url));
const NODE22 = join(DIR, 'node_modules/.bin/node');
const SUITE = join(DIR, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

const SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'logging-set-level',
  'dns-rebinding-protection',
];

/** Run one scenario; its exit code and output. */
function runScenario(url: string, scenario: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, [SUITE, 'server', '--url', url, '--scenario', scenario], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

// CI installs the suite (.ci/run): there a missing install is a failure, not a skip.
describe.skipIf(process.env.CI !== 'true' && (!existsSync(NODE22) || !existsSync(SUITE)))(
  'MCP conformance scenarios against linkgap serve',
  () => {
    let dir: string;
    let serve: ServeProcess;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'linkgap-mcp-conformance-'));
      const index = await buildTestIndex(dir, 100, 3);
      serve = await startServe(['--db', index.db, '--no-auth'], {
        LINKGAP_API_KEYS: '',
        LINKGAP_CONFIG: '',
      });
    });
    afterAll(async () => {
      await serve?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    for (const scenario of SCENARIOS) {
      it(`passes ${scenario}`, async () => {
        const r = await runScenario(`${serve.url}/mcp`, scenario);
        expect(r.out).toMatch(/Passed: (\d+)\/\1, 0 failed/);
        expect(r.code).toBe(0);
      });
    }
  },
);
