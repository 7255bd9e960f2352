/**
 * What one path of the loopback test web answers: a declarative {@link RouteSpec} (status,
 * headers, body, encodings, redirects, delays, drips, hangs, huge bodies, validators, failures
 * before success) or a raw node:http handler, and `serveRoute` that plays a spec.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';

/** A declarative answer. Every field is optional; `{}` is `200 text/html` with an empty body. */
export interface RouteSpec {
  /** Default 200 (301 with `redirect`). */
  status?: number;
  /** Extra response headers, in order. */
  headers?: Array<[string, string]>;
  body?: string | Uint8Array;
  /** Content-Type unless `headers` has one; default `text/html; charset=utf-8`; null: none. */
  contentType?: string | null;
  /** Compress the body and send `Content-Encoding`. */
  encoding?: 'gzip' | 'deflate' | 'br';
  /** Send without Content-Length (`Transfer-Encoding: chunked`). */
  chunked?: boolean;
  /** `Location` of a redirect (status defaults to 301). */
  redirect?: string;
  /** Wait this long before sending the status line. */
  headersDelayMs?: number;
  /** Send the body `bytes` at a time, one piece every `everyMs`. */
  drip?: { bytes: number; everyMs: number };
  /** Never finish: before the head, after the head, or after half of the body. */
  hang?: 'before-headers' | 'after-headers' | 'mid-body';
  /** Stream this many filler bytes as the body (a huge response); `body` is ignored. */
  streamBytes?: number;
  /** ETag sent on 200 and matched against If-None-Match (then 304). */
  etag?: string;
  /** Last-Modified sent on 200 and compared with If-Modified-Since (then 304). */
  lastModified?: string;
  /** Answer the first `failFirst` requests of this path with `failStatus` (default 503). */
  failFirst?: number;
  failStatus?: number;
}

/** A raw handler, for what a spec cannot say (garbage on the socket, …). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** One path's answer. */
export type Route = RouteSpec | RouteHandler;

/** `robots.txt` with `text` (status 200 unless given), as served by most sites. */
export function robotsTxt(text: string, status = 200): RouteSpec {
  return { status, body: text, contentType: 'text/plain' };
}

const FILL = Buffer.alloc(64 * 1024, 'x');

/** Wait for `drain` (or for the client to go away), leaving no listener behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function encode(body: Buffer, encoding: RouteSpec['encoding']): Buffer {
  if (encoding === 'gzip') return zlib.gzipSync(body);
  if (encoding === 'deflate') return zlib.deflateSync(body);
  if (encoding === 'br') return zlib.brotliCompressSync(body);
  return body;
}

function notModified(req: IncomingMessage, spec: RouteSpec): boolean {
  const inm = req.headers['if-none-match'];
  if (spec.etag !== undefined && inm !== undefined)
    return inm === '*' || inm.split(',').some((t) => t.trim() === spec.etag);
  const ims = req.headers['if-modified-since'];
  if (spec.lastModified === undefined || ims === undefined) return false;
  return Date.parse(ims) >= Date.parse(spec.lastModified);
}

function headOf(
  spec: RouteSpec,
  status: number,
  length: number | undefined,
): Array<[string, string]> {
  const h: Array<[string, string]> = [];
  const named = (n: string) => spec.headers?.some(([k]) => k.toLowerCase() === n) === true;
  const type = spec.contentType === undefined ? 'text/html; charset=utf-8' : spec.contentType;
  if (!named('content-type') && type !== null && status !== 304 && spec.redirect === undefined)
    h.push(['Content-Type', type]);
  if (spec.redirect !== undefined) h.push(['Location', spec.redirect]);
  if (spec.etag !== undefined) h.push(['ETag', spec.etag]);
  if (spec.lastModified !== undefined) h.push(['Last-Modified', spec.lastModified]);
  if (spec.encoding !== undefined && status !== 304) h.push(['Content-Encoding', spec.encoding]);
  h.push(...(spec.headers ?? []));
  if (length !== undefined) h.push(['Content-Length', String(length)]);
  return h;
}

async function writeAll(res: ServerResponse, body: Buffer, spec: RouteSpec): Promise<void> {
  const piece = spec.drip?.bytes ?? body.length;
  for (let at = 0; at < body.length && !res.destroyed; at += piece) {
    if (!res.write(body.subarray(at, at + piece))) await drained(res);
    if (spec.drip !== undefined) await sleep(spec.drip.everyMs);
  }
}

async function stream(res: ServerResponse, total: number): Promise<void> {
  for (let sent = 0; sent < total && !res.destroyed; sent += FILL.length) {
    if (!res.write(FILL.subarray(0, Math.min(FILL.length, total - sent)))) await drained(res);
  }
}

/**
 * Answer `req` as `spec` says. `attempt` is the 1-based count of requests this path has had
 * (for `failFirst`). Resolves when the answer is complete (never, for `hang`).
 */
export async function serveRoute(
  req: IncomingMessage,
  res: ServerResponse,
  spec: RouteSpec,
  attempt: number,
): Promise<void> {
  if (spec.headersDelayMs !== undefined) await sleep(spec.headersDelayMs);
  if (spec.hang === 'before-headers') return;
  if (spec.failFirst !== undefined && attempt <= spec.failFirst) {
    res.writeHead(spec.failStatus ?? 503, { 'Content-Type': 'text/plain' }).end('failing\n');
    return;
  }
  let status = spec.status ?? (spec.redirect === undefined ? 200 : 301);
  if (status === 200 && notModified(req, spec)) status = 304;
  const raw = typeof spec.body === 'string' ? Buffer.from(spec.body) : Buffer.from(spec.body ?? []);
  const body = status === 304 ? Buffer.alloc(0) : encode(raw, spec.encoding);
  const streamed = spec.streamBytes !== undefined && status !== 304;
  const length = spec.chunked ? undefined : streamed ? spec.streamBytes : body.length;
  res.writeHead(status, headOf(spec, status, length).flat());
  if (spec.hang === 'after-headers') {
    res.flushHeaders();
    return;
  }
  if (spec.hang === 'mid-body') {
    res.write(body.subarray(0, Math.max(1, body.length >> 1)));
    return;
  }
  if (streamed) await stream(res, spec.streamBytes as number);
  else await writeAll(res, body, spec);
  res.end();
}
