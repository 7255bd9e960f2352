import { describe, expect, it } from 'vitest';
import { parseRel } from './rel-tokens.js';

describe('parseRel', () => {
  it('lower-cases, deduplicates and keeps source order', () => {
    expect(parseRel(' NoFollow\tugc\n nofollow Sponsored ')).toEqual([
      'nofollow',
      'ugc',
      'sponsored',
    ]);
  });
  it('is empty for a missing or blank value', () => {
    expect(parseRel(undefined)).toEqual([]);
    expect(parseRel('   ')).toEqual([]);
  });
  it('drops junk: more than 16 tokens or tokens longer than 64 characters', () => {
    expect(parseRel(`${'x'.repeat(65)} ok`)).toEqual(['ok']);
    const many = Array.from({ length: 20 }, (_, i) => `t${i}`).join(' ');
    expect(parseRel(many)).toHaveLength(16);
  });
});
