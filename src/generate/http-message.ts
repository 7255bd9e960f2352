/**
 * HTTP/1.1 messages as a crawler records them: the request, and the response with its status
 * line, headers and body, optionally `Content-Encoding: gzip` and/or `Transfer-Encoding:
 * chunked`. The payload digest follows WARC 1.1: SHA-1 of the entity body, i.e. with the
 * transfer encoding removed and the content encoding kept (iipc/warc-specifications#22).
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { sha1Digest } from '../warc/index.js';
import type { CaptureSpec, Site } from './types.js';

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CHUNK = 4096;

/** RFC 7231 date of a time in seconds since the epoch. */
export function httpDate(seconds: number): string {
  return new Date(seconds * 1000).toUTCString();
}

/** A response as recorded: header block (status line to blank line), body as sent, digest. */
export interface HttpResponse {
  head: Buffer;
  /** Message body as transferred (chunk framing included when chunked). */
  body: Buffer;
  payloadDigest: string;
}

/** Encode HTML in the page's charset. */
export function encodeBody(html: string, charset: string): Buffer {
  return charset === 'utf-8' ? Buffer.from(html, 'utf8') : iconv.encode(html, charset);
}

function chunked(entity: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < entity.length; i += CHUNK) {
    const piece = entity.subarray(i, Math.min(entity.length, i + CHUNK));
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/**
 * The HTTP response for a capture. `html` is the rendered page for 200 answers; `plainCharset`
 * says whether this site leaves the charset out of its Content-Type header.
 */
export function httpResponse(
  spec: CaptureSpec,
  site: Site,
  html: string | undefined,
  plainCharset: boolean,
): HttpResponse {
  const lines = [
    `HTTP/1.1 ${spec.status} ${REASONS[spec.status] ?? 'Unknown'}`,
    `Date: ${httpDate(spec.fetchedAt)}`,
    `Server: ${site.server}`,
  ];
  let entity: Buffer;
  if (html !== undefined) {
    const ct =
      site.charset === 'utf-8' && plainCharset ? 'text/html' : `text/html; charset=${site.charset}`;
    lines.push(`Content-Type: ${ct}`);
    if (site.software?.name === 'WordPress') lines.push('X-Powered-By: PHP/8.2.12');
    entity = encodeBody(html, site.charset);
    if (spec.gzip) {
      entity = gzipSync(entity);
      lines.push('Content-Encoding: gzip', 'Vary: Accept-Encoding');
    }
  } else if (spec.location !== undefined) {
    lines.push(`Location: ${spec.location}`);
    entity = Buffer.alloc(0);
  } else {
    lines.push('Content-Type: text/plain');
    entity = Buffer.from(`${spec.status} ${REASONS[spec.status] ?? ''}\n`);
  }
  const chunk = spec.chunked && entity.length > 0;
  lines.push(
    chunk ? 'Transfer-Encoding: chunked' : `Content-Length: ${entity.length}`,
    'Connection: close',
  );
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return { head, body: chunk ? chunked(entity) : entity, payloadDigest: sha1Digest(entity) };
}

/** The GET request a crawler sends for a URL. */
export function httpRequest(url: string): Buffer {
  // Generated URLs are normalised and fragment-free: split them without a URL parser.
  const hostStart = url.indexOf('//') + 2;
  const pathStart = url.indexOf('/', hostStart);
  const host = url.slice(hostStart, pathStart);
  const target = url.slice(pathStart);
  return Buffer.from(
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: linkgap-synthetic/0.1 (+https://example.org/linkgap)\r\nAccept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`,
  );
}
