/**
 * @module WARC reading: `readWarc` (records → archive items) and `readWarcRecords` (raw records,
 * shared with the WAT reader), for WARC/0.17–1.1, plain or gzipped, robust to damaged files;
 * `decodeBody` (transfer and content encodings undone, bounded), shared with the crawler.
 */
export { type DecodedBody, decodeBody } from './decode-body.js';
export { DEFAULT_MAX_BODY_BYTES, type ReadWarcOptions, readWarc } from './read-warc.js';
export { type ReadWarcRecordsOptions, readWarcRecords } from './read-warc-records.js';
export type {
  WarcField,
  WarcReadError,
  WarcRecord,
  WarcRecordEvent,
} from './types.js';
export { getField, normalizeWarcDate, unbracketUri } from './warc-headers.js';
