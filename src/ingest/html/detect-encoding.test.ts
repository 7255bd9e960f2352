import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding.js';
import { resolveEncodingLabel } from './encoding-labels.js';
import { charsetFromContent, prescanCharset } from './prescan-charset.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectEncoding', () => {
  it('takes a BOM first, then the header, then a <meta>, then UTF-8', () => {
    const bom = new Uint8Array([0xff, 0xfe, 0x3c, 0x00]);
    expect(detectEncoding(bom, 'windows-1251')).toEqual({
      name: 'utf-16le',
      codec: 'utf16le',
      source: 'bom',
      bomLength: 2,
    });
    const meta = bytes('<meta charset="koi8-r">');
    expect(detectEncoding(meta, 'cp1251')).toMatchObject({
      name: 'windows-1251',
      source: 'header',
    });
    expect(detectEncoding(meta, 'nonsense')).toMatchObject({ name: 'koi8-r', source: 'meta' });
    expect(detectEncoding(bytes('<p>'))).toMatchObject({ name: 'utf-8', source: 'default' });
  });
});

describe('prescanCharset', () => {
  it('skips comments and other tags, with quoted > inside attributes', () => {
    const page =
      '<!-- <meta charset=big5> --><div title="a>b"><meta name=x content="charset=euc-kr"><meta charset=\'EUC-JP\'>';
    expect(prescanCharset(bytes(page))?.name).toBe('euc-jp');
  });
  it('reads http-equiv content-type only with its content', () => {
    const page = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-2">';
    expect(prescanCharset(bytes(page))?.name).toBe('iso-8859-2');
  });
  it('stops after the first 4 KB', () => {
    const page = `<p>${' '.repeat(5000)}<meta charset="koi8-r">`;
    expect(prescanCharset(bytes(page))).toBeUndefined();
  });
});

describe('charsetFromContent', () => {
  it('extracts the charset of a content value', () => {
    expect(charsetFromContent('text/html; charset = "utf-8"')).toBe('utf-8');
    expect(charsetFromContent('text/html;charset=gbk;x=y')).toBe('gbk');
    expect(charsetFromContent('text/html')).toBeUndefined();
  });
});

describe('resolveEncodingLabel', () => {
  it('maps every supported encoding to a codec iconv-lite has', () => {
    const names = [
      'utf-8',
      'ibm866',
      'iso-8859-2',
      'iso-8859-3',
      'iso-8859-4',
      'iso-8859-5',
      'iso-8859-6',
      'iso-8859-7',
      'iso-8859-8',
      'iso-8859-8-i',
      'iso-8859-10',
      'iso-8859-13',
      'iso-8859-14',
      'iso-8859-15',
      'iso-8859-16',
      'koi8-r',
      'koi8-u',
      'macintosh',
      'windows-874',
      'windows-1250',
      'windows-1251',
      'windows-1252',
      'windows-1253',
      'windows-1254',
      'windows-1255',
      'windows-1256',
      'windows-1257',
      'windows-1258',
      'x-mac-cyrillic',
      'gbk',
      'gb18030',
      'big5',
      'euc-jp',
      'shift_jis',
      'euc-kr',
      'utf-16be',
      'utf-16le',
    ];
    for (const name of names) {
      const resolved = resolveEncodingLabel(name);
      expect(resolved?.name).toBe(name);
      expect(iconv.encodingExists(resolved?.codec ?? '')).toBe(true);
    }
  });
  it('resolves aliases case-insensitively and refuses unknown labels', () => {
    expect(resolveEncodingLabel(' Latin1 ')?.name).toBe('windows-1252');
    expect(resolveEncodingLabel('SJIS')?.name).toBe('shift_jis');
    expect(resolveEncodingLabel('iso-2022-jp')).toBeUndefined();
    expect(resolveEncodingLabel('utf-7')).toBeUndefined();
  });
});
