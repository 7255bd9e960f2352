import { describe, expect, it } from 'vitest';
import { parseContentType } from './content-type.js';

describe('parseContentType', () => {
  it('lower-cases the media type and keeps the charset as written', () => {
    expect(parseContentType('Text/HTML; Charset="UTF-8"')).toEqual({
      mediaType: 'text/html',
      charset: 'UTF-8',
    });
  });
  it('reads a charset after other parameters', () => {
    expect(parseContentType('text/html; q=1;charset=windows-1251 ')).toEqual({
      mediaType: 'text/html',
      charset: 'windows-1251',
    });
  });
  it('cuts the charset of joined duplicate headers at the comma', () => {
    expect(parseContentType('text/html; charset=utf-8, text/html').charset).toBe('utf-8');
  });
  it('has no media type for a value without a slash and nothing for undefined', () => {
    expect(parseContentType('html')).toEqual({});
    expect(parseContentType(undefined)).toEqual({});
    expect(parseContentType('text/html; charset=')).toEqual({ mediaType: 'text/html' });
  });
});
