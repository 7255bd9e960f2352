/**
 * Interfaces between the ingest stages: archive readers yield records, the HTTP/HTML stage turns
 * response records into captures, the pipeline stores them.
 */
import type { Capture } from '../core/types.js';

/** One HTTP response as read from an archive (or fetched by the crawler), before extraction. */
export interface HttpCaptureInput {
  /** Normalised absolute URL that was fetched. */
  url: string;
  /** ISO 8601 UTC, second precision: `2024-05-17T23:31:22Z`. */
  fetchedAt: string;
  status: number;
  /** Response headers in wire order, names as sent. */
  headers: Array<[string, string]>;
  /** The payload with transfer and content encodings already removed. */
  body: Uint8Array;
  ip?: string;
}

/**
 * What an archive reader yields, one per record, in file order. `index` counts every record of
 * the file from 0 (skipped and broken ones too) so a resumed run can skip what a previous run
 * stored; `offset` is the byte offset of the record (of its gzip member for gzipped files) in
 * the file as stored, for error reports.
 */
export type ArchiveItem =
  | { kind: 'http'; index: number; offset: number; input: HttpCaptureInput; payloadDigest?: string }
  | {
      /** A WARC revisit: the same payload as an earlier capture, fetched again at `fetchedAt`. */
      kind: 'revisit';
      index: number;
      offset: number;
      url: string;
      fetchedAt: string;
      /** HTTP status of the revisit's own headers, when it has them. */
      status?: number;
      ip?: string;
      payloadDigest?: string;
      refersToUri?: string;
      refersToDate?: string;
    }
  | { kind: 'capture'; index: number; offset: number; capture: Capture }
  | { kind: 'skipped'; index: number; offset: number; reason: string }
  | { kind: 'error'; index: number; offset: number; message: string };
