import { describe, expect, it } from 'vitest';
import type { HttpCaptureInput } from '../types.js';
import { captureFromHttp } from './capture-from-http.js';

const encoder = new TextEncoder();

function response(
  status: number,
  headers: Array<[string, string]>,
  body: string | Uint8Array = '',
): HttpCaptureInput {
  return {
    url: 'https://www.example.com/dir/page',
    fetchedAt: '2024-05-17T23:31:22Z',
    status,
    headers,
    body: typeof body === 'string' ? encoder.encode(body) : body,
    ip: '192.0.2.7',
  };
}

const PAGE = '<html lang="en"><title>T</title><p>Before <a href="/x" rel="nofollow">X</a> after';

describe('captureFromHttp', () => {
  it('turns a 3xx Location, relative or not, into redirect_location and one redirect link', () => {
    const capture = captureFromHttp(
      response(
        301,
        [
          ['LOCATION', '../moved?a=1#top'],
          ['Content-Type', 'text/html'],
        ],
        PAGE,
      ),
    );
    expect(capture).toEqual({
      url: 'https://www.example.com/dir/page',
      fetched_at: '2024-05-17T23:31:22Z',
      status: 301,
      ip: '192.0.2.7',
      content_type: 'text/html',
      redirect_location: 'https://www.example.com/moved?a=1',
      size: encoder.encode(PAGE).byteLength,
      links: [
        { url: 'https://www.example.com/moved?a=1', item_type: 'redirect', anchor: '', rel: [] },
      ],
    });
  });

  it('gives a 3xx without a usable Location no links', () => {
    expect(captureFromHttp(response(302, [['Location', 'mailto:a@b.c']])).links).toEqual([]);
    const capture = captureFromHttp(response(304, []));
    expect(capture.links).toEqual([]);
    expect(capture.redirect_location).toBeUndefined();
  });

  it('extracts a 2xx HTML page, with header names in any case', () => {
    const capture = captureFromHttp(
      response(
        200,
        [
          ['CONTENT-TYPE', 'Text/HTML; Charset=UTF-8'],
          ['x-robots-tag', 'NoIndex'],
          ['X-Robots-Tag', 'googlebot: nofollow'],
        ],
        PAGE,
      ),
    );
    expect(capture).toEqual({
      url: 'https://www.example.com/dir/page',
      fetched_at: '2024-05-17T23:31:22Z',
      status: 200,
      ip: '192.0.2.7',
      content_type: 'text/html',
      title: 'T',
      lang: 'en',
      encoding: 'utf-8',
      size: encoder.encode(PAGE).byteLength,
      meta: { 'x-robots-tag': 'noindex, googlebot: nofollow' },
      signals: {
        head_hosts: [],
        software: [],
        schema_types: [],
        contact: [],
        favicon: false,
        text_chars: 14,
      },
      links: [
        {
          url: 'https://www.example.com/x',
          item_type: 'anchor',
          anchor: 'X',
          rel: ['nofollow'],
          text_pre: 'Before',
          text_post: 'after',
          semantic_location: '',
        },
      ],
    });
  });

  it('extracts application/xhtml+xml and uses Content-Language as the language hint', () => {
    const capture = captureFromHttp(
      response(
        200,
        [
          ['Content-Type', 'application/xhtml+xml'],
          ['Content-Language', 'de-AT'],
        ],
        '<p><a href="https://a.example/">A</a></p>',
      ),
    );
    expect(capture.lang).toBe('de');
    expect(capture.links.map((l) => l.url)).toEqual(['https://a.example/']);
  });

  it('sniffs HTML when the Content-Type is missing', () => {
    const capture = captureFromHttp(response(200, [], `\n  <!DOCTYPE html>${PAGE}`));
    expect(capture.content_type).toBeUndefined();
    expect(capture.encoding).toBe('utf-8');
    expect(capture.title).toBe('T');
    expect(capture.links).toHaveLength(1);
  });

  it('does not parse a body without Content-Type that does not sniff as HTML', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x3c, 0x61]);
    expect(captureFromHttp(response(200, [], png))).toEqual({
      url: 'https://www.example.com/dir/page',
      fetched_at: '2024-05-17T23:31:22Z',
      status: 200,
      ip: '192.0.2.7',
      size: 10,
      links: [],
    });
  });

  it('keeps non-HTML bodies and error pages to response facts', () => {
    const pdf = captureFromHttp(response(200, [['Content-Type', 'application/pdf']], PAGE));
    expect(pdf).toMatchObject({ content_type: 'application/pdf', links: [] });
    expect(pdf.title).toBeUndefined();
    expect(pdf.encoding).toBeUndefined();
    expect(pdf.signals).toBeUndefined();
    const notFound = captureFromHttp(
      response(
        404,
        [
          ['Content-Type', 'text/html'],
          ['X-Robots-Tag', 'noindex'],
        ],
        PAGE,
      ),
    );
    expect(notFound).toEqual({
      url: 'https://www.example.com/dir/page',
      fetched_at: '2024-05-17T23:31:22Z',
      status: 404,
      ip: '192.0.2.7',
      content_type: 'text/html',
      size: encoder.encode(PAGE).byteLength,
      meta: { 'x-robots-tag': 'noindex' },
      links: [],
    });
  });

  it('leaves out an empty ip', () => {
    const capture = captureFromHttp({ ...response(500, []), ip: '' });
    expect(capture.ip).toBeUndefined();
  });
});
