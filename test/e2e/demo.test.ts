import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeExploreParams } from '../../src/api/native/explore-params.js';
import { startCli } from './run-cli.js';

interface Envelope {
  status_code: number;
  tasks: Array<{ status_code: number; result: Array<{ total_count: number; items: unknown[] }> }>;
}

describe('linkgap demo', () => {
  it('builds, serves on loopback and prints a curl command that returns link gaps', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linkgap-demo-'));
    const child = startCli([
      'demo',
      '--db',
      join(dir, 'demo.duckdb'),
      '--dir',
      join(dir, 'web'),
      '--pages',
      '600',
      '--port',
      '0',
    ]);
    let out = '';
    let err = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const explorerPrefix = 'Open the link-gap explorer in your browser: ';
    const [curl, explorer] = await new Promise<[string, string]>((resolve, reject) => {
      child.stdout?.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const lines = out.split('\n');
        const line = lines.find((l) => l.trim().startsWith('curl -s http'));
        const open = lines.find((l) => l.startsWith(explorerPrefix) && out.endsWith('\n'));
        if (line !== undefined && open !== undefined) {
          resolve([line.trim(), open.slice(explorerPrefix.length).trim()]);
        }
      });
      void exited.then(() => reject(new Error(`demo ended early:\n${out}\n${err}`)));
    });
    // curl -s URL -H 'Content-Type: application/json' -d 'BODY'
    const m = /^curl -s (\S+) -H '([^']+)' -d '(.+)'$/.exec(curl);
    expect(m, curl).not.toBeNull();
    const [, url = '', header = '', body = ''] = m ?? [];
    const [name = '', value = ''] = header.split(': ');
    const res = await fetch(url, { method: 'POST', headers: { [name]: value }, body });
    expect(res.status).toBe(200);
    const env = (await res.json()) as Envelope;
    expect(env.status_code).toBe(20000);
    expect(env.tasks[0]?.status_code).toBe(20000);
    expect(env.tasks[0]?.result[0]?.total_count).toBeGreaterThan(0);
    expect(url.startsWith('http://127.0.0.1:')).toBe(true);

    // The last line: the explorer, preset with a question that has answers.
    expect(out.trimEnd().split('\n').at(-1)).toBe(`${explorerPrefix}${explorer}`);
    const page = await fetch(explorer);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const { query } = decodeExploreParams(new URL(explorer).searchParams);
    const origin = new URL(explorer).origin;
    const prospects = await fetch(`${origin}/api/v1/prospects`, {
      method: 'POST',
      body: JSON.stringify({ query, limit: 5 }),
    });
    expect(prospects.status).toBe(200);
    expect(((await prospects.json()) as { total: number }).total).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
