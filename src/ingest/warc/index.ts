/**
 * @module WARC reading: `readWarc` (records → archive items) and `readWarcRecords` (raw records,
 * shared with the WAT reader), for WARC/0.17–1.1, plain or gzipped, robust to damaged files.
 */
export { DEFAULT_MAX_BODY_BYTES, type ReadWarcOptions, readWarc } from './read-warc.js';
export { type ReadWarcRecordsOptions, readWarcRecords } from './read-warc-records.js';
export type {
  WarcField,
  WarcReadError,
  WarcRecord,
  WarcRecordEvent,
} from './types.js';
export { getField, normalizeWarcDate, unbracketUri } from './warc-headers.js';
