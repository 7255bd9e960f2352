import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  captureFields,
  chunked,
  chunksOf,
  collect,
  gzipPerRecord,
  httpResponse,
  plainFile,
  warcRecord,
} from '../../../test/helpers/warc-bytes.js';
import { readWarc } from './read-warc.js';

function records(): Buffer[] {
  const out: Buffer[] = [warcRecord({ type: 'warcinfo', block: 'software: fuzz\r\n' })];
  for (let n = 0; n < 12; n++) {
    const body = `<html><a href="/p${n}">link ${n}</a>${'text '.repeat(n * 40)}</html>`;
    const headers: Array<[string, string]> = [
      ['Transfer-Encoding', 'chunked'],
      ['Content-Encoding', 'gzip'],
    ];
    out.push(
      warcRecord({
        type: n % 4 === 3 ? 'revisit' : 'response',
        fields: captureFields(`http://fuzz.example/${n}`),
        block: httpResponse(200, headers, chunked(zlib.gzipSync(body), 50)),
      }),
    );
  }
  return out;
}

/** Deterministic pseudo-random generator. */
function rng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

function mutate(bytes: Buffer, seed: number): Buffer {
  const rand = rng(seed);
  const out = Buffer.from(bytes);
  const kind = rand(3);
  if (kind === 0) {
    for (let i = 0; i < 1 + rand(20); i++) out[rand(out.length)] = rand(256);
    return out;
  }
  if (kind === 1) {
    const at = rand(out.length);
    return Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + rand(400))]);
  }
  return out.subarray(0, rand(out.length));
}

describe('readWarc on mutated files', () => {
  const layouts = {
    'gzip per record': gzipPerRecord(records()).bytes,
    'whole-file gzip': zlib.gzipSync(Buffer.concat(records())),
    plain: plainFile(records()).bytes,
  };
  for (const [name, bytes] of Object.entries(layouts)) {
    it(`never throws and keeps indexes dense (${name})`, async () => {
      for (let seed = 1; seed <= 150; seed++) {
        const items = await collect(readWarc(chunksOf(mutate(bytes, seed), 1 + (seed % 997))));
        expect(items.map((i) => i.index)).toEqual(items.map((_, i) => i));
        expect(items.length).toBeLessThanOrEqual(13 + 20);
      }
    });
  }
});
