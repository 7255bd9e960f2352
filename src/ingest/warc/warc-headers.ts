/**
 * The WARC header block: the version line and named fields (WARC/0.17, 1.0 and 1.1 share the
 * syntax), field look-up, and WARC-Date normalisation.
 */
import type { WarcField } from './types.js';

/** Outcome of parsing one WARC header block. */
export type WarcHeadResult =
  | { ok: true; version: string; fields: WarcField[] }
  | { ok: false; reason: string };

const VERSION_RE = /^WARC\/\d+\.\d+$/;

/**
 * Parse the header block `bytes` (version line, fields, no terminating blank line needed).
 * Folded continuation lines are joined; lines without a colon are ignored.
 */
export function parseWarcHead(bytes: Buffer): WarcHeadResult {
  const lines = bytes.toString('utf8').split('\n');
  const version = (lines[0] ?? '').trim();
  if (!VERSION_RE.test(version)) return { ok: false, reason: 'no WARC/<version> line' };
  const fields: WarcField[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') continue;
    const last = fields[fields.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last !== undefined) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { ok: true, version, fields };
}

/** The first value of field `name` (case-insensitive), or undefined. */
export function getField(fields: readonly WarcField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of fields) {
    if (key.length === lower.length && key.toLowerCase() === lower) return value;
  }
  return undefined;
}

/** A WARC-Target-URI without the angle brackets some writers (WARC/1.1 drafts, wget) add. */
export function unbracketUri(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1).trim() : trimmed;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** Already in the output form; checked cheaply since nearly every WARC-Date is. */
const CANONICAL_RE = /^\d{4}-(?:0[1-9]|1[0-2])-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d*$/;

/**
 * A WARC-Date as ISO 8601 UTC with second precision (`2024-05-17T23:31:22Z`); fractions are
 * dropped, offsets converted, a missing zone read as UTC, 14-digit ARC timestamps accepted.
 * @example normalizeWarcDate('2024-05-17T23:31:22.123456Z') // '2024-05-17T23:31:22Z'
 */
export function normalizeWarcDate(raw: string): string | undefined {
  const text = raw.trim();
  if (CANONICAL_RE.test(text) && isRealDay(text)) return text;
  const iso = ISO_RE.exec(text);
  const compact = iso === null ? COMPACT_RE.exec(text) : null;
  const m = iso ?? compact;
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  if (!isRealDay(`${m[1]}-${m[2]}-${m[3]}`)) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const zone = iso !== null ? m[7] : undefined;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const date = new Date(ms);
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** True when the `YYYY-MM-DD` the text starts with names a day the month has. */
function isRealDay(text: string): boolean {
  const d = Number(text.slice(8, 10));
  if (d >= 1 && d <= 28) return true;
  const date = new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, d));
  // Date.UTC rolls 2024-02-30 over into March.
  return d >= 1 && date.getUTCDate() === d;
}
