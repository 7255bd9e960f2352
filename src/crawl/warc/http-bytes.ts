/**
 * The HTTP messages of a fetch as a WARC records them: the request as sent, and the response
 * head as received, re-framed for the body that was kept (undici removed any chunked coding).
 */
import type { FetchedResponse } from '../types.js';

const CRLF = '\r\n';

/** `GET /path?q HTTP/1.1` and the request headers as sent, ending with the blank line. */
export function requestBytes(res: FetchedResponse): Buffer {
  const url = new URL(res.url);
  let head = `${res.request.method} ${url.pathname}${url.search} HTTP/1.1${CRLF}`;
  for (const [k, v] of res.request.headers) head += `${k}: ${v}${CRLF}`;
  return Buffer.from(head + CRLF, 'latin1');
}

/**
 * Status line and headers in wire order, ending with the blank line, with `Transfer-Encoding`
 * dropped and one `Content-Length` equal to the recorded body's length (in the first one's
 * place, else last) so WARC readers frame `rawBody` right.
 */
export function responseHead(res: FetchedResponse): Buffer {
  const reason = res.statusText ?? '';
  let head = `HTTP/1.1 ${res.status}${reason === '' ? '' : ` ${reason}`}${CRLF}`;
  let length = false;
  for (const [k, v] of res.headers) {
    const name = k.toLowerCase();
    if (name === 'transfer-encoding') continue;
    if (name === 'content-length') {
      if (!length) head += `${k}: ${res.rawBody.length}${CRLF}`;
      length = true;
      continue;
    }
    head += `${k}: ${v}${CRLF}`;
  }
  if (!length) head += `Content-Length: ${res.rawBody.length}${CRLF}`;
  return Buffer.from(head + CRLF, 'latin1');
}
