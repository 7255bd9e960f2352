import { describe, expect, it } from 'vitest';
import { itemtypeNames, jsonLdTypes, shortTypeName } from './schema-types.js';

describe('schema types', () => {
  it('shortens type IRIs and compact names, refusing what is not an identifier', () => {
    expect(shortTypeName('https://schema.org/BlogPosting')).toBe('BlogPosting');
    expect(shortTypeName(' schema:Product ')).toBe('Product');
    expect(shortTypeName('http://schema.org/Thing#Event')).toBe('Event');
    expect(shortTypeName('https://schema.org/')).toBeUndefined();
    expect(shortTypeName('Blog Posting')).toBeUndefined();
    expect(shortTypeName('x'.repeat(200))).toBeUndefined();
  });

  it('splits itemtype on whitespace', () => {
    expect(itemtypeNames(' https://schema.org/A\n\thttps://schema.org/B ')).toEqual(['A', 'B']);
  });

  it('reads top-level JSON-LD nodes only, and nothing from broken JSON', () => {
    expect(
      jsonLdTypes(
        '{"@type":["A",3,"B"],"author":{"@type":"Person"},"@graph":[{"@type":"C"},[{"@type":"D"}]]}',
      ),
    ).toEqual(['A', 'B', 'C', 'D']);
    expect(jsonLdTypes('{"@type":"A"')).toEqual([]);
    expect(jsonLdTypes('"A"')).toEqual([]);
    expect(jsonLdTypes('null')).toEqual([]);
  });
});
