/**
 * Fast ISO 8601 formatting of epoch seconds (the generator formats millions of fetch times;
 * the date part is cached per day).
 */

let cachedDay = Number.NaN;
let cachedDayPrefix = '';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026-01-15T03:04:05Z` for epoch seconds (integer). */
export function isoSeconds(t: number): string {
  const day = Math.floor(t / 86400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const s = t - day * 86400;
  return `${cachedDayPrefix}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}Z`;
}
