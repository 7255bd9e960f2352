/**
 * WARC/1.1 records as bytes (uncompressed): warcinfo, request, response and revisit
 * (identical-payload-digest profile). Record ids are deterministic UUIDs from the seed.
 */
import { sha1Digest } from './http-message.js';
import { isoSeconds } from './iso-time.js';
import { hash32 } from './prng.js';

const CRLF = '\r\n';
const REVISIT_PROFILE = 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest';

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

function record(headers: Array<[string, string]>, block: Buffer[]): Buffer {
  let length = 0;
  for (const b of block) length += b.length;
  let head = `WARC/1.1${CRLF}`;
  for (const [k, v] of headers) head += `${k}: ${v}${CRLF}`;
  head += `Content-Length: ${length}${CRLF}${CRLF}`;
  return Buffer.concat([Buffer.from(head), ...block, Buffer.from(CRLF + CRLF)]);
}

/** The warcinfo record that opens each file. */
export function warcinfoRecord(
  id: string,
  date: number,
  filename: string,
  fields: Array<[string, string]>,
): Buffer {
  const body = Buffer.from(fields.map(([k, v]) => `${k}: ${v}${CRLF}`).join(''));
  return record(
    [
      ['WARC-Type', 'warcinfo'],
      ['WARC-Date', warcDate(date)],
      ['WARC-Filename', filename],
      ['WARC-Record-ID', id],
      ['Content-Type', 'application/warc-fields'],
    ],
    [body],
  );
}

/** Common fields of the records of one fetch. */
export interface FetchMeta {
  url: string;
  date: number;
  ip: string;
  warcinfoId: string;
}

/** A request record, concurrent to the response (or revisit) `concurrentTo`. */
export function requestRecord(
  m: FetchMeta,
  id: string,
  concurrentTo: string,
  request: Buffer,
): Buffer {
  return record(
    [
      ['WARC-Type', 'request'],
      ['WARC-Target-URI', m.url],
      ['WARC-Date', warcDate(m.date)],
      ['WARC-Record-ID', id],
      ['WARC-Concurrent-To', concurrentTo],
      ['WARC-IP-Address', m.ip],
      ['WARC-Warcinfo-ID', m.warcinfoId],
      ['WARC-Block-Digest', sha1Digest(request)],
      ['Content-Type', 'application/http; msgtype=request'],
    ],
    [request],
  );
}

/** A response record: HTTP head and body as sent, with block and payload digests. */
export function responseRecord(
  m: FetchMeta,
  id: string,
  head: Buffer,
  body: Buffer,
  payloadDigest: string,
  identified?: string,
): Buffer {
  const headers: Array<[string, string]> = [
    ['WARC-Type', 'response'],
    ['WARC-Target-URI', m.url],
    ['WARC-Date', warcDate(m.date)],
    ['WARC-Record-ID', id],
    ['WARC-IP-Address', m.ip],
    ['WARC-Warcinfo-ID', m.warcinfoId],
    ['WARC-Block-Digest', sha1Digest(head, body)],
    ['WARC-Payload-Digest', payloadDigest],
  ];
  if (identified !== undefined) headers.push(['WARC-Identified-Payload-Type', identified]);
  headers.push(['Content-Type', 'application/http; msgtype=response']);
  return record(headers, [head, body]);
}

/** Where a revisit's payload was first recorded. */
export interface RefersTo {
  id: string;
  url: string;
  date: number;
}

/** A revisit record: the HTTP head only, the payload digest of the earlier identical response. */
export function revisitRecord(
  m: FetchMeta,
  id: string,
  head: Buffer,
  payloadDigest: string,
  to: RefersTo,
): Buffer {
  return record(
    [
      ['WARC-Type', 'revisit'],
      ['WARC-Target-URI', m.url],
      ['WARC-Date', warcDate(m.date)],
      ['WARC-Record-ID', id],
      ['WARC-IP-Address', m.ip],
      ['WARC-Warcinfo-ID', m.warcinfoId],
      ['WARC-Profile', REVISIT_PROFILE],
      ['WARC-Refers-To', to.id],
      ['WARC-Refers-To-Target-URI', to.url],
      ['WARC-Refers-To-Date', warcDate(to.date)],
      ['WARC-Block-Digest', sha1Digest(head)],
      ['WARC-Payload-Digest', payloadDigest],
      ['Content-Type', 'application/http; msgtype=response'],
    ],
    [head],
  );
}
