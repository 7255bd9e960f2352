/**
 * Buffered NDJSON writer: lines are gathered into large chunks and written synchronously,
 * optionally rolled into numbered part files once a part passes a size limit.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const BUFFER_BYTES = 8 << 20;

/** Options of a {@link LineWriter}. */
export interface LineWriterOptions {
  outDir: string;
  /** Relative path of part `n` (called with 0, 1, …; a single file ignores `n`). */
  pathOf: (part: number) => string;
  /** Roll to a new part once the current one holds at least this many bytes (Infinity: never). */
  rollBytes: number;
}

/** A buffered, rolling line writer; stateful (open file), hence a class. */
export class LineWriter {
  readonly #o: LineWriterOptions;
  #fd = -1;
  #part = 0;
  #fileBytes = 0;
  readonly #buf = Buffer.allocUnsafe(BUFFER_BYTES);
  #pos = 0;
  /** Files written so far, relative to outDir. */
  readonly files: string[] = [];
  /** Bytes written so far. */
  bytes = 0;

  constructor(options: LineWriterOptions) {
    this.#o = options;
  }

  /** Append text (whole lines, each ending in "\n"). */
  write(text: string): void {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
    if (this.#pos + text.length * 3 > BUFFER_BYTES) {
      this.#flush();
      if (text.length * 3 > BUFFER_BYTES) {
        this.#emit(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.#pos += this.#buf.write(text, this.#pos, 'utf8');
  }

  /** Flush and close. */
  close(): void {
    this.#flush();
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }

  #flush(): void {
    if (this.#pos === 0) return;
    this.#emit(this.#buf.subarray(0, this.#pos));
    this.#pos = 0;
  }

  #emit(bytes: Buffer): void {
    if (this.#fd < 0 || this.#fileBytes >= this.#o.rollBytes) this.#open();
    let off = 0;
    while (off < bytes.length) off += writeSync(this.#fd, bytes, off, bytes.length - off);
    this.#fileBytes += bytes.length;
    this.bytes += bytes.length;
  }

  #open(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    const rel = this.#o.pathOf(this.#part++);
    const path = join(this.#o.outDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    this.#fd = openSync(path, 'w');
    this.files.push(rel);
    this.#fileBytes = 0;
  }
}
