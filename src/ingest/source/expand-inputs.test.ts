import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../../test/helpers/warc-bytes.js';
import { expandInputs } from './expand-inputs.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'linkgap-inputs-'));
  await mkdir(path.join(dir, 'crawl', 'b'), { recursive: true });
  await mkdir(path.join(dir, 'crawl', '.cache'), { recursive: true });
  for (const [name, body] of [
    ['crawl/b/2.warc.gz', 'xx'],
    ['crawl/a.warc.gz', 'x'],
    ['crawl/c.wat.gz', 'xxx'],
    ['crawl/.hidden', 'x'],
    ['crawl/.cache/x.warc', 'x'],
    ['mirror/seg/1.warc.gz', 'abcd'],
    ['mirror/seg/2.warc.gz', 'ab'],
  ] as const) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  await writeFile(
    path.join(dir, 'warc.paths.gz'),
    zlib.gzipSync('seg/1.warc.gz\n\n# comment\nseg/2.warc.gz\n'),
  );
});

describe('expandInputs', () => {
  it('expands directories recursively in path order, skipping dot-files', async () => {
    const refs = await collect(expandInputs([path.join(dir, 'crawl')]));
    expect(refs).toEqual([
      { kind: 'file', path: path.join(dir, 'crawl/a.warc.gz'), size: 1 },
      { kind: 'file', path: path.join(dir, 'crawl/b/2.warc.gz'), size: 2 },
      { kind: 'file', path: path.join(dir, 'crawl/c.wat.gz'), size: 3 },
    ]);
  });

  it('expands globs sorted and keeps files and URLs in argument order', async () => {
    const refs = await collect(
      expandInputs([
        'https://data.example.org/x.warc.gz',
        path.join(dir, 'crawl/**/*.warc.gz'),
        path.join(dir, 'crawl/c.wat.gz'),
      ]),
    );
    expect(refs).toEqual([
      { kind: 'url', url: 'https://data.example.org/x.warc.gz' },
      { kind: 'file', path: path.join(dir, 'crawl/a.warc.gz'), size: 1 },
      { kind: 'file', path: path.join(dir, 'crawl/b/2.warc.gz'), size: 2 },
      { kind: 'file', path: path.join(dir, 'crawl/c.wat.gz'), size: 3 },
    ]);
  });

  it('joins path-list lines to an http base URL or a local mirror', async () => {
    const list = path.join(dir, 'warc.paths.gz');
    expect(
      await collect(expandInputs([list], { baseUrl: 'https://data.commoncrawl.org/' })),
    ).toEqual([
      { kind: 'url', url: 'https://data.commoncrawl.org/seg/1.warc.gz' },
      { kind: 'url', url: 'https://data.commoncrawl.org/seg/2.warc.gz' },
    ]);
    expect(await collect(expandInputs([list], { baseUrl: path.join(dir, 'mirror') }))).toEqual([
      { kind: 'file', path: path.join(dir, 'mirror/seg/1.warc.gz'), size: 4 },
      { kind: 'file', path: path.join(dir, 'mirror/seg/2.warc.gz'), size: 2 },
    ]);
  });

  it('requires a base URL for path lists', async () => {
    await expect(collect(expandInputs([path.join(dir, 'warc.paths.gz')]))).rejects.toMatchObject({
      code: 'BASE_URL_REQUIRED',
      message: expect.stringContaining('--base-url'),
    });
  });

  it('names every missing input in one error before yielding anything', async () => {
    const refs = expandInputs([
      path.join(dir, 'crawl'),
      path.join(dir, 'nope.warc'),
      path.join(dir, '*.nothing'),
    ]);
    const error = await refs.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INPUT_NOT_FOUND' });
    expect((error as Error).message).toBe(
      `2 inputs not found:\n  ${path.join(dir, 'nope.warc')}\n  ${path.join(dir, '*.nothing')} (no match)`,
    );
  });
});

describe('expandInputs with a remote path list', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) =>
      res.end(zlib.gzipSync('crawl-data/a.warc.gz\ncrawl-data/b.warc.gz\n')),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crawl-data/CC-MAIN-2024-22/warc.paths.gz`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fetches the list and joins its lines', async () => {
    const refs = await collect(expandInputs([url], { baseUrl: 'https://data.commoncrawl.org' }));
    expect(refs).toEqual([
      { kind: 'url', url: 'https://data.commoncrawl.org/crawl-data/a.warc.gz' },
      { kind: 'url', url: 'https://data.commoncrawl.org/crawl-data/b.warc.gz' },
    ]);
  });
});
