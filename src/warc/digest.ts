/**
 * WARC digests: `sha1:<BASE32>` (RFC 4648 base32 of the SHA-1), as WARC-Block-Digest and
 * WARC-Payload-Digest are written by Heritrix, wget and Common Crawl.
 */
import { createHash } from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with `=` padding (none is needed for 20-byte SHA-1 digests). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * `sha1:<BASE32>` of the concatenation of `parts`.
 * @example sha1Digest(Buffer.from('')) // 'sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ'
 */
export function sha1Digest(...parts: Uint8Array[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return `sha1:${base32(h.digest())}`;
}
