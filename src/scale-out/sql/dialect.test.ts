import { describe, expect, it } from 'vitest';
import { dialectFor } from './dialect.js';

const d = dialectFor({ major: 18, minor: 16, text: '18.16.1' });

describe('the ClickHouse dialect', () => {
  it('scopes a leading flag group, which 18.16 misreads on a literal pattern', () => {
    expect(d.regex('(?i)abc')).toBe('(?i:abc)');
    expect(d.regex('(?is)a|b')).toBe('(?is:a|b)');
    expect(d.regex('a(?i)b')).toBe('a(?i)b');
  });

  it('sends NUL as an escape: ClickHouse would end the pattern there', () => {
    expect(d.regex('a\u0000b')).toBe('a\\x00b');
    expect(d.regex('[\u0000-\u001f]')).toBe('[\\x00-\u001f]');
  });
});
