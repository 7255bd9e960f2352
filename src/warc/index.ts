/**
 * @module WARC writing primitives shared by `generate` and `crawl`: `warcRecord`, `warcinfoRecord`,
 * `requestRecord`, `responseRecord`, `revisitRecord`, `sha1Digest`, `base32`.
 */
export { base32, sha1Digest } from './digest.js';
export {
  type FetchRecordMeta,
  IDENTICAL_PAYLOAD_DIGEST_PROFILE,
  type ResponseRecordExtra,
  type RevisitTarget,
  requestRecord,
  responseRecord,
  revisitRecord,
  SERVER_NOT_MODIFIED_PROFILE,
} from './http-records.js';
export { type WarcFieldPair, warcinfoRecord, warcRecord } from './warc-record.js';
