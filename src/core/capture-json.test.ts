import { describe, expect, it } from 'vitest';
import { linksJson, signalsJson } from './capture-json.js';

describe('linksJson', () => {
  it('writes keys in the documented order and omits absent ones', () => {
    expect(
      linksJson([
        {
          semantic_location: 'nav',
          rel: [],
          anchor: 'a "b"',
          item_type: 'anchor',
          url: 'https://x.com/',
        },
        { url: 'https://y.com/', item_type: 'redirect' },
      ]),
    ).toBe(
      '[{"url":"https://x.com/","item_type":"anchor","anchor":"a \\"b\\"","rel":[],"semantic_location":"nav"},' +
        '{"url":"https://y.com/","item_type":"redirect"}]',
    );
  });
  it('replaces lone surrogates, which JSON readers refuse', () => {
    expect(linksJson([{ url: 'https://x.com/', item_type: 'anchor', anchor: 'a\uD800b' }])).toBe(
      '[{"url":"https://x.com/","item_type":"anchor","anchor":"a\uFFFDb"}]',
    );
  });
});

describe('signalsJson', () => {
  it('writes keys in the documented order and omits absent ones', () => {
    expect(
      signalsJson({
        text_chars: 12,
        favicon: false,
        contact: ['email', 'contact_page'],
        head_hosts: ['cdn.x.com'],
      }),
    ).toBe(
      '{"head_hosts":["cdn.x.com"],"contact":["email","contact_page"],"favicon":false,"text_chars":12}',
    );
  });
  it('is undefined when nothing was observed', () => {
    expect(signalsJson(undefined)).toBeUndefined();
    expect(signalsJson({})).toBeUndefined();
  });
});
