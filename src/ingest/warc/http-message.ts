/**
 * The HTTP response head inside a WARC response or revisit block: status line and headers in
 * wire order. Lenient as archives are: bare LF line ends, folded lines, a missing reason phrase,
 * a head with no blank line after it (a HEAD answer or a cut record).
 */

/** Outcome of parsing the HTTP head at the start of a record block. */
export type HttpHeadResult =
  | { ok: true; status: number; headers: Array<[string, string]>; bodyStart: number }
  | { ok: false; reason: string };

const STATUS_RE = /^HTTP\/\d+(?:\.\d+)?[ \t]+(\d{3})(?:[ \t]|$)/;
/** An HTTP head larger than this is not an HTTP head. */
const HEAD_LIMIT = 256 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the block starts like an HTTP message (`HTTP/`). */
export function looksLikeHttp(block: Uint8Array): boolean {
  return (
    block[0] === 0x48 &&
    block[1] === 0x54 &&
    block[2] === 0x54 &&
    block[3] === 0x50 &&
    block[4] === 0x2f
  );
}

/** Parse the status line and headers at the start of `block`. */
export function parseHttpHead(block: Buffer): HttpHeadResult {
  if (!looksLikeHttp(block)) return { ok: false, reason: 'block does not start with HTTP/' };
  const end = findBlankLine(block);
  const headEnd = end < 0 ? Math.min(block.length, HEAD_LIMIT) : end;
  if (end < 0 && block.length > HEAD_LIMIT) return { ok: false, reason: 'HTTP head too long' };
  const lines = decodeHeaderText(block.subarray(0, headEnd)).split('\n');
  const statusLine = (lines[0] ?? '').replace(/\r$/, '');
  const m = STATUS_RE.exec(statusLine);
  if (m === null) return { ok: false, reason: `bad HTTP status line "${statusLine.slice(0, 60)}"` };
  const headers: Array<[string, string]> = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') continue;
    const last = headers[headers.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last !== undefined) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { ok: true, status: Number(m[1]), headers, bodyStart: end < 0 ? block.length : end };
}

/** Every value of header `name` (case-insensitive), in order. */
export function headerValues(headers: ReadonlyArray<[string, string]>, name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [key, value] of headers) if (key.toLowerCase() === lower) out.push(value);
  return out;
}

/** Header bytes are mostly ASCII; UTF-8 when valid, else Latin-1 (what browsers fall back to). */
function decodeHeaderText(bytes: Buffer): string {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) >= 0x80) {
      try {
        return utf8.decode(bytes);
      } catch {
        return bytes.toString('latin1');
      }
    }
  }
  return bytes.toString('latin1');
}

/** Index just past the first blank line (`\n\n` or `\n\r\n`), or -1. */
function findBlankLine(buf: Buffer): number {
  let nl = buf.indexOf(0x0a);
  while (nl >= 0 && nl < HEAD_LIMIT) {
    const next = buf[nl + 1];
    if (next === 0x0a) return nl + 2;
    if (next === 0x0d && buf[nl + 2] === 0x0a) return nl + 3;
    nl = buf.indexOf(0x0a, nl + 1);
  }
  return -1;
}
