import { describe, expect, it } from 'vitest';
import { sniffHtml } from './sniff-html.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffHtml', () => {
  it('recognises HTML openings after whitespace and a BOM, case-insensitively', () => {
    expect(sniffHtml(bytes('\n\t <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">'))).toBe(true);
    expect(sniffHtml(bytes('\ufeff<html>'))).toBe(true);
    expect(sniffHtml(bytes('<P>text'))).toBe(true);
    expect(sniffHtml(bytes('<!-- comment -->'))).toBe(true);
  });
  it('requires a space or > after the tag name', () => {
    expect(sniffHtml(bytes('<abbr>'))).toBe(false);
    expect(sniffHtml(bytes('<a'))).toBe(false);
  });
  it('refuses other content', () => {
    expect(sniffHtml(bytes('{"json": true}'))).toBe(false);
    expect(sniffHtml(bytes('<?xml version="1.0"?><rss>'))).toBe(false);
    expect(sniffHtml(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(sniffHtml(new Uint8Array(0))).toBe(false);
  });
});
