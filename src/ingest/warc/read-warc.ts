/**
 * The WARC reader: records → archive items (HTTP captures, revisits, skipped and broken records).
 */
import { normalizeUrl } from '../../core/url/normalize-url.js';
import type { ArchiveItem, HttpCaptureInput } from '../types.js';
import { decodeBody } from './decode-body.js';
import { looksLikeHttp, parseHttpHead } from './http-message.js';
import { readWarcRecords } from './read-warc-records.js';
import type { WarcRecord } from './types.js';
import { getField, normalizeWarcDate, unbracketUri } from './warc-headers.js';

/** Options of `readWarc`. */
export interface ReadWarcOptions {
  /** Most body bytes kept per capture, after decoding; longer bodies are cut (default 5 MiB). */
  maxBodyBytes?: number;
}

/** Default `maxBodyBytes`: 5 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Block bytes kept beyond the body limit, for the HTTP head and chunk framing. */
const BLOCK_SLACK = 1024 * 1024;

/**
 * Read a WARC file (WARC/0.17, 1.0, 1.1; per-record gzip, whole-file gzip or plain, sniffed from
 * the bytes) and yield one item per record, in file order:
 * - `response` → `http` (URL normalised, WARC-Date to the second, status, headers in wire order,
 *   body de-chunked and content-decoded, WARC-IP-Address, WARC-Payload-Digest);
 * - `resource` → `http` with status 200 and the record's Content-Type as the only header;
 * - `revisit` → `revisit` (refers-to URI and date, payload digest, own HTTP status when present);
 * - `request`, `metadata`, `warcinfo`, `conversion`, … and records for non-http(s) URLs →
 *   `skipped` with a reason;
 * - an unparseable HTTP block, a bad WARC-Date, a 2xx body no encoding can be undone for, a
 *   corrupt gzip member, a garbled record or a cut tail → `error`, and reading continues.
 * Bodies longer than `maxBodyBytes` are cut and kept. Only I/O errors of `source` are thrown.
 * @example for await (const item of readWarc(createReadStream('crawl.warc.gz'))) …
 */
export async function* readWarc(
  source: AsyncIterable<Uint8Array>,
  opts: ReadWarcOptions = {},
): AsyncGenerator<ArchiveItem> {
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const records = readWarcRecords(source, { maxBlockBytes: maxBodyBytes + BLOCK_SLACK });
  for await (const event of records) {
    yield event.kind === 'error' ? event : await toItem(event, maxBodyBytes);
  }
}

async function toItem(record: WarcRecord, maxBodyBytes: number): Promise<ArchiveItem> {
  const { index, offset, fields } = record;
  const type = (getField(fields, 'WARC-Type') ?? '').toLowerCase();
  if (type !== 'response' && type !== 'resource' && type !== 'revisit') {
    return { kind: 'skipped', index, offset, reason: `${type || 'untyped'} record` };
  }
  const rawUri = getField(fields, 'WARC-Target-URI');
  if (rawUri === undefined)
    return { kind: 'error', index, offset, message: `${type} without WARC-Target-URI` };
  const url = normalizeUrl(unbracketUri(rawUri));
  if (!url.ok) {
    const reason = `${type} for ${JSON.stringify(rawUri.slice(0, 200))}: ${url.reason}`;
    return { kind: 'skipped', index, offset, reason };
  }
  const fetchedAt = normalizeWarcDate(getField(fields, 'WARC-Date') ?? '');
  if (fetchedAt === undefined) {
    const message = `${type} with invalid WARC-Date ${JSON.stringify(getField(fields, 'WARC-Date') ?? '')}`;
    return { kind: 'error', index, offset, message };
  }
  const ip = getField(fields, 'WARC-IP-Address') || undefined;
  const payloadDigest = getField(fields, 'WARC-Payload-Digest') || undefined;
  const base = { url: url.url, fetchedAt, ...(ip !== undefined && { ip }) };

  if (type === 'revisit') return revisitItem(record, base, payloadDigest);
  if (type === 'resource') {
    const contentType = getField(fields, 'Content-Type');
    const input: HttpCaptureInput = {
      ...base,
      status: 200,
      headers: contentType === undefined ? [] : [['Content-Type', contentType]],
      body: record.block.subarray(0, maxBodyBytes),
    };
    return withDigest({ kind: 'http', index, offset, input }, payloadDigest);
  }
  if (!looksLikeHttp(record.block)) {
    return { kind: 'error', index, offset, message: 'response block is not an HTTP message' };
  }
  const head = parseHttpHead(record.block);
  if (!head.ok)
    return { kind: 'error', index, offset, message: `unparseable HTTP response: ${head.reason}` };
  const decoded = await decodeBody(
    record.block.subarray(head.bodyStart),
    head.headers,
    maxBodyBytes,
  );
  if (decoded.problem !== undefined && decoded.body.length === 0 && head.status < 300) {
    return { kind: 'error', index, offset, message: `undecodable body: ${decoded.problem}` };
  }
  const input: HttpCaptureInput = {
    ...base,
    status: head.status,
    headers: head.headers,
    body: decoded.body,
  };
  return withDigest({ kind: 'http', index, offset, input }, payloadDigest);
}

function revisitItem(
  record: WarcRecord,
  base: { url: string; fetchedAt: string; ip?: string },
  payloadDigest: string | undefined,
): ArchiveItem {
  const { index, offset, fields } = record;
  const item: Extract<ArchiveItem, { kind: 'revisit' }> = {
    kind: 'revisit',
    index,
    offset,
    ...base,
  };
  if (looksLikeHttp(record.block)) {
    const head = parseHttpHead(record.block);
    if (head.ok) item.status = head.status;
  }
  if (payloadDigest !== undefined) item.payloadDigest = payloadDigest;
  const refersTo = getField(fields, 'WARC-Refers-To-Target-URI');
  if (refersTo !== undefined) {
    const normal = normalizeUrl(unbracketUri(refersTo));
    item.refersToUri = normal.ok ? normal.url : unbracketUri(refersTo);
  }
  const refersToDate = normalizeWarcDate(getField(fields, 'WARC-Refers-To-Date') ?? '');
  if (refersToDate !== undefined) item.refersToDate = refersToDate;
  return item;
}

function withDigest(
  item: Extract<ArchiveItem, { kind: 'http' }>,
  payloadDigest: string | undefined,
): ArchiveItem {
  if (payloadDigest !== undefined) item.payloadDigest = payloadDigest;
  return item;
}
