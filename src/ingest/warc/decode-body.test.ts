import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dechunk, decodeBody } from './decode-body.js';
import { parseHttpHead } from './http-message.js';

describe('dechunk', () => {
  it('joins chunks and ignores extensions and trailers', () => {
    const raw = Buffer.from('3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n');
    expect(dechunk(raw)?.toString()).toBe('abcde');
  });
  it('returns undefined for a body that was stored de-chunked', () => {
    expect(dechunk(Buffer.from('<html>'))).toBeUndefined();
  });
  it('keeps the chunks of a cut body', () => {
    expect(dechunk(Buffer.from('3\r\nabc\r\n10\r\nxy'))?.toString()).toBe('abcxy');
  });
});

describe('decodeBody', () => {
  it('undoes stacked encodings in reverse order', async () => {
    const raw = zlib.gzipSync(zlib.brotliCompressSync(Buffer.from('hello')));
    const out = await decodeBody(raw, [['Content-Encoding', 'br, gzip']], 100);
    expect(out).toEqual({ body: Buffer.from('hello') });
  });
  it('keeps the decodable prefix of a cut gzip stream', async () => {
    const text = 'abcdefghij'.repeat(5000);
    const raw = zlib.gzipSync(text).subarray(0, 200);
    const out = await decodeBody(raw, [['content-encoding', 'gzip']], 1e6);
    expect(out.body.length).toBeGreaterThan(0);
    expect(text.startsWith(out.body.toString())).toBe(true);
  });
  it('reports an unsupported encoding and keeps the bytes', async () => {
    const out = await decodeBody(Buffer.from('x'), [['Content-Encoding', 'zstd']], 100);
    expect(out).toEqual({ body: Buffer.from('x'), problem: 'unsupported content-encoding zstd' });
  });
});

describe('parseHttpHead', () => {
  it('accepts bare LF, a missing reason phrase and folded headers', () => {
    const head = parseHttpHead(Buffer.from('HTTP/1.0 301\nLocation: /a\nX: 1\n 2\n\nbody'));
    expect(head).toEqual({
      ok: true,
      status: 301,
      headers: [
        ['Location', '/a'],
        ['X', '1 2'],
      ],
      bodyStart: 35,
    });
  });
  it('takes a head without a blank line as a head with no body', () => {
    const block = Buffer.from('HTTP/1.1 200 OK\r\nA: b');
    expect(parseHttpHead(block)).toMatchObject({ ok: true, bodyStart: block.length });
  });
  it('decodes UTF-8 header values and falls back to Latin-1', () => {
    const utf8 = parseHttpHead(Buffer.from('HTTP/1.1 302 Found\r\nLocation: /ü\r\n\r\n'));
    expect(utf8.ok && utf8.headers[0]?.[1]).toBe('/ü');
    const latin1 = parseHttpHead(
      Buffer.from('HTTP/1.1 302 Found\r\nLocation: /\xfc\r\n\r\n', 'latin1'),
    );
    expect(latin1.ok && latin1.headers[0]?.[1]).toBe('/ü');
  });
  it('refuses a bad status line', () => {
    expect(parseHttpHead(Buffer.from('HTTP/1.1 OK\r\n\r\n')).ok).toBe(false);
  });
});
