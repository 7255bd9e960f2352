/**
 * Small helpers for benchmark reports: medians of repeated runs, rates and tables.
 */

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Run `fn` `runs` times and return each run's seconds. */
export async function timeRuns(
  runs: number,
  fn: (run: number) => Promise<void>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push((performance.now() - t) / 1000);
  }
  return out;
}

/** Print rows as an aligned text table. */
export function printTable(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0] as object);
  const cell = (v: string | number | undefined): string =>
    typeof v === 'number'
      ? v.toLocaleString('en-US', { maximumFractionDigits: 2 })
      : String(v ?? '');
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => cell(r[k]).length)));
  const line = (vals: string[]): string =>
    vals.map((v, i) => v.padEnd(widths[i] as number)).join('  ');
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(keys.map((k) => cell(r[k]))));
}

/** The `p`-th percentile (0–100) of a non-empty list, nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] as number;
}
