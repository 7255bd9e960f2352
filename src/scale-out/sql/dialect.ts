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

function scopedFlags(pattern: string): string {
  const m = LEADING_FLAGS.exec(pattern);
  if (m === null) return pattern;
  return `(?${m[1]}:${pattern.slice(m[0].length)})`;
}

/** ClickHouse whose `match()` reads strings as UTF-8 (RE2's default encoding). */
const UTF8_DIALECT: Dialect = {
  name: 'utf8',
  regex: scopedFlags,
  anyChar: '(?s:.)',
  anyRun: '(?s:.*)',
};

/** The dialect of a server of `version`. */
export function dialectFor(_version: ServerVersion): Dialect {
  return UTF8_DIALECT;
}
