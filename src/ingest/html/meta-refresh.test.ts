import { describe, expect, it } from 'vitest';
import { parseMetaRefresh } from './meta-refresh.js';

describe('parseMetaRefresh', () => {
  it('reads url= with or without quotes, spaces and case', () => {
    expect(parseMetaRefresh("5; URL='/next'")).toBe('/next');
    expect(parseMetaRefresh('0;url="https://a.com/x"')).toBe('https://a.com/x');
    expect(parseMetaRefresh('  1 , url = /spaced ')).toBe('/spaced');
    expect(parseMetaRefresh('0.5;URL=/half')).toBe('/half');
  });
  it('takes the rest as the URL when there is no url= prefix', () => {
    expect(parseMetaRefresh('0; next.html')).toBe('next.html');
    expect(parseMetaRefresh('0; urn.html')).toBe('urn.html');
  });
  it('gives nothing for a plain reload or a malformed delay', () => {
    expect(parseMetaRefresh('30')).toBeUndefined();
    expect(parseMetaRefresh('0; url=')).toBeUndefined();
    expect(parseMetaRefresh('soon; url=/x')).toBeUndefined();
    expect(parseMetaRefresh('5x; url=/x')).toBeUndefined();
    expect(parseMetaRefresh('')).toBeUndefined();
  });
});
