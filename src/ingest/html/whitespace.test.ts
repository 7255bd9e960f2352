import { describe, expect, it } from 'vitest';
import { clipEnd, clipStart, collapseWhitespace } from './whitespace.js';

describe('collapseWhitespace', () => {
  it('collapses runs of whitespace, NBSP included, and trims', () => {
    expect(collapseWhitespace('  a \n\t b\u00a0\u00a0c ')).toBe('a b c');
  });
  it('returns already collapsed text unchanged', () => {
    const s = 'already collapsed text';
    expect(collapseWhitespace(s)).toBe(s);
    expect(collapseWhitespace('')).toBe('');
    expect(collapseWhitespace(' \n ')).toBe('');
  });
});

describe('clipEnd and clipStart', () => {
  it('keeps at most max units from either end', () => {
    expect(clipEnd('abcdef', 4)).toBe('abcd');
    expect(clipStart('abcdef', 4)).toBe('cdef');
    expect(clipEnd('ab', 4)).toBe('ab');
  });
  it('never splits a surrogate pair', () => {
    expect(clipEnd('ab😀', 3)).toBe('ab');
    expect(clipStart('😀ab', 3)).toBe('ab');
  });
});
