import { describe, expect, it } from 'vitest';
import { clipEnd, clipStart, collapsedLength, collapseWhitespace } from './whitespace.js';

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

describe('collapsedLength', () => {
  it('counts whitespace runs as one space, a leading run as none after a space', () => {
    expect(collapsedLength('  a \n b ', true)).toBe(4);
    expect(collapsedLength('  a \n b ', false)).toBe(5);
    expect(collapsedLength('a b', true)).toBe(3);
    expect(collapsedLength('\u00a0\t', false)).toBe(1);
    expect(collapsedLength('\u00a0\t', true)).toBe(0);
    expect(collapsedLength('', false)).toBe(0);
    for (const s of ['x  y\n\nz ', ' \v a\rb', 'abc']) {
      expect(collapsedLength(s, true)).toBe(collapseWhitespace(s).length + (/\s$/.test(s) ? 1 : 0));
    }
  });
});
