import { describe, expect, it } from 'vitest';
import { BREAK, elementFlags, HIDDEN, OFF_CONTEXT, SEMANTIC, SPECIAL } from './elements.js';

describe('elementFlags', () => {
  it('flags the elements the extractor cares about', () => {
    expect(elementFlags('nav')).toBe(SEMANTIC | BREAK);
    expect(elementFlags('time')).toBe(SEMANTIC);
    expect(elementFlags('div')).toBe(BREAK);
    expect(elementFlags('script')).toBe(HIDDEN | SPECIAL);
    expect(elementFlags('title')).toBe(HIDDEN | SPECIAL);
    expect(elementFlags('noscript')).toBe(OFF_CONTEXT);
    expect(elementFlags('a')).toBe(SPECIAL);
  });
  it('is 0 for the rest, including names that share length and first letter', () => {
    expect(elementFlags('span')).toBe(0);
    expect(elementFlags('abbr')).toBe(0);
    expect(elementFlags('nab')).toBe(0);
    expect(elementFlags('')).toBe(0);
    expect(elementFlags('x'.repeat(40))).toBe(0);
  });
});
