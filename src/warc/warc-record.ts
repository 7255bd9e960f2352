/**
 * One WARC/1.1 record as bytes (uncompressed): version line, named fields, Content-Length, the
 * block, and the two CRLFs that end a record.
 */

const CRLF = '\r\n';

/** One WARC header field, name as written. */
export type WarcFieldPair = [name: string, value: string];

/**
 * The bytes of a WARC/1.1 record with `fields` in order, then `Content-Length` (the block's
 * byte length, computed here), the block (the concatenation of `block`) and CRLF CRLF.
 */
export function warcRecord(fields: readonly WarcFieldPair[], block: readonly Uint8Array[]): Buffer {
  let length = 0;
  for (const b of block) length += b.length;
  let head = `WARC/1.1${CRLF}`;
  for (const [k, v] of fields) head += `${k}: ${v}${CRLF}`;
  head += `Content-Length: ${length}${CRLF}${CRLF}`;
  return Buffer.concat([Buffer.from(head), ...block, Buffer.from(CRLF + CRLF)]);
}

/**
 * The `warcinfo` record that opens a WARC file: `fields` (software, format, operator, …) as an
 * `application/warc-fields` block. `date` is ISO 8601 UTC (`2026-12-04T10:11:12Z`).
 */
export function warcinfoRecord(
  id: string,
  date: string,
  filename: string,
  fields: readonly WarcFieldPair[],
): Buffer {
  const body = Buffer.from(fields.map(([k, v]) => `${k}: ${v}${CRLF}`).join(''));
  return warcRecord(
    [
      ['WARC-Type', 'warcinfo'],
      ['WARC-Date', date],
      ['WARC-Filename', filename],
      ['WARC-Record-ID', id],
      ['Content-Type', 'application/warc-fields'],
    ],
    [body],
  );
}
