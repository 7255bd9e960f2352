/**
 * The shapes passed between the WARC reader's stages: decoded byte pieces (from the gzip member
 * decoder or the plain file), and the raw records the record splitter cuts out of them.
 */

/** A run of decoded WARC bytes with where it came from in the stored file. */
export interface BytePiece {
  kind: 'data';
  bytes: Buffer;
  /**
   * Plain file: the file offset of `bytes[0]`. Gzip: the file offset of the member these bytes
   * were inflated from (every byte of a member shares it).
   */
  offset: number;
  /** True for a plain file, where offsets advance byte by byte. */
  plain: boolean;
  /** True when `bytes` are the first bytes of a gzip member. */
  memberStart: boolean;
}

/** The decoder lost some stored bytes (corrupt or truncated gzip member) at `offset`. */
export interface DecodeFailure {
  kind: 'fail';
  offset: number;
  message: string;
}

/** What the byte stage hands to the record splitter. */
export type ByteEvent = BytePiece | DecodeFailure;

/** One WARC header field as written (name case kept). */
export type WarcField = [name: string, value: string];

/** One WARC record as cut out of the file, before it is interpreted. */
export interface WarcRecord {
  kind: 'record';
  /** 0-based position of the record in the file (broken records count too). */
  index: number;
  /** Offset in the stored file (the gzip member start for gzipped files). */
  offset: number;
  /** `WARC/1.0`, `WARC/1.1`, `WARC/0.17`, … */
  version: string;
  fields: WarcField[];
  /** The record block, at most the reader's block limit long. */
  block: Buffer;
  /** The block length declared by Content-Length. */
  blockLength: number;
  /** True when `block` was cut at the reader's block limit. */
  truncated: boolean;
}

/** A stretch of the file that could not be read as a record. */
export interface WarcReadError {
  kind: 'error';
  index: number;
  offset: number;
  message: string;
}

/** What `readWarcRecords` yields, in file order. */
export type WarcRecordEvent = WarcRecord | WarcReadError;
