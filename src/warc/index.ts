/**
 * @module WARC writing primitives shared by `generate` and `crawl`: `warcRecord`, `warcinfoRecord`,
 * `requestRecord`, `responseRecord`, `sha1Digest`, `base32`.
 */
export { base32, sha1Digest } from './digest.js';
export {
  type FetchRecordMeta,
  type ResponseRecordExtra,
  requestRecord,
  responseRecord,
} from './http-records.js';
export { type WarcFieldPair, warcinfoRecord, warcRecord } from './warc-record.js';
