import { describe, expect, it } from 'vitest';
import {
  identifier,
  likeEscape,
  regexEscape,
  sqlNumber,
  sqlString,
  sqlStringArray,
} from './escape.js';

describe('ClickHouse literals', () => {
  it('escapes backslash before quote, so a trailing backslash cannot free the quote', () => {
    expect(sqlString("it's")).toBe("'it\\'s'");
    expect(sqlString('a\\')).toBe("'a\\\\'");
    expect(sqlString("\\'; DROP TABLE x; --")).toBe("'\\\\\\'; DROP TABLE x; --'");
  });
  it('spells control bytes as \\xHH and keeps other text as is', () => {
    expect(sqlString('a\u0000b\nc\u007f')).toBe("'a\\x00b\\x0ac\\x7f'");
    expect(sqlString('Ünïcødé ✓ 😀')).toBe("'Ünïcødé ✓ 😀'");
  });
  it('escapes LIKE and regex metacharacters', () => {
    expect(likeEscape('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(regexEscape('a.b*(c)?[d]{2}|^$\\')).toBe(
      'a\\.b\\*\\(c\\)\\?\\[d\\]\\{2\\}\\|\\^\\$\\\\',
    );
  });
  it('refuses identifiers that are not plain names and numbers that are not finite', () => {
    expect(identifier('lg_links_1')).toBe('`lg_links_1`');
    expect(() => identifier('a`b')).toThrow(RangeError);
    expect(() => identifier('1a')).toThrow(RangeError);
    expect(() => identifier('')).toThrow(RangeError);
    expect(sqlNumber(42)).toBe('42');
    expect(sqlNumber(-1.5)).toBe('-1.5');
    expect(() => sqlNumber(Number.NaN)).toThrow(RangeError);
    expect(() => sqlNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(sqlStringArray(['a', "b'"])).toBe("['a', 'b\\'']");
  });
});
