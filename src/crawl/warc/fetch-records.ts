/**
 * The two WARC records of one fetch (uncompressed): the request record and the response record,
 * or a server-not-modified revisit record for a 304 whose earlier response is known.
 */
import { randomUUID } from 'node:crypto';
import {
  requestRecord,
  responseRecord,
  revisitRecord,
  SERVER_NOT_MODIFIED_PROFILE,
  sha1Digest,
} from '../../warc/index.js';
import type { FetchedResponse } from '../types.js';
import { requestBytes, responseHead } from './http-bytes.js';

/** The earlier response a 304 stands for (what the frontier kept of it). */
export interface RevisitOf {
  url: string;
  /** Its fetchedAt (ISO 8601 UTC to the second). */
  date: string;
  /** Its WARC-Record-ID, when known. */
  recordId?: string;
  /** Its WARC-Payload-Digest, when known: readers resolve the revisit to that content. */
  payloadDigest?: string;
}

/** The records of a fetch and the ids a frontier may keep. */
export interface FetchRecords {
  request: Buffer;
  response: Buffer;
  /** WARC-Record-ID of the response (or revisit) record. */
  recordId: string;
  /** Payload digest of the response (the earlier one's for a revisit, when known). */
  payloadDigest: string | undefined;
}

/** A fresh `<urn:uuid:…>` record id. */
export function newRecordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

/**
 * Request + response records of `res`, linked both ways by WARC-Concurrent-To, with
 * WARC-IP-Address when known, WARC-Truncated: length for a cut body, and the block and payload
 * digests (payload: SHA-1 of the body as transferred, content-coding kept, per WARC 1.1).
 */
export function fetchRecords(
  res: FetchedResponse,
  opts: { warcinfoId?: string; revisitOf?: RevisitOf } = {},
): FetchRecords {
  const meta = { url: res.url, date: res.fetchedAt, ip: res.ip, warcinfoId: opts.warcinfoId };
  const recordId = newRecordId();
  const requestId = newRecordId();
  const head = responseHead(res);
  const revisitOf = opts.revisitOf;
  let payloadDigest: string | undefined;
  let response: Buffer;
  if (revisitOf === undefined) {
    payloadDigest = sha1Digest(res.rawBody);
    const truncated = res.truncated ? { truncated: 'length' } : {};
    response = responseRecord(meta, recordId, head, res.rawBody, payloadDigest, {
      concurrentTo: requestId,
      ...truncated,
    });
  } else {
    payloadDigest = revisitOf.payloadDigest;
    const to = { url: revisitOf.url, date: revisitOf.date };
    response = revisitRecord(
      meta,
      recordId,
      head,
      payloadDigest,
      SERVER_NOT_MODIFIED_PROFILE,
      revisitOf.recordId === undefined ? to : { ...to, id: revisitOf.recordId },
      { concurrentTo: requestId },
    );
  }
  const request = requestRecord(meta, requestId, recordId, requestBytes(res));
  return { request, response, recordId, payloadDigest };
}
