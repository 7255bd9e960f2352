import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzipMagic, parseGzipHeader } from './gzip-header.js';

describe('parseGzipHeader', () => {
  it('measures a plain 10-byte header', () => {
    expect(parseGzipHeader(zlib.gzipSync('x'), 0)).toEqual({ kind: 'ok', length: 10 });
  });
  it('skips the extra field, file name, comment and header CRC', () => {
    const header = Buffer.from([
      0x1f, 0x8b, 0x08, 0x1e, 0, 0, 0, 0, 0, 3, 2, 0, 0x41, 0x42, 0x61, 0, 0x63, 0, 0xaa, 0xbb,
    ]);
    expect(parseGzipHeader(header, 0)).toEqual({ kind: 'ok', length: 20 });
    expect(parseGzipHeader(header.subarray(0, 15), 0)).toEqual({ kind: 'incomplete' });
  });
  it('refuses other bytes and reserved flags', () => {
    expect(parseGzipHeader(Buffer.from('WARC/1.0\r\n'), 0).kind).toBe('invalid');
    const reserved = Buffer.from([0x1f, 0x8b, 0x08, 0x80, 0, 0, 0, 0, 0, 3]);
    expect(parseGzipHeader(reserved, 0).kind).toBe('invalid');
    expect(isGzipMagic(Buffer.from([0x1f, 0x8b, 0x07]))).toBe(false);
  });
});
