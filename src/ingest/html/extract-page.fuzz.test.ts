import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/helpers/random.js';
import { extractPage } from './extract-page.js';
import type { PageExtract } from './types.js';

const FIXTURES = new URL('../../../test/fixtures/html/', import.meta.url);
const TOKENS = [
  '<a href="',
  '/x',
  '">',
  '</a>',
  '<img alt="',
  '<area href=',
  '<base href="',
  '<link rel=',
  'canonical ',
  '<meta http-equiv=refresh content="0;url=',
  '<meta charset=',
  'shift_jis',
  '<title>',
  '</title>',
  '<script>',
  '</script>',
  '<style>',
  '<noscript>',
  '<template>',
  '<svg>',
  '<section>',
  '</section>',
  '<nav>',
  '</div>',
  '<p>',
  '&amp;',
  '&#x1F600;',
  '&',
  '"',
  "'",
  '<',
  '>',
  '=',
  ' ',
  '\n',
  '\u00a0',
  'text',
  'ü',
  '😀',
  '\uD800',
  '<!--',
  '-->',
  '<![CDATA[',
  '<?xml',
  '<!doctype',
];

function checkInvariants(page: PageExtract): void {
  for (const link of page.links) {
    expect(link.url).toMatch(/^https?:\/\/[^#\s]+$/);
    expect(link.anchor?.length ?? 0).toBeLessThanOrEqual(1000);
    expect(link.alt?.length ?? 0).toBeLessThanOrEqual(1000);
    expect(link.text_pre?.length ?? 0).toBeLessThanOrEqual(80);
    expect(link.text_post?.length ?? 0).toBeLessThanOrEqual(80);
  }
  expect(page.title?.length ?? 0).toBeLessThanOrEqual(1000);
  expect(page.encoding).toMatch(/^[a-z0-9_-]+$/);
}

describe('extractPage on hostile input', () => {
  it('never throws on random bytes', () => {
    const random = createRandom(1);
    for (let n = 0; n < 300; n++) {
      const body = new Uint8Array(Math.floor(random() * 4096));
      for (let i = 0; i < body.length; i++) body[i] = Math.floor(random() * 256);
      const charset = ['utf-8', 'shift_jis', 'utf-16le', 'windows-1251', 'x'][n % 5];
      checkInvariants(
        extractPage({
          url: 'https://a.example/',
          body,
          contentType: `text/html; charset=${charset}`,
        }),
      );
    }
  });

  it('never throws on random tag soup', () => {
    const random = createRandom(2);
    const encoder = new TextEncoder();
    for (let n = 0; n < 300; n++) {
      let source = '';
      const count = Math.floor(random() * 400);
      for (let k = 0; k < count; k++) source += TOKENS[Math.floor(random() * TOKENS.length)];
      checkInvariants(extractPage({ url: 'https://a.example/p', body: encoder.encode(source) }));
    }
  });

  it('never throws on every truncation of every fixture', () => {
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
      const body = readFileSync(new URL(name, FIXTURES));
      for (let end = 0; end <= body.length; end++) {
        checkInvariants(extractPage({ url: 'https://a.example/', body: body.subarray(0, end) }));
      }
    }
  });

  it('handles an empty body', () => {
    expect(extractPage({ url: 'https://a.example/', body: new Uint8Array(0) })).toEqual({
      encoding: 'utf-8',
      meta: {},
      links: [],
      skippedLinks: 0,
      signals: {
        head_hosts: [],
        software: [],
        schema_types: [],
        contact: [],
        favicon: false,
        text_chars: 0,
      },
    });
  });
});
