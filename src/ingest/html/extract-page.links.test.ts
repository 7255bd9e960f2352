import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';

const URL_ = 'https://www.example.com/dir/index.html';

function fixture(name: string, url = URL_, contentType?: string) {
  const body = readFileSync(new URL(`../../../test/fixtures/html/${name}`, import.meta.url));
  return extractPage({ url, body, ...(contentType === undefined ? {} : { contentType }) });
}

function html(source: string, url = URL_) {
  return extractPage({ url, body: new TextEncoder().encode(source) });
}

describe('extractPage links', () => {
  it('names the innermost semantic element, robust to unclosed and misnested tags', () => {
    const page = fixture('semantic.html');
    expect(page.links.map((l) => [l.url.slice(23), l.semantic_location])).toEqual([
      ['/top', ''],
      ['/nav', 'nav'],
      ['/header', 'header'],
      ['/section', 'section'],
      ['/caption', 'figcaption'],
      ['/article', 'article'],
      ['/summary', 'summary'],
      ['/details', 'details'],
      ['/main', 'main'],
      ['/misnested', 'nav'],
      ['/after-article', ''],
      ['/footer', 'footer'],
      ['/unclosed', 'section'],
      ['/after-body', ''],
    ]);
  });

  it('resolves against the first <base href> from that element on', () => {
    const page = fixture('base-href.html');
    expect(page.links.map((l) => [l.item_type, l.url])).toEqual([
      ['link', 'https://www.example.com/dir/before.css'],
      ['anchor', 'https://cdn.example.org/assets/page.html'],
      ['anchor', 'https://cdn.example.org/root'],
      ['anchor', 'https://other.example/x'],
      ['anchor', 'https://cdn.example.org/assets/?q=1'],
      ['anchor', 'https://cdn.example.org/assets/'],
    ]);
  });

  it('resolves a relative <base href> against the document URL', () => {
    const page = html('<base href="../up/"><a href="x">X</a>');
    expect(page.links[0]?.url).toBe('https://www.example.com/up/x');
  });

  it('turns an <a> around an <img> into an image link with the first alt, and reads <area>', () => {
    const page = fixture('image-links.html');
    expect(page.links).toEqual([
      {
        url: 'https://www.example.com/home',
        item_type: 'image',
        anchor: '',
        alt: 'Example Logo',
        rel: [],
        text_pre: 'Logo:',
        text_post: 'and Two images',
        semantic_location: '',
      },
      {
        url: 'https://www.example.com/two',
        item_type: 'image',
        anchor: 'Two images',
        alt: 'First',
        rel: [],
        text_pre: 'Logo: and',
        text_post: '',
        semantic_location: '',
      },
      {
        url: 'https://www.example.com/no-alt',
        item_type: 'image',
        anchor: '',
        alt: '',
        rel: [],
        text_pre: 'Logo: and Two images',
        text_post: '',
        semantic_location: '',
      },
      {
        url: 'https://www.example.com/area',
        item_type: 'anchor',
        anchor: '',
        alt: 'Area one',
        rel: ['nofollow'],
        text_pre: 'Logo: and Two images',
        text_post: '',
        semantic_location: '',
      },
    ]);
    expect(page.skippedLinks).toBe(1);
  });

  it('keeps rel tokens lower-case, deduplicated, in source order', () => {
    const page = fixture('rel-tokens.html');
    expect(page.links.map((l) => l.rel)).toEqual([
      ['nofollow', 'ugc'],
      ['sponsored', 'noopener', 'noreferrer', 'external'],
      [],
      [],
      ['preload'],
    ]);
  });

  it('reads meta refresh targets and skips refreshes without a usable URL', () => {
    const page = fixture('meta-refresh.html', 'https://www.example.com/a/b.html');
    expect(page.links).toEqual([
      {
        url: 'https://www.example.com/next?x=1',
        item_type: 'meta',
        anchor: '',
        rel: [],
        semantic_location: '',
      },
      {
        url: 'https://other.example/landing',
        item_type: 'meta',
        anchor: '',
        rel: [],
        semantic_location: '',
      },
      {
        url: 'https://www.example.com/a/next.html',
        item_type: 'meta',
        anchor: '',
        rel: [],
        semantic_location: '',
      },
    ]);
    expect(page.skippedLinks).toBe(1);
  });

  it('maps <link> by rel: canonical, alternate, anything else is link', () => {
    const page = fixture('link-elements.html');
    expect(page.links.map((l) => [l.item_type, l.url, l.rel])).toEqual([
      ['canonical', 'https://www.example.com/canonical-page', ['canonical']],
      ['alternate', 'https://www.example.com/de/', ['alternate']],
      ['alternate', 'https://www.example.com/feed.xml', ['alternate']],
      ['link', 'https://www.example.com/style.css', ['stylesheet']],
      ['link', 'https://www.example.com/favicon.ico', ['icon']],
      ['link', 'https://www.example.com/no-rel', []],
      ['canonical', 'https://www.example.com/second-canonical', ['canonical']],
    ]);
    expect(page.links[0]).toEqual({
      url: 'https://www.example.com/canonical-page',
      item_type: 'canonical',
      anchor: '',
      rel: ['canonical'],
      semantic_location: '',
    });
    expect(page.meta.canonical).toBe('https://www.example.com/canonical-page');
  });

  it('skips and counts empty, unparseable and non-http(s) hrefs', () => {
    const page = fixture('skipped-links.html');
    expect(page.links.map((l) => l.url)).toEqual(['https://ok.example/']);
    expect(page.skippedLinks).toBe(8);
  });

  it('ends an open anchor when another one starts, as browsers do', () => {
    const page = html('<a href="/1">one <b><a href="/2">two</a></b> three</a> four');
    expect(page.links.map((l) => [l.url.slice(23), l.anchor, l.text_post])).toEqual([
      ['/1', 'one', 'two three four'],
      ['/2', 'two', 'three four'],
    ]);
  });
});
