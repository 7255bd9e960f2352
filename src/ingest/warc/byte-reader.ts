/**
 * A buffered reader over an async byte source that knows the file offset of every byte it holds.
 * The gzip member decoder needs look-ahead (a whole member in one buffer for the fast path) and
 * the plain path needs the source's chunks as they come; both go through this.
 */

const EMPTY = Buffer.alloc(0);

/** Buffered look-ahead over `AsyncIterable<Uint8Array>`; offsets count bytes of the source. */
export class ByteReader {
  readonly #it: AsyncIterator<Uint8Array>;
  #buf: Buffer = EMPTY;
  #pos = 0;
  /** Source offset of `#buf[0]`. */
  #base = 0;
  #done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#it = source[Symbol.asyncIterator]();
  }

  /** The buffered bytes not consumed yet (a view: valid until the next `fill`). */
  get bytes(): Buffer {
    return this.#buf.subarray(this.#pos);
  }

  /** Number of buffered, unconsumed bytes. */
  get available(): number {
    return this.#buf.length - this.#pos;
  }

  /** Source offset of the first unconsumed byte. */
  get offset(): number {
    return this.#base + this.#pos;
  }

  /** True once the source is exhausted (buffered bytes may remain). */
  get ended(): boolean {
    return this.#done;
  }

  /**
   * Buffer at least `n` unconsumed bytes, fewer only at the end of the source. Returns whether
   * `n` bytes are available. Compacts consumed bytes away, so earlier views become stale.
   */
  async fill(n: number): Promise<boolean> {
    if (this.available >= n) return true;
    if (this.#done) return false;
    const parts: Buffer[] = [this.bytes];
    let total = this.available;
    while (total < n) {
      const next = await this.#it.next();
      if (next.done === true) {
        this.#done = true;
        break;
      }
      const chunk = toBuffer(next.value);
      parts.push(chunk);
      total += chunk.length;
    }
    this.#base += this.#pos;
    this.#buf = parts.length === 1 ? (parts[0] ?? EMPTY) : Buffer.concat(parts, total);
    this.#pos = 0;
    return total >= n;
  }

  /** Drop `n` buffered bytes (n ≤ available). */
  consume(n: number): void {
    this.#pos += Math.min(n, this.available);
  }

  /**
   * Hand out everything that is left, buffered bytes first, then the source's chunks as they
   * arrive, each with its source offset. The reader is exhausted afterwards.
   */
  async *drain(): AsyncGenerator<{ bytes: Buffer; offset: number }> {
    if (this.available > 0) {
      const first = { bytes: this.bytes, offset: this.offset };
      this.#base += this.#buf.length;
      this.#buf = EMPTY;
      this.#pos = 0;
      yield first;
    }
    while (!this.#done) {
      const next = await this.#it.next();
      if (next.done === true) {
        this.#done = true;
        break;
      }
      const chunk = toBuffer(next.value);
      const offset = this.#base;
      this.#base += chunk.length;
      yield { bytes: chunk, offset };
    }
  }

  /** Stop the source early (closes file handles / connections). */
  async close(): Promise<void> {
    if (!this.#done) {
      this.#done = true;
      await this.#it.return?.();
    }
  }
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}
