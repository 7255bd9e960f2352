/**
 * An append-only UTF-8 byte buffer for building NDJSON without intermediate strings: ASCII is
 * copied char by char, constants are pre-encoded, and full buffers spill to a callback. Writing
 * bytes directly avoids V8 rope flattening, which dominated the cost of string building.
 */

const DEFAULT_BYTES = 4 << 20;
const NATIVE_FROM = 40;
// Past a dozen bytes TypedArray#set beats a JS copy loop.
const SET_FROM = 12;
const encoder = new TextEncoder();

/** Node's own UTF-8 writer, without the argument juggling of `Buffer#write` (a hot path). */
interface NodeBufferWriters {
  utf8Write?: (s: string, offset: number) => number;
}

const nativeUtf8Write = (Buffer.prototype as unknown as NodeBufferWriters).utf8Write;

function utf8Write(buf: Buffer, s: string, offset: number): number {
  return nativeUtf8Write === undefined
    ? buf.write(s, offset, 'utf8')
    : nativeUtf8Write.call(buf, s, offset);
}

/** Pre-encode a constant for {@link ByteSink.bytes}. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** A growable byte buffer that hands full chunks to `spill`. */
export class ByteSink {
  buf: Buffer;
  pos = 0;
  readonly #spill: (bytes: Buffer) => void;

  constructor(spill: (bytes: Buffer) => void, size = DEFAULT_BYTES) {
    this.buf = Buffer.allocUnsafe(size);
    this.#spill = spill;
  }

  /** Make room for `n` more bytes, spilling what is buffered. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  /** Append a string as UTF-8. */
  text(s: string): void {
    const n = s.length;
    this.reserve(n * 3);
    // Native encoding pays off past a few dozen characters; a JS loop is faster below.
    if (n >= NATIVE_FROM) {
      this.pos += utf8Write(this.buf, s, this.pos);
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        p += utf8Write(buf, s.slice(i), p);
        break;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Append pre-encoded bytes. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.reserve(n);
    if (n > SET_FROM) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i] as number;
    this.pos = p;
  }

  /** Append a non-negative integer in decimal. */
  int(v: number): void {
    this.text(String(v));
  }

  /** A copy of the bytes written since `from` (for memoising a fragment). */
  copyFrom(from: number): Uint8Array {
    return Uint8Array.prototype.slice.call(this.buf, from, this.pos);
  }

  /** Hand everything buffered to `spill`. */
  flush(): void {
    if (this.pos === 0) return;
    this.#spill(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}
