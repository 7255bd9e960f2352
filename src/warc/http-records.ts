/**
 * The WARC records of one HTTP fetch: a `request` record (the request as sent) and a `response`
 * record (status line, headers and body as received), each with its block digest.
 */
import { sha1Digest } from './digest.js';
import { type WarcFieldPair, warcRecord } from './warc-record.js';

/** Fields shared by the records of one fetch. */
export interface FetchRecordMeta {
  /** WARC-Target-URI. */
  url: string;
  /** WARC-Date, ISO 8601 UTC to the second. */
  date: string;
  /** WARC-IP-Address; the field is left out when undefined. */
  ip: string | undefined;
  /** WARC-Warcinfo-ID of the file's warcinfo record; left out when undefined. */
  warcinfoId: string | undefined;
}

function tail(m: FetchRecordMeta): WarcFieldPair[] {
  const out: WarcFieldPair[] = [];
  if (m.ip !== undefined) out.push(['WARC-IP-Address', m.ip]);
  if (m.warcinfoId !== undefined) out.push(['WARC-Warcinfo-ID', m.warcinfoId]);
  return out;
}

/** A request record (`request`: the HTTP request bytes), concurrent to `concurrentTo`. */
export function requestRecord(
  m: FetchRecordMeta,
  id: string,
  concurrentTo: string,
  request: Uint8Array,
): Buffer {
  return warcRecord(
    [
      ['WARC-Type', 'request'],
      ['WARC-Target-URI', m.url],
      ['WARC-Date', m.date],
      ['WARC-Record-ID', id],
      ['WARC-Concurrent-To', concurrentTo],
      ...tail(m),
      ['WARC-Block-Digest', sha1Digest(request)],
      ['Content-Type', 'application/http; msgtype=request'],
    ],
    [request],
  );
}

/** Optional fields of a response record. */
export interface ResponseRecordExtra {
  /** WARC-Concurrent-To (the request record's id). */
  concurrentTo?: string;
  /** WARC-Identified-Payload-Type. */
  identifiedPayloadType?: string;
  /** WARC-Truncated (`length`, `time`, …) when the body was not recorded in full. */
  truncated?: string;
}

/**
 * A response record: HTTP head (status line to the blank line) and body as recorded, with the
 * block digest (head + body) and the given payload digest (of the entity body).
 */
export function responseRecord(
  m: FetchRecordMeta,
  id: string,
  head: Uint8Array,
  body: Uint8Array,
  payloadDigest: string,
  extra: ResponseRecordExtra = {},
): Buffer {
  const fields: WarcFieldPair[] = [
    ['WARC-Type', 'response'],
    ['WARC-Target-URI', m.url],
    ['WARC-Date', m.date],
    ['WARC-Record-ID', id],
  ];
  if (extra.concurrentTo !== undefined) fields.push(['WARC-Concurrent-To', extra.concurrentTo]);
  fields.push(
    ...tail(m),
    ['WARC-Block-Digest', sha1Digest(head, body)],
    ['WARC-Payload-Digest', payloadDigest],
  );
  if (extra.truncated !== undefined) fields.push(['WARC-Truncated', extra.truncated]);
  if (extra.identifiedPayloadType !== undefined)
    fields.push(['WARC-Identified-Payload-Type', extra.identifiedPayloadType]);
  fields.push(['Content-Type', 'application/http; msgtype=response']);
  return warcRecord(fields, [head, body]);
}

/** WARC-Profile of a revisit whose payload equals an earlier record's (same digest). */
export const IDENTICAL_PAYLOAD_DIGEST_PROFILE =
  'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest';
/** WARC-Profile of a revisit for a 304 Not Modified answer to a conditional request. */
export const SERVER_NOT_MODIFIED_PROFILE =
  'http://netpreserve.org/warc/1.1/revisit/server-not-modified';

/** The earlier record a revisit stands for. */
export interface RevisitTarget {
  /** Its WARC-Record-ID, when known (WARC-Refers-To). */
  id?: string;
  url: string;
  /** ISO 8601 UTC to the second. */
  date: string;
}

/**
 * A revisit record: the HTTP head only, with the profile, what it refers to and (when known)
 * the payload digest of the earlier response, so readers can resolve it to that content.
 */
export function revisitRecord(
  m: FetchRecordMeta,
  id: string,
  head: Uint8Array,
  payloadDigest: string | undefined,
  profile: string,
  to: RevisitTarget,
  extra: { concurrentTo?: string } = {},
): Buffer {
  const fields: WarcFieldPair[] = [
    ['WARC-Type', 'revisit'],
    ['WARC-Target-URI', m.url],
    ['WARC-Date', m.date],
    ['WARC-Record-ID', id],
  ];
  if (extra.concurrentTo !== undefined) fields.push(['WARC-Concurrent-To', extra.concurrentTo]);
  fields.push(...tail(m), ['WARC-Profile', profile]);
  if (to.id !== undefined) fields.push(['WARC-Refers-To', to.id]);
  fields.push(
    ['WARC-Refers-To-Target-URI', to.url],
    ['WARC-Refers-To-Date', to.date],
    ['WARC-Block-Digest', sha1Digest(head)],
  );
  if (payloadDigest !== undefined) fields.push(['WARC-Payload-Digest', payloadDigest]);
  fields.push(['Content-Type', 'application/http; msgtype=response']);
  return warcRecord(fields, [head]);
}
