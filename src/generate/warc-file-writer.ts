/**
 * Writes WARC records as `.warc.gz` files, one gzip member per record (as Common Crawl does),
 * rolled at a size limit, each file opened by its own warcinfo record. Records are compressed
 * in batches by a {@link Compressor} while the caller builds the next batch; files are written
 * in record order, so output bytes do not depend on timing.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Compressor } from './gzip-pool.js';

const BATCH_BYTES = 4 << 20;
const BATCH_RECORDS = 256;

/** Options of a {@link WarcFileWriter}. */
export interface WarcFileWriterOptions {
  /** Output root. */
  outDir: string;
  /** Directory of the files, relative to outDir (e.g. `snapshot-1`). */
  relDir: string;
  /** Start a new file when the current one would grow past this many (compressed) bytes. */
  rollBytes: number;
  /** zlib level of every member (the warcinfo member is compressed in this thread). */
  level: number;
  /** Compresses record batches (same level), e.g. on a worker thread. */
  compressor: Compressor;
  /** The uncompressed warcinfo record for a new file (given its name). */
  warcinfo: (filename: string) => Buffer;
}

/** A rolling `.warc.gz` writer; stateful (open file), hence a class. */
export class WarcFileWriter {
  readonly #o: WarcFileWriterOptions;
  #fd = -1;
  #part = 0;
  #fileBytes = 0;
  #fileRecords = 0;
  #batch: Buffer[] = [];
  #batchBytes = 0;
  #pending: Promise<void> = Promise.resolve();
  /** Files written so far, relative to outDir. */
  readonly files: string[] = [];
  /** Compressed bytes written so far. */
  bytes = 0;

  constructor(options: WarcFileWriterOptions) {
    this.#o = options;
    mkdirSync(join(options.outDir, options.relDir), { recursive: true });
  }

  /** Queue one uncompressed record. Resolves when the writer is ready for more. */
  async add(record: Buffer): Promise<void> {
    this.#batch.push(record);
    this.#batchBytes += record.length;
    if (this.#batchBytes >= BATCH_BYTES || this.#batch.length >= BATCH_RECORDS) await this.#flush();
  }

  /** Write everything queued and close the current file. */
  async close(): Promise<void> {
    if (this.#batch.length > 0) await this.#flush();
    await this.#pending;
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }

  async #flush(): Promise<void> {
    const records = this.#batch;
    this.#batch = [];
    this.#batchBytes = 0;
    const compressed = this.#o.compressor.compress(records);
    const previous = this.#pending;
    this.#pending = previous.then(async () => this.#write(await compressed));
    // Errors surface at the next flush or at close; mark them handled meanwhile.
    this.#pending.catch(() => undefined);
    await previous;
  }

  #write(members: Uint8Array[]): void {
    for (const m of members) {
      if (this.#fd < 0 || (this.#fileRecords > 1 && this.#fileBytes + m.length > this.#o.rollBytes))
        this.#open();
      writeSync(this.#fd, m);
      this.#fileBytes += m.length;
      this.#fileRecords++;
      this.bytes += m.length;
    }
  }

  #open(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    const name = `part-${String(this.#part++).padStart(5, '0')}.warc.gz`;
    const rel = `${this.#o.relDir}/${name}`;
    this.#fd = openSync(join(this.#o.outDir, rel), 'w');
    this.files.push(rel);
    const info = gzipSync(this.#o.warcinfo(name), { level: this.#o.level });
    writeSync(this.#fd, info);
    this.#fileBytes = info.length;
    this.#fileRecords = 1;
    this.bytes += info.length;
  }
}
