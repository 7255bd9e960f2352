/**
 * What differs between the ClickHouse generations we speak to (18.16 on Debian, 26.x through
 * chdb): the little the SQL compiler asks of a server, chosen by its version (STYLE: drizzle's
 * `BuildQueryConfig` seam). Everything else the compiler writes is accepted by both.
 */
import type { ServerVersion } from '../../store/clickhouse/index.js';

/** The server-specific pieces of generated SQL. */
export interface Dialect {
  readonly name: string;
  /**
   * A regular expression for `match()` meaning `pattern` (RE2 syntax, as the engine runs it).
   * 18.16 wrongly answers false for a leading `(?i)` on an otherwise literal pattern, so a
   * leading flag group is rewritten to its scoped form `(?flags:…)`, which means the same.
   */
  regex(pattern: string): string;
  /** The regex of one character (a code point) for LIKE's `_`, and of any run for `%`. */
  readonly anyChar: string;
  readonly anyRun: string;
}

const LEADING_FLAGS = /^\(\?([imsU]+)\)/;

/**
 * `pattern` as ClickHouse must receive it: a leading flag group scoped (see `regex`), and NUL
 * characters as the escape `\x00`, since ClickHouse ends a pattern at its first NUL byte (a
 * pattern `a\0` would otherwise be `a`, and a bare NUL the empty pattern that matches all).
 */
function serverPattern(pattern: string): string {
  const m = LEADING_FLAGS.exec(pattern);
  const scoped = m === null ? pattern : `(?${m[1]}:${pattern.slice(m[0].length)})`;
  return scoped.replaceAll('\u0000', '\\x00');
}

/** ClickHouse whose `match()` reads strings as UTF-8 (RE2's default encoding). */
const UTF8_DIALECT: Dialect = {
  name: 'utf8',
  regex: serverPattern,
  anyChar: '(?s:.)',
  anyRun: '(?s:.*)',
};

/** The dialect of a server of `version`. */
export function dialectFor(_version: ServerVersion): Dialect {
  return UTF8_DIALECT;
}
