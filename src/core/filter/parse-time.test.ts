import { describe, expect, it } from 'vitest';
import { parseFilterTime } from './parse-time.js';

const T = Date.UTC(2019, 10, 15, 12, 57, 46) / 1000;

describe('parseFilterTime', () => {
  it('reads the DataForSEO form with any offset', () => {
    expect(parseFilterTime('2019-11-15 12:57:46 +00:00')).toBe(T);
    expect(parseFilterTime('2019-11-15 14:57:46 +02:00')).toBe(T);
    expect(parseFilterTime('2019-11-15 07:27:46 -05:30')).toBe(T);
    expect(parseFilterTime('2019-11-15 14:57:46 +0200')).toBe(T);
    expect(parseFilterTime('2019-11-15 14:57:46 +02')).toBe(T);
  });

  it('reads a bare date as UTC midnight', () => {
    expect(parseFilterTime('2019-11-15')).toBe(Date.UTC(2019, 10, 15) / 1000);
    expect(parseFilterTime('1970-01-01')).toBe(0);
  });

  it('reads ISO 8601 with Z, an offset, no seconds or fractions', () => {
    expect(parseFilterTime('2019-11-15T12:57:46Z')).toBe(T);
    expect(parseFilterTime('2019-11-15t12:57:46z')).toBe(T);
    expect(parseFilterTime('2019-11-15T12:57:46.999Z')).toBe(T);
    expect(parseFilterTime('2019-11-15T13:57:46+01:00')).toBe(T);
    expect(parseFilterTime('2019-11-15T12:57')).toBe(T - 46);
  });

  it('reads a time without offset as UTC and ignores surrounding spaces', () => {
    expect(parseFilterTime(' 2019-11-15 12:57:46 ')).toBe(T);
  });

  it('rejects impossible dates and times', () => {
    for (const s of [
      '2019-02-30',
      '2019-13-01',
      '2019-00-10',
      '2019-11-15 24:00:00',
      '2019-11-15 12:60:00',
      '2019-11-15 12:00:61',
      '2019-11-15 12:00:00 +24:00',
      '2019-11-15 12:00:00 +01:60',
      '0099-01-01',
    ]) {
      expect(parseFilterTime(s), s).toBeUndefined();
    }
  });

  it('accepts Feb 29 in a leap year only', () => {
    expect(parseFilterTime('2020-02-29')).toBe(Date.UTC(2020, 1, 29) / 1000);
    expect(parseFilterTime('2019-02-29')).toBeUndefined();
  });

  it('rejects other forms Date.parse would accept', () => {
    for (const s of ['1', 'March 7 2020', '2019/11/15', '15-11-2019', '2019-11-15 12', '', 'now']) {
      expect(parseFilterTime(s), s).toBeUndefined();
    }
  });
});
