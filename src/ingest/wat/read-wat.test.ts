import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunksOf, collect } from '../../../test/helpers/warc-bytes.js';
import { watFile, watFixture } from '../../../test/helpers/wat-bytes.js';
import { readWat, type WatReadStats } from './read-wat.js';

const DOCS = ['html-page.json', 'request.json', 'redirect.json', 'not-found.json'].map(watFixture);

describe('readWat', () => {
  it('yields captures for response JSON and skips the rest, with member offsets', async () => {
    const file = watFile(DOCS);
    const stats: WatReadStats = { invalidLinks: 0 };
    const items = await collect(readWat(chunksOf(file.bytes, 333), { stats }));
    expect(items.map((i) => [i.kind, i.index, i.offset])).toEqual([
      ['skipped', 0, file.offsets[0]],
      ['capture', 1, file.offsets[1]],
      ['skipped', 2, file.offsets[2]],
      ['capture', 3, file.offsets[3]],
      ['capture', 4, file.offsets[4]],
    ]);
    expect(items[1]?.kind === 'capture' && items[1].capture.links).toHaveLength(10);
    expect(stats.invalidLinks).toBe(3);
  });

  it('reports bad JSON as an error and goes on', async () => {
    const file = watFile([DOCS[0], '{"Envelope": {"WARC-Header', DOCS[2]]);
    const items = await collect(readWat(chunksOf(file.bytes)));
    expect(items.map((i) => i.kind)).toEqual(['skipped', 'capture', 'error', 'capture']);
    expect(items[2]).toMatchObject({
      offset: file.offsets[2],
      message: expect.stringContaining('bad WAT JSON'),
    });
  });

  it('reads a whole-file gzip WAT and a plain one', async () => {
    const file = watFile(DOCS);
    const plain = zlib.gunzipSync(file.bytes);
    for (const bytes of [plain, zlib.gzipSync(plain)]) {
      const items = await collect(readWat(chunksOf(bytes)));
      expect(items.map((i) => i.kind)).toEqual([
        'skipped',
        'capture',
        'skipped',
        'capture',
        'capture',
      ]);
    }
  });

  it('reports a corrupt member and reads the records after it', async () => {
    const file = watFile(DOCS);
    const bytes = Buffer.from(file.bytes);
    const start = file.offsets[1] as number;
    for (let i = start + 20; i < start + 60; i++) bytes[i] = 0;
    const items = await collect(readWat(chunksOf(bytes)));
    expect(items.map((i) => [i.kind, i.offset])).toEqual([
      ['skipped', file.offsets[0]],
      ['error', start],
      ['skipped', file.offsets[2]],
      ['capture', file.offsets[3]],
      ['capture', file.offsets[4]],
    ]);
  });
});
