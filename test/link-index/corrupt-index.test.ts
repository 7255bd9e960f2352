/**
 * A damaged index generation is detected at load, with an error naming the file: a flipped
 * byte (checksum), a truncated file (size), a missing file, a broken manifest. The CLI reports
 * it as a failure (exit 1, no stack trace).
 */
import { copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/link-index/format.js';
import {
  indexRootFor,
  LinkIndexError,
  loadLinkIndex,
  readCurrent,
} from '../../src/link-index/index.js';
import { runCli } from '../e2e/run-cli.js';
import { buildCapturesIndex, type CapturesIndex } from '../helpers/captures-index.js';

let built: CapturesIndex | undefined;
let root = '';
let dir = '';
let manifest: Manifest;

beforeAll(async () => {
  built = await buildCapturesIndex('corrupt-index', [
    {
      url: 'https://s.example/p',
      fetched_at: '2026-03-01T00:00:00Z',
      status: 200,
      title: 'a page',
      links: [{ url: 'https://t.com/', item_type: 'anchor', anchor: 'see' }],
    },
  ]);
  root = indexRootFor(built.dbPath);
  dir = join(root, (await readCurrent(root)) as string);
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}, 120_000);

afterAll(async () => {
  await built?.close();
});

/** Damage `file` with `how`, expect the load to fail naming it, then put the file back. */
async function expectDetected(file: string, how: (path: string) => void, says: RegExp) {
  const path = join(dir, file);
  copyFileSync(path, `${path}.good`);
  try {
    how(path);
    const error = await loadLinkIndex(root).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LinkIndexError);
    expect((error as LinkIndexError).code).toBe('INDEX_CORRUPT');
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(says);
  } finally {
    copyFileSync(`${path}.good`, path);
    rmSync(`${path}.good`);
  }
}

describe('a damaged index generation', () => {
  it('records a CRC-32 of every column, heap and offsets file', () => {
    for (const e of Object.values(manifest.columns)) expect(e.crc32).toEqual(expect.any(Number));
    for (const e of Object.values(manifest.heaps)) {
      expect(e.crc32).toEqual(expect.any(Number));
      expect(e.offsetsCrc32).toEqual(expect.any(Number));
    }
  });

  it('is refused at load, naming the file', async () => {
    const column = Object.values(manifest.columns).find((e) => e.bytes > 0)?.file as string;
    const heap = Object.values(manifest.heaps).find((e) => e.bytes > 0) as {
      file: string;
      offsets: string;
    };
    const flip = (path: string) => {
      const b = readFileSync(path);
      b[0] = (b[0] as number) ^ 1;
      writeFileSync(path, b);
    };
    await expectDetected(column, flip, /does not match its checksum/);
    await expectDetected(heap.file, flip, /does not match its checksum/);
    await expectDetected(heap.offsets, (p) => truncateSync(p, 4), /is 4 bytes, the manifest says/);
    await expectDetected(column, (p) => rmSync(p), /is missing/);
    await expectDetected(
      'manifest.json',
      (p) => writeFileSync(p, '{"columns'),
      /not a valid manifest/,
    );
    // Put back, it loads again.
    expect((await loadLinkIndex(root)).manifest.generation).toBe(manifest.generation);
  });

  it('fails a CLI command with exit 1 and the file named, no stack trace', async () => {
    const column = Object.values(manifest.columns).find((e) => e.bytes > 0)?.file as string;
    const path = join(dir, column);
    copyFileSync(path, `${path}.good`);
    try {
      truncateSync(path, 0);
      const r = await runCli(['gap', '--db', (built as CapturesIndex).dbPath, '--target', 't.com']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(path);
      expect(r.stderr).toContain('rebuild the index with `linkgap build`');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      copyFileSync(`${path}.good`, path);
      rmSync(`${path}.good`);
    }
  });
});
