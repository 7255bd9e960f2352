/**
 * CSV output (RFC 4180): fields with a comma, quote, CR or LF are quoted, quotes doubled.
 */

/** A cell value as written: null and undefined become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/** One CSV line, without the line break. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
