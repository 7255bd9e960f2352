import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const curl = await new Promise<string>((resolve, reject) => {
      child.stdout?.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const line = out.split('\n').find((l) => l.trim().startsWith('curl -s http'));
        if (line !== undefined) resolve(line.trim());
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
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
