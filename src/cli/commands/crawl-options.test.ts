import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { parseConnectToFlags, parseDuration, parseSeed } from './crawl-options.js';

describe('crawl flag values', () => {
  it('reads durations in ms, s, m, h, d and w', () => {
    expect(parseDuration('--recrawl-after', '500ms')).toBe(500);
    expect(parseDuration('--recrawl-after', '90s')).toBe(90_000);
    expect(parseDuration('--recrawl-after', '1.5h')).toBe(5_400_000);
    expect(parseDuration('--recrawl-after', '30d')).toBe(2_592_000_000);
    expect(parseDuration('--recrawl-after', '2w')).toBe(1_209_600_000);
    for (const bad of ['', '30', 'd', '-1d', '1y', '1 d']) {
      expect(() => parseDuration('--recrawl-after', bad), bad).toThrow(CliError);
    }
  });

  it('takes a URL or a bare host as a seed', () => {
    expect(parseSeed('https://A.com/x#frag')).toBe('https://a.com/x');
    expect(parseSeed('blog.a.com')).toBe('https://blog.a.com/');
    expect(parseSeed(' http://a.com ')).toBe('http://a.com/');
    expect(() => parseSeed('not a host')).toThrow(/not a seed/);
  });

  it('reads --connect-to rules and names the flag for a bad one', () => {
    expect(parseConnectToFlags(undefined)).toEqual([]);
    expect(parseConnectToFlags([':443:127.0.0.1:8443'])).toEqual([
      { port: 443, toHost: '127.0.0.1', toPort: 8443 },
    ]);
    expect(() => parseConnectToFlags(['a.com:443'])).toThrow(/--connect-to/);
  });
});
