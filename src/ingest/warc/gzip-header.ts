/**
 * The gzip member header (RFC 1952 §2.3): what a member decoder must skip before the raw deflate
 * data starts, and the check used to recognise a member start while resynchronising.
 */

/** Outcome of reading one gzip member header. */
export type GzipHeaderResult =
  | { kind: 'ok'; length: number }
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: string };

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED = 0xe0;

/** True when `buf[pos..]` starts with the gzip magic and deflate method (`1f 8b 08`). */
export function isGzipMagic(buf: Uint8Array, pos = 0): boolean {
  return buf[pos] === 0x1f && buf[pos + 1] === 0x8b && buf[pos + 2] === 0x08;
}

/**
 * Length of the gzip header at `buf[pos]` (10 bytes plus optional extra field, file name,
 * comment and header CRC). `incomplete` when the buffer ends inside the header.
 */
export function parseGzipHeader(buf: Uint8Array, pos: number): GzipHeaderResult {
  if (buf.length - pos < 10) return { kind: 'incomplete' };
  if (!isGzipMagic(buf, pos)) return { kind: 'invalid', reason: 'no gzip magic' };
  const flags = buf[pos + 3] ?? 0;
  if ((flags & RESERVED) !== 0) return { kind: 'invalid', reason: 'reserved gzip flags set' };
  let p = pos + 10;
  if ((flags & FEXTRA) !== 0) {
    if (buf.length - p < 2) return { kind: 'incomplete' };
    p += 2 + ((buf[p] ?? 0) | ((buf[p + 1] ?? 0) << 8));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if ((flags & flag) === 0) continue;
    const end = buf.indexOf(0, p);
    if (end < 0) return { kind: 'incomplete' };
    p = end + 1;
  }
  if ((flags & FHCRC) !== 0) p += 2;
  if (p > buf.length) return { kind: 'incomplete' };
  return { kind: 'ok', length: p - pos };
}
