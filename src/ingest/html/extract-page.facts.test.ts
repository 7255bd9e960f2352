import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';
import type { PageInput } from './types.js';

const URL_ = 'https://www.example.com/';

function bytes(name: string): Uint8Array {
  return readFileSync(new URL(`../../../test/fixtures/html/${name}`, import.meta.url));
}

function fixture(name: string, extra: Partial<PageInput> = {}) {
  return extractPage({ url: URL_, body: bytes(name), ...extra });
}

function html(source: string, extra: Partial<PageInput> = {}) {
  return extractPage({ url: URL_, body: new TextEncoder().encode(source), ...extra });
}

describe('extractPage encodings', () => {
  it('decodes windows-1251 declared by <meta charset>', () => {
    const page = fixture('windows-1251.html');
    expect(page.encoding).toBe('windows-1251');
    expect(page.title).toBe('Привет, мир');
    expect(page.links).toEqual([
      {
        url: 'https://www.example.com/%D1%81%D1%82%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0',
        item_type: 'anchor',
        anchor: 'ссылка',
        rel: [],
        text_pre: 'Текст перед',
        text_post: 'текст после.',
        semantic_location: '',
      },
    ]);
  });

  it('decodes Shift_JIS declared by the Content-Type header', () => {
    const page = fixture('shift-jis.html', { contentType: 'text/html; charset=Shift_JIS' });
    expect(page.encoding).toBe('shift_jis');
    expect(page.title).toBe('日本語のページ');
    expect(page.lang).toBe('ja');
    expect(page.links[0]).toMatchObject({
      url: 'https://example.jp/',
      anchor: 'リンク',
      text_pre: '前の文章',
      text_post: '後の文章',
    });
  });

  it('lets a UTF-8 BOM win over a header charset and strips it', () => {
    const page = fixture('utf8-bom.html', { contentType: 'text/html; charset=iso-8859-1' });
    expect(page.encoding).toBe('utf-8');
    expect(page.title).toBe('Café');
    expect(page.links[0]).toMatchObject({ url: 'https://www.example.com/%C3%A9', anchor: 'naïve' });
  });

  it('resolves labels as browsers do and falls back to UTF-8 for unknown ones', () => {
    expect(html('<p>x', { contentType: 'text/html; charset=ISO-8859-1' }).encoding).toBe(
      'windows-1252',
    );
    expect(html('<p>x', { contentType: 'text/html; charset=gb2312' }).encoding).toBe('gbk');
    expect(html('<p>x', { contentType: 'text/html; charset=no-such-thing' }).encoding).toBe(
      'utf-8',
    );
    expect(html('<meta charset="bogus"><p>x').encoding).toBe('utf-8');
    expect(html('<p>x').encoding).toBe('utf-8');
  });

  it('finds <meta http-equiv=content-type> past comments, and treats a declared UTF-16 as UTF-8', () => {
    const declared =
      '<!-- <meta charset="koi8-r"> -->\n<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">';
    expect(html(declared).encoding).toBe('windows-1250');
    expect(html('<meta charset="utf-16"><p>x').encoding).toBe('utf-8');
  });
});

describe('extractPage page facts', () => {
  it('reads the first title, the html lang and the page metadata', () => {
    const page = fixture('page-facts.html');
    expect(page.title).toBe('Page Facts & More');
    expect(page.lang).toBe('en');
    expect(page.meta).toEqual({
      description: 'A page about facts.',
      keywords: 'facts, tests',
      generator: 'WordPress 6.5',
      robots: 'noindex, nofollow',
      'og:title': 'OG Title',
      'og:image': 'https://cdn.example.com/og.png',
      'twitter:card': 'summary_large_image',
      canonical: 'https://www.example.com/canonical?a=1',
    });
  });

  it('ignores an SVG <title> and leaves out an empty title', () => {
    expect(html('<svg><title>Icon</title></svg><title>Real</title>').title).toBe('Real');
    expect(html('<title>  </title>').title).toBeUndefined();
  });

  it('detects the language from visible text when nothing declares it', () => {
    expect(fixture('lang-detect.html').lang).toBe('de');
  });

  it('prefers <html lang> over the Content-Language hint, and the hint over detection', () => {
    expect(fixture('page-facts.html', { contentLanguage: 'fr' }).lang).toBe('en');
    expect(fixture('lang-detect.html', { contentLanguage: 'fr-CA, en' }).lang).toBe('fr');
    expect(html('<html lang="x-default"><p>Hi', { contentLanguage: 'nl' }).lang).toBe('nl');
    expect(html('<meta http-equiv="content-language" content="pt-BR"><p>Hi').lang).toBe('pt');
  });

  it('returns no language when the text is too short to tell', () => {
    expect(html('<p>OK</p>').lang).toBeUndefined();
  });
});
