/**
 * The generator's own WARC pieces: deterministic record ids from the seed, WARC-Date of epoch
 * seconds, and revisit records (identical-payload-digest profile). The other records are the
 * shared ones in `src/warc`.
 */
import {
  type FetchRecordMeta,
  IDENTICAL_PAYLOAD_DIGEST_PROFILE,
  revisitRecord as sharedRevisitRecord,
} from '../warc/index.js';
import { isoSeconds } from './iso-time.js';
import { hash32 } from './prng.js';

/** A deterministic `<urn:uuid:…>` (version 4 layout) for a tuple of integers. */
export function recordId(seed: number, a: number, b: number, c: number, d: number): string {
  const h0 = hash32(seed, a, b, c, d);
  const h1 = hash32(h0, 1, a, b, c);
  const h2 = hash32(h1, 2, d, c, b);
  const h3 = hash32(h2, 3, a, d, c);
  const x = [h0, h1, h2, h3].map((h) => h.toString(16).padStart(8, '0')).join('');
  const variant = '89ab'[Number.parseInt(x.charAt(16), 16) & 3];
  return `<urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20)}>`;
}

/** ISO 8601 UTC with second precision, as WARC-Date. */
export function warcDate(seconds: number): string {
  return isoSeconds(seconds);
}

/** Where a revisit's payload was first recorded. */
export interface RefersTo {
  id: string;
  url: string;
  date: number;
}

/** A revisit record (identical-payload-digest): the HTTP head only, the earlier payload's digest. */
export function revisitRecord(
  m: FetchRecordMeta,
  id: string,
  head: Buffer,
  payloadDigest: string,
  to: RefersTo,
): Buffer {
  return sharedRevisitRecord(m, id, head, payloadDigest, IDENTICAL_PAYLOAD_DIGEST_PROFILE, {
    id: to.id,
    url: to.url,
    date: warcDate(to.date),
  });
}
