/**
 * @module Pure display helpers of the explorer: numbers, times, targets and links as words.
 * English and deterministic (one fixed locale), so tests and screenshots do not vary by machine.
 */

const COUNT = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A 0–100 score, rounded to a whole number; `null` (never scored / unknown) → `—`. */
export function formatScore(n: number | null): string {
  return n === null ? '—' : COUNT.format(Math.round(n));
}

/** Server time: `8 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${COUNT.format(Math.round(ms))} ms` : `${DECIMAL.format(ms / 1000)} s`;
}

/** `count` and the noun, pluralised with `s` unless `plural` is given: `1 prospect`, `2 prospects`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * Milliseconds since the epoch of an API time: `YYYY-MM-DD hh:mm:ss +00:00` (link history),
 * ISO 8601 (`builtAt`) or a bare `YYYY-MM-DD`; `null` when it does not parse.
 */
export function parseTime(s: string): number | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s.trim(),
    );
  if (m === null) return null;
  const zone = m[3] === undefined || m[3] === 'Z' ? 'Z' : m[3];
  const t = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`);
  return Number.isNaN(t) ? null : t;
}

/** The UTC day of an API time (`2024-03-05`); `null` → `—`; an unparsable string as it is. */
export function formatDay(s: string | null): string {
  if (s === null) return '—';
  const t = parseTime(s);
  return t === null ? s : new Date(t).toISOString().slice(0, 10);
}

/** An API time to the minute (or second) in UTC: `2024-03-05 14:07 UTC`; `null` → `—`. */
export function formatDateTime(s: string | null, seconds = false): string {
  if (s === null) return '—';
  const t = parseTime(s);
  const iso = t === null ? null : new Date(t).toISOString();
  return iso === null ? s : `${iso.slice(0, seconds ? 19 : 16).replace('T', ' ')} UTC`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); `null` if either is missing. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const a = parseTime(from);
  const b = parseTime(to);
  return a === null || b === null ? null : Math.floor((b - a) / 86_400_000);
}

/**
 * A normalised target as the server names it (`domain a.com`, `host blog.a.com`,
 * `page https://a.com/x`) shortened for a column header: the kind word and the scheme go.
 */
export function shortTarget(target: string): string {
  const space = target.indexOf(' ');
  const rest =
    space > 0 && /^[a-z_]+$/.test(target.slice(0, space)) ? target.slice(space + 1) : target;
  return rest.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** `url` when it is an absolute http(s) URL (safe as an `href`), else `undefined`. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** Where a prospect lives: the page URL itself, or `https://DOMAIN/` for a domain. */
export function prospectHref(prospect: string, mode: 'pages' | 'domains'): string | undefined {
  if (mode === 'pages') return safeHref(prospect);
  return /^[a-z0-9.-]+$/i.test(prospect) ? `https://${prospect}/` : undefined;
}

/** Rows shown on a page: `51–100 of 1,234`; `0 of 0` for an empty answer. */
export function rangeLabel(offset: number, shown: number, total: number): string {
  if (shown === 0) return `0 of ${formatCount(total)}`;
  return `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)}`;
}

/** How long before `now` an API time was: `just now`, `5 min ago`, `3 h ago`, `2 days ago`. */
export function formatAgo(s: string, now: number): string {
  const t = parseTime(s);
  if (t === null) return s;
  const min = Math.floor((now - t) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} h ago`;
  return `${plural(Math.floor(min / (24 * 60)), 'day')} ago`;
}
