/**
 * The crawl's archive: WARC/1.1 files, one gzip member per record, each file opened by a
 * warcinfo record and rolled at a size. Every fetch becomes a request record and a response
 * record (or, for a 304 whose earlier response is known, a server-not-modified revisit).
 */
import { mkdirSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { type WarcFieldPair, warcinfoRecord } from '../../warc/index.js';
import type { FetchedResponse } from '../types.js';
import { fetchRecords, newRecordId, type RevisitOf } from './fetch-records.js';

const gzip = promisify(gzipCb);

/** Options of a {@link CrawlWarcWriter}. */
export interface CrawlWarcWriterOptions {
  /** Directory of the files (created). */
  dir: string;
  /** A file is closed before it would grow past this many bytes (default 1 GiB). */
  maxFileBytes?: number;
  /** File name prefix (default `linkgap-crawl`): `<prefix>-<YYYYMMDDHHMMSS>-<seq>.warc.gz`. */
  prefix?: string;
  /** Extra warcinfo fields (operator, isPartOf, http-header-user-agent, robots, …). */
  warcinfo?: WarcFieldPair[];
  /** zlib level of every member (default 6). */
  gzipLevel?: number;
  /** Clock in ms, for warcinfo dates and file names (default Date.now). */
  now?: () => number;
}

/** Where a fetch's records went. */
export interface WarcWriteResult {
  /** File path (in `dir`). */
  file: string;
  /** Byte offset of the request record's gzip member; `length` covers both members. */
  offset: number;
  length: number;
  /** WARC-Record-ID of the response (or revisit) record. */
  recordId: string;
  /**
   * WARC-Payload-Digest of the response (of the earlier one for a revisit; undefined when that
   * was not known): keep it to write a later 304 as a revisit.
   */
  payloadDigest: string | undefined;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Writes fetches to rolling `.warc.gz` files. Records are compressed concurrently and appended
 * in call order, each fetch's two members in one write, so a killed process leaves complete
 * members except, at worst, a cut last one (readers resynchronise at the next member).
 * Stateful (an open file), hence a class.
 */
export class CrawlWarcWriter {
  readonly #o: Required<Omit<CrawlWarcWriterOptions, 'warcinfo'>> & { warcinfo: WarcFieldPair[] };
  #file: FileHandle | undefined;
  #path = '';
  #size = 0;
  #infoSize = 0;
  #seq = 0;
  /** Bumped per file; records built for an older file are rebuilt with the new warcinfo id. */
  #generation = 0;
  #infoId = newRecordId();
  #tail: Promise<unknown> = Promise.resolve();
  /** Files written, in order. */
  readonly files: string[] = [];

  constructor(opts: CrawlWarcWriterOptions) {
    this.#o = {
      dir: opts.dir,
      maxFileBytes: opts.maxFileBytes ?? 1024 ** 3,
      prefix: opts.prefix ?? 'linkgap-crawl',
      warcinfo: opts.warcinfo ?? [],
      gzipLevel: opts.gzipLevel ?? 6,
      now: opts.now ?? Date.now,
    };
    mkdirSync(opts.dir, { recursive: true });
  }

  /**
   * Append the records of one fetch. With `revisitOf` (a 304 whose earlier response is known)
   * the response is written as a server-not-modified revisit record referring to it.
   */
  async write(
    res: FetchedResponse,
    opts: { revisitOf?: RevisitOf } = {},
  ): Promise<WarcWriteResult> {
    // Compression starts now, concurrently with other writes; the append waits its turn.
    const generation = this.#generation;
    const first = this.#build(res, opts.revisitOf, this.#infoId);
    first.catch(() => undefined);
    return this.#serial(async () => {
      let built = await first;
      const bytes = built.members.reduce((n, m) => n + m.length, 0);
      const full = this.#size > this.#infoSize && this.#size + bytes > this.#o.maxFileBytes;
      if (this.#file === undefined || full) await this.#rotate();
      if (generation !== this.#generation)
        built = await this.#build(res, opts.revisitOf, this.#infoId);
      const data = Buffer.concat(built.members);
      const offset = this.#size;
      await this.#writeAll(data);
      const { recordId, payloadDigest } = built;
      return { file: this.#path, offset, length: data.length, recordId, payloadDigest };
    });
  }

  /** Finish the writes asked for so far and close the file (a later write opens a new one). */
  async close(): Promise<void> {
    await this.#serial(async () => {
      await this.#file?.close();
      this.#file = undefined;
    });
  }

  #serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(step);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #build(res: FetchedResponse, revisitOf: RevisitOf | undefined, infoId: string) {
    const r = fetchRecords(res, { warcinfoId: infoId, ...(revisitOf && { revisitOf }) });
    const level = this.#o.gzipLevel;
    const members = await Promise.all([gzip(r.request, { level }), gzip(r.response, { level })]);
    return { members, recordId: r.recordId, payloadDigest: r.payloadDigest };
  }

  async #rotate(): Promise<void> {
    await this.#file?.close();
    this.#file = undefined;
    // Records built for the first file already carry its warcinfo id; later files get new ones.
    if (this.files.length > 0) {
      this.#infoId = newRecordId();
      this.#generation++;
    }
    const now = this.#o.now();
    for (;;) {
      const seq = String(this.#seq++).padStart(5, '0');
      const name = `${this.#o.prefix}-${stamp(now)}-${seq}.warc.gz`;
      const path = join(this.#o.dir, name);
      try {
        this.#file = await open(path, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      this.#path = path;
      this.files.push(path);
      this.#size = 0;
      const date = `${new Date(now).toISOString().slice(0, 19)}Z`;
      const info = warcinfoRecord(this.#infoId, date, name, [
        ['software', 'linkgap crawl'],
        ['format', 'WARC File Format 1.1'],
        [
          'conformsTo',
          'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
        ],
        ...this.#o.warcinfo,
      ]);
      await this.#writeAll(await gzip(info, { level: this.#o.gzipLevel }));
      this.#infoSize = this.#size;
      return;
    }
  }

  async #writeAll(data: Buffer): Promise<void> {
    const file = this.#file as FileHandle;
    for (let at = 0; at < data.length; ) {
      const { bytesWritten } = await file.write(data, at, data.length - at);
      at += bytesWritten;
    }
    this.#size += data.length;
  }
}
