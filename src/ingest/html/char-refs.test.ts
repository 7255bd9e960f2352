import { describe, expect, it } from 'vitest';
import { decodeAttribute, decodeText } from './char-refs.js';

describe('character references', () => {
  it('decodes text, including legacy references without a semicolon', () => {
    expect(decodeText('Tom &amp; Jerry &copy 2024 &#x41;&#66;')).toBe('Tom & Jerry © 2024 AB');
    expect(decodeText('AT&T')).toBe('AT&T');
  });
  it('leaves a legacy reference followed by = or a letter alone in attributes', () => {
    expect(decodeAttribute('/s?a=1&amp;b=2&copy=3&notit')).toBe('/s?a=1&b=2&copy=3&notit');
    expect(decodeAttribute('&quot;x&quot;')).toBe('"x"');
  });
});
