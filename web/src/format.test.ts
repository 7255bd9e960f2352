import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  formatAgo,
  formatCount,
  formatDateTime,
  formatDay,
  formatMs,
  formatScore,
  parseTime,
  plural,
  prospectHref,
  rangeLabel,
  safeHref,
  shortTarget,
} from './format.js';

describe('format', () => {
  it('groups thousands and rounds scores, with a dash for unknown', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatScore(41.6)).toBe('42');
    expect(formatScore(0)).toBe('0');
    expect(formatScore(null)).toBe('—');
  });

  it('says server time in ms below a second and in seconds above', () => {
    expect(formatMs(7.4)).toBe('7 ms');
    expect(formatMs(1234)).toBe('1.2 s');
  });

  it('pluralises with the count', () => {
    expect(plural(1, 'prospect')).toBe('1 prospect');
    expect(plural(1200, 'prospect')).toBe('1,200 prospects');
    expect(plural(2, 'combination')).toBe('2 combinations');
  });

  it('reads link-history times, ISO times and bare days', () => {
    expect(parseTime('2024-03-05 14:07:09 +00:00')).toBe(Date.UTC(2024, 2, 5, 14, 7, 9));
    expect(parseTime('2024-03-05T14:07:09.123Z')).toBe(Date.UTC(2024, 2, 5, 14, 7, 9, 123));
    expect(parseTime('2024-03-05')).toBe(Date.UTC(2024, 2, 5));
    expect(parseTime('2024-03-05 23:30:00 -02:00')).toBe(Date.UTC(2024, 2, 6, 1, 30));
    expect(parseTime('yesterday')).toBeNull();
  });

  it('shows days and minutes in UTC', () => {
    expect(formatDay('2024-03-05 23:30:00 -02:00')).toBe('2024-03-06');
    expect(formatDay(null)).toBe('—');
    expect(formatDay('soon')).toBe('soon');
    expect(formatDateTime('2024-03-05T14:07:09Z')).toBe('2024-03-05 14:07 UTC');
    expect(formatDateTime('2024-03-05T14:07:09Z', true)).toBe('2024-03-05 14:07:09 UTC');
  });

  it('counts whole days between two times', () => {
    expect(daysBetween('2024-03-01 00:00:00 +00:00', '2024-03-11 12:00:00 +00:00')).toBe(10);
    expect(daysBetween('2024-03-11', '2024-03-01')).toBe(-10);
    expect(daysBetween(null, '2024-03-01')).toBeNull();
  });

  it('shortens normalised targets for headers', () => {
    expect(shortTarget('domain a.com')).toBe('a.com');
    expect(shortTarget('page https://a.com/x/')).toBe('a.com/x');
    expect(shortTarget('host blog.a.com')).toBe('blog.a.com');
    expect(shortTarget('a.com')).toBe('a.com');
  });

  it('links only to http(s) prospects', () => {
    expect(safeHref('https://a.com/x?y=1')).toBe('https://a.com/x?y=1');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(prospectHref('https://a.com/p', 'pages')).toBe('https://a.com/p');
    expect(prospectHref('a.com', 'domains')).toBe('https://a.com/');
    expect(prospectHref('a.com/"><x', 'domains')).toBeUndefined();
  });

  it('labels the rows on a page', () => {
    expect(rangeLabel(50, 50, 1234)).toBe('51–100 of 1,234');
    expect(rangeLabel(0, 0, 0)).toBe('0 of 0');
  });

  it('says how long ago a check was, in whole units', () => {
    const now = Date.UTC(2024, 2, 5, 14, 7, 30);
    expect(formatAgo('2024-03-05T14:07:09Z', now)).toBe('just now');
    expect(formatAgo('2024-03-05T14:07:40Z', now)).toBe('just now');
    expect(formatAgo('2024-03-05T14:02:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2024-03-05T11:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo('2024-03-04T14:00:00Z', now)).toBe('1 day ago');
    expect(formatAgo('2024-03-01T00:00:00Z', now)).toBe('4 days ago');
    expect(formatAgo('soon', now)).toBe('soon');
  });
});
