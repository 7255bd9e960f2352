import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';

const URL_ = 'https://www.example.com/';

function fixture(name: string) {
  const body = readFileSync(new URL(`../../../test/fixtures/html/${name}`, import.meta.url));
  return extractPage({ url: URL_, body });
}

function html(source: string) {
  return extractPage({ url: URL_, body: new TextEncoder().encode(source) });
}

describe('extractPage text', () => {
  it('collapses whitespace in anchors and cuts context at 80 characters', () => {
    const page = fixture('text-context.html');
    expect(page.links).toEqual([
      {
        url: 'https://www.example.com/middle',
        item_type: 'anchor',
        anchor: 'the link text',
        rel: [],
        // The last 80 characters before the link, then trimmed: 79 are left.
        text_pre: 'and it keeps going for a good while so that it is longer than eighty characters',
        text_post:
          'and after the link there is more text, again longer than eighty characters in to',
        semantic_location: '',
      },
      {
        url: 'https://www.example.com/short',
        item_type: 'anchor',
        anchor: 'short',
        rel: [],
        text_pre:
          're text, again longer than eighty characters in total, plus a tail. Short before',
        text_post: 'short after.',
        semantic_location: '',
      },
    ]);
  });

  it('keeps script, style, noscript, template, textarea and attribute text out of context', () => {
    const page = fixture('hidden-text.html');
    expect(page.links).toEqual([
      {
        url: 'https://www.example.com/noscript-link',
        item_type: 'anchor',
        anchor: 'noscript link',
        rel: [],
        text_pre: 'Visible before',
        text_post: 'Link Visible after',
        semantic_location: '',
      },
      {
        url: 'https://www.example.com/link',
        item_type: 'anchor',
        anchor: 'Link',
        rel: [],
        text_pre: 'Visible before',
        text_post: 'Visible after',
        semantic_location: '',
      },
    ]);
  });

  it('treats block boundaries and <br> as spaces, inline tags as nothing', () => {
    const page = html('<div>one</div><div>two<br>three <a href="/x">A<b>B</b><p>C</a>f<i>o</i>ur');
    expect(page.links[0]?.text_pre).toBe('one two three');
    expect(page.links[0]?.anchor).toBe('AB C');
    expect(page.links[0]?.text_post).toBe('four');
  });

  it('collapses NBSP, tabs and entity-encoded whitespace', () => {
    const page = html('a&nbsp;&nbsp;b\t\t<a href="/x"> x&#10;&#10;y </a>&#32; c');
    expect(page.links[0]).toMatchObject({ text_pre: 'a b', anchor: 'x y', text_post: 'c' });
  });

  it('decodes character references in text and attributes, with the attribute rules', () => {
    const page = html(
      '<p>Fish &amp; chips <a href="/s?a=1&amp;b=2&copy=3" rel="nofollow&#32;ugc">Tom &amp; Jerry &lt;3</a>' +
        ' &copy 2024 <a href="/i"><img alt="&quot;Logo&quot;"></a>',
    );
    expect(page.links[0]).toMatchObject({
      url: 'https://www.example.com/s?a=1&b=2&copy=3',
      rel: ['nofollow', 'ugc'],
      anchor: 'Tom & Jerry <3',
      text_pre: 'Fish & chips',
      text_post: '© 2024',
    });
    expect(page.links[1]?.alt).toBe('"Logo"');
  });

  it('gives text_post from the following links too, and stops at the end of the document', () => {
    const page = html('<a href="/1">one</a><a href="/2">two</a>');
    expect(page.links.map((l) => [l.text_pre, l.text_post])).toEqual([
      ['', 'two'],
      ['one', ''],
    ]);
  });

  it('caps anchor text, alt and title at 1,000 characters', () => {
    const long = 'x'.repeat(1500);
    const page = html(
      `<title>${long}</title><a href="/a">${long}</a><a href="/b"><img alt="${long}"></a>`,
    );
    expect(page.title).toHaveLength(1000);
    expect(page.links[0]?.anchor).toHaveLength(1000);
    expect(page.links[1]?.alt).toHaveLength(1000);
    expect(page.links[0]?.text_pre).toBe('');
  });

  it('does not split a surrogate pair at the 80-character cut', () => {
    const page = html(`<a href="/a">a</a>${'x'.repeat(79)}😀 tail`);
    expect(page.links[0]?.text_post).toBe('x'.repeat(79));
  });
});
