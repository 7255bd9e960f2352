/**
 * A plain-text table for terminals: columns padded to their widest cell, long cells cut with
 * an ellipsis so a row fits a line.
 */

/** Render rows under a header; `maxCell` caps every column's width (in characters). */
export function renderTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  maxCell = 48,
): string[] {
  const cut = (s: string): string => (s.length > maxCell ? `${s.slice(0, maxCell - 1)}…` : s);
  const all = [headers, ...rows].map((r) => r.map((c) => cut(c.replace(/\s+/g, ' '))));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const [head, ...body] = all;
  return [line(head ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}
