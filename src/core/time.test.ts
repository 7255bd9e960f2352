import { describe, expect, it } from 'vitest';
import { parseTimestamp, toIsoSeconds } from './time.js';

describe('parseTimestamp', () => {
  it('reads ISO with a zone and converts to UTC seconds', () => {
    expect(parseTimestamp('2024-05-17T23:31:22.123+02:00')).toBe('2024-05-17T21:31:22Z');
  });
  it("reads DataForSEO's form", () => {
    expect(parseTimestamp('2019-11-15 12:57:46 +00:00')).toBe('2019-11-15T12:57:46Z');
  });
  it('reads a plain date and a zoneless time as UTC', () => {
    expect(parseTimestamp('2020-01-02')).toBe('2020-01-02T00:00:00Z');
    expect(parseTimestamp('2020-01-02 03:04:05')).toBe('2020-01-02T03:04:05Z');
  });
  it('refuses garbage and absurd years', () => {
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('')).toBeUndefined();
  });
  it('formats a date in ISO seconds', () => {
    expect(toIsoSeconds(new Date(Date.UTC(2026, 0, 15, 1, 2, 3, 999)))).toBe(
      '2026-01-15T01:02:03Z',
    );
  });
});
