import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32, sha1Digest } from './digest.js';

describe('sha1Digest', () => {
  it('writes the base32 SHA-1 of the empty string as WARC tools do', () => {
    expect(sha1Digest(Buffer.alloc(0))).toBe('sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ');
  });

  it('digests the concatenation of its parts', () => {
    const whole = createHash('sha1').update('head\r\n\r\nbody').digest();
    expect(sha1Digest(Buffer.from('head\r\n\r\n'), Buffer.from('body'))).toBe(
      `sha1:${base32(whole)}`,
    );
  });

  it('pads base32 to a multiple of 8 characters (RFC 4648)', () => {
    expect(base32(Buffer.from('f'))).toBe('MY======');
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI======');
  });
});
