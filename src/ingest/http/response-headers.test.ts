import { describe, expect, it } from 'vitest';
import { readResponseHeaders } from './response-headers.js';

describe('readResponseHeaders', () => {
  it('matches names case-insensitively: last Content-Type, first Location, all X-Robots-Tag', () => {
    expect(
      readResponseHeaders([
        ['content-type', 'text/plain'],
        ['Location', ' /a '],
        ['CONTENT-TYPE', 'text/html'],
        ['location', '/b'],
        ['Content-Language', 'en'],
        ['X-Robots-Tag', 'noindex'],
        ['x-robots-tag', ''],
        ['x-robots-tag', 'nofollow'],
      ]),
    ).toEqual({
      contentType: 'text/html',
      location: '/a',
      contentLanguage: 'en',
      xRobotsTag: 'noindex, nofollow',
    });
  });
});
