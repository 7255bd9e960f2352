import { describe, expect, it } from 'vitest';
import type { FetchedResponse } from '../types.js';
import { requestBytes, responseHead } from './http-bytes.js';

function response(headers: Array<[string, string]>, body = 'hello'): FetchedResponse {
  const bytes = Buffer.from(body);
  return {
    url: 'https://a.test/p?q=1#frag',
    fetchedAt: '2026-12-04T10:11:12Z',
    status: 200,
    statusText: 'OK',
    headers,
    rawBody: bytes,
    body: bytes,
    ip: undefined,
    request: {
      method: 'GET',
      headers: [
        ['host', 'a.test'],
        ['User-Agent', 'ua'],
      ],
    },
    truncated: false,
  };
}

describe('responseHead', () => {
  it('drops Transfer-Encoding and adds a Content-Length of the body kept', () => {
    const head = responseHead(
      response([
        ['Content-Type', 'text/html'],
        ['Transfer-Encoding', 'chunked'],
      ]),
    );
    expect(head.toString()).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n',
    );
  });

  it('rewrites Content-Length in place and keeps one', () => {
    const head = responseHead(
      response(
        [
          ['content-length', '999'],
          ['X-A', '1'],
          ['Content-Length', '999'],
        ],
        'abc',
      ),
    );
    expect(head.toString()).toBe('HTTP/1.1 200 OK\r\ncontent-length: 3\r\nX-A: 1\r\n\r\n');
  });

  it('writes a status line without a reason phrase when there was none', () => {
    const r = { ...response([]), status: 299, statusText: '' };
    expect(responseHead(r).toString()).toMatch(/^HTTP\/1\.1 299\r\n/);
  });
});

describe('requestBytes', () => {
  it('writes the request line with path and query, then the headers as sent', () => {
    expect(requestBytes(response([])).toString()).toBe(
      'GET /p?q=1 HTTP/1.1\r\nhost: a.test\r\nUser-Agent: ua\r\n\r\n',
    );
  });
});
