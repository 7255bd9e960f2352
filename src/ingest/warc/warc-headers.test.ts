import { describe, expect, it } from 'vitest';
import { getField, normalizeWarcDate, parseWarcHead, unbracketUri } from './warc-headers.js';

describe('normalizeWarcDate', () => {
  it('keeps a canonical date and drops fractions', () => {
    expect(normalizeWarcDate('2024-05-17T23:31:22Z')).toBe('2024-05-17T23:31:22Z');
    expect(normalizeWarcDate('2024-05-17T23:31:22.123456Z')).toBe('2024-05-17T23:31:22Z');
  });
  it('converts offsets to UTC and reads a missing zone as UTC', () => {
    expect(normalizeWarcDate('2024-05-17T23:31:22+02:00')).toBe('2024-05-17T21:31:22Z');
    expect(normalizeWarcDate('2024-12-31T23:30:00-01:00')).toBe('2025-01-01T00:30:00Z');
    expect(normalizeWarcDate('2024-05-17T23:31')).toBe('2024-05-17T23:31:00Z');
  });
  it('accepts 14-digit ARC timestamps', () => {
    expect(normalizeWarcDate('20080430204825')).toBe('2008-04-30T20:48:25Z');
  });
  it('refuses impossible dates and garbage', () => {
    expect(normalizeWarcDate('2024-02-30T00:00:00Z')).toBeUndefined();
    expect(normalizeWarcDate('2024-13-01T00:00:00Z')).toBeUndefined();
    expect(normalizeWarcDate('yesterday')).toBeUndefined();
    expect(normalizeWarcDate('')).toBeUndefined();
  });
  it('accepts 29 February in a leap year only', () => {
    expect(normalizeWarcDate('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00Z');
    expect(normalizeWarcDate('2023-02-29T12:00:00Z')).toBeUndefined();
  });
});

describe('parseWarcHead', () => {
  it('reads the version and fields in order, joining folded lines', () => {
    const head = parseWarcHead(
      Buffer.from(
        'WARC/1.1\r\nWARC-Type: response\r\nX-Long: a\r\n  b\r\nno colon\r\nContent-Length: 5\r\n',
      ),
    );
    expect(head).toEqual({
      ok: true,
      version: 'WARC/1.1',
      fields: [
        ['WARC-Type', 'response'],
        ['X-Long', 'a b'],
        ['Content-Length', '5'],
      ],
    });
  });
  it('refuses a block without a version line', () => {
    expect(parseWarcHead(Buffer.from('HTTP/1.1 200 OK\r\n')).ok).toBe(false);
  });
  it('looks fields up case-insensitively and strips URI brackets', () => {
    expect(getField([['warc-target-uri', '<http://a/>']], 'WARC-Target-URI')).toBe('<http://a/>');
    expect(unbracketUri(' <http://a/> ')).toBe('http://a/');
    expect(unbracketUri('http://a/')).toBe('http://a/');
  });
});
