/**
 * Time values of filters: DataForSEO's `"yyyy-mm-dd hh:mm:ss +00:00"`, a bare date, or
 * ISO 8601, read as seconds since the epoch.
 */

const TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * Seconds since the epoch (UTC, fractions dropped) for a time string, or undefined when it is
 * not one of the accepted forms or names an impossible date or time. A time without an offset
 * and a bare date are UTC.
 * @example parseFilterTime('2019-11-15 12:57:46 +00:00') // 1573822666
 * @example parseFilterTime('2019-11-15') // 1573776000
 * @example parseFilterTime('2019-11-15T14:57:46+02:00') // 1573822666
 */
export function parseFilterTime(raw: string): number | undefined {
  const m = TIME.exec(raw.trim());
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(m[i] ?? 0),
  ) as [number, number, number, number, number, number];
  if (year < 1000) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(ms);
  // Date.UTC rolls over (Feb 30 → Mar 1, 25:00 → next day); a real time reads back unchanged.
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    d.getUTCHours() !== hour ||
    d.getUTCMinutes() !== minute ||
    d.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  let offset = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = Number(m[10] ?? 0);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[8] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  return ms / 1000 - offset;
}
