import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('ingest over HTTP', () => {
  let dir: string;
  let web: string;
  let server: Server;
  let base: string;
  let requests = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-url-'));
    web = join(dir, 'web');
    const g = await runCli(['generate', '--out', web, '--pages', '200', '--seed', '9']);
    expect(g.code, g.stderr).toBe(0);
    server = createServer((req, res) => {
      requests++;
      const path = join(web, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!path.startsWith(web) || !path.endsWith('.warc.gz') || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/gzip' });
      createReadStream(path)
        .on('error', () => res.destroy())
        .pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads a Common Crawl style path list with --base-url like the local files', async () => {
    const files = (await readdir(web, { recursive: true }))
      .filter((f) => f.endsWith('.warc.gz'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const list = join(dir, 'warc.paths.gz');
    await writeFile(
      list,
      gzipSync(`${files.map((f) => relative(web, join(web, f))).join('\n')}\n`),
    );

    const local = join(dir, 'local.duckdb');
    expect((await runCli(['ingest', '--db', local, `${web}/snapshot-*/*.warc.gz`])).code).toBe(0);
    const remote = join(dir, 'remote.duckdb');
    const r = await runCli(['ingest', '--db', remote, '--base-url', base, list]);
    expect(r.code, r.stderr).toBe(0);
    expect(requests).toBeGreaterThanOrEqual(files.length);
    const a = (await runCli(['export', '--captures', '--db', local])).stdout;
    const b = (await runCli(['export', '--captures', '--db', remote])).stdout;
    expect(a.length).toBeGreaterThan(0);
    expect(b === a).toBe(true);
  });

  it('reports a URL the server refuses and exits 1', async () => {
    const r = await runCli(['ingest', '--db', join(dir, 'x.duckdb'), `${base}missing.warc.gz`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/404/);
  });

  it('refuses a path list without --base-url', async () => {
    const list = join(dir, 'other.paths.gz');
    await writeFile(list, gzipSync('a/b.warc.gz\n'));
    const r = await runCli(['ingest', '--db', join(dir, 'y.duckdb'), list]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/base-url/);
  });
});
