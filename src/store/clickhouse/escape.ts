/**
 * Literals for ClickHouse SQL. ClickHouse 18.16 has no server-side query parameters, so every
 * value that reaches SQL text passes through here: strings escaped backslash first, then the
 * quote, with control bytes spelled as `\xHH` (doubling quotes alone is injectable, since a
 * backslash escapes the quote after it); LIKE metacharacters escaped; identifiers checked, not
 * escaped; numbers checked finite.
 */

/** `s` as a single-quoted ClickHouse string literal, safe for any input. */
export function sqlString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** `s` as a LIKE pattern matching itself literally (`%`, `_` and `\` escaped), unquoted. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** `s` as a regular-expression literal (re2 syntax) matching itself, unquoted. */
export function regexEscape(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, (m) => `\\${m}`);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** A table, column, database or cluster name, checked to be a plain identifier and quoted. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name))
    throw new RangeError(`not a plain ClickHouse identifier: ${JSON.stringify(name)}`);
  return `\`${name}\``;
}

/** A finite number as a SQL literal (integers exactly, doubles round-trippable). */
export function sqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** A list of strings as a ClickHouse array literal. */
export function sqlStringArray(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}
