/**
 * NDJSON file writer over a {@link ByteSink}: bytes are buffered and written synchronously, and
 * the output is rolled into numbered part files (at line boundaries) past a size limit.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ByteSink } from './byte-sink.js';

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
  #roll = false;
  /** Write line bytes here; call {@link endLine} after each complete line. */
  readonly sink: ByteSink;
  /** Files written so far, relative to outDir. */
  readonly files: string[] = [];
  /** Bytes written to files so far. */
  bytes = 0;

  constructor(options: LineWriterOptions) {
    this.#o = options;
    this.sink = new ByteSink((b) => this.#emit(b));
  }

  /** Append text made of whole lines. */
  write(text: string): void {
    this.sink.text(text);
    this.endLine();
  }

  /** Mark a line boundary: the only place where a new part may start. */
  endLine(): void {
    // Once a roll is pending, what is buffered belongs to the next part.
    if ((this.#roll ? 0 : this.#fileBytes) + this.sink.pos >= this.#o.rollBytes) {
      this.sink.flush();
      this.#roll = true;
    }
  }

  /** Flush and close. */
  close(): void {
    this.sink.flush();
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }

  #emit(bytes: Uint8Array): void {
    if (this.#fd < 0 || this.#roll) this.#open();
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
    this.#roll = false;
  }
}
