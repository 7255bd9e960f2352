import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode-body.js';

describe('decodeBody', () => {
  it('decodes with the detected codec and skips the BOM', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('café')]);
    expect(decodeBody(body, { name: 'utf-8', codec: 'utf8', source: 'bom', bomLength: 3 })).toBe(
      'café',
    );
    const cyrillic = iconv.encode('Привет', 'windows1251');
    expect(
      decodeBody(cyrillic, {
        name: 'windows-1251',
        codec: 'windows1251',
        source: 'header',
        bomLength: 0,
      }),
    ).toBe('Привет');
  });
  it('replaces invalid UTF-8 and falls back to UTF-8 for a codec iconv-lite lacks', () => {
    const bad = new Uint8Array([0x61, 0xff, 0x62]);
    expect(decodeBody(bad, { name: 'utf-8', codec: 'utf8', source: 'default', bomLength: 0 })).toBe(
      'a\ufffdb',
    );
    expect(
      decodeBody(bad, { name: 'x', codec: 'no-such-codec', source: 'header', bomLength: 0 }),
    ).toBe('a\ufffdb');
  });
});
