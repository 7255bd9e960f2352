import { describe, expect, it } from 'vitest';
import { normalizeUrl } from './normalize-url.js';
import { hostFacts, hostOf } from './registrable-domain.js';

describe('normalizeUrl', () => {
  it('lower-cases scheme and host and drops the default port and fragment', () => {
    expect(normalizeUrl('HTTP://Example.COM:80/A/b?Q=1#frag')).toEqual({
      ok: true,
      url: 'http://example.com/A/b?Q=1',
    });
  });
  it('keeps a non-default port', () => {
    expect(normalizeUrl('https://example.com:8443/')).toEqual({
      ok: true,
      url: 'https://example.com:8443/',
    });
  });
  it('converts an IDN host to punycode', () => {
    expect(normalizeUrl('https://bücher.de/x')).toEqual({
      ok: true,
      url: 'https://xn--bcher-kva.de/x',
    });
  });
  it('resolves a relative URL against a base', () => {
    expect(normalizeUrl('../c?d', 'https://a.com/x/y/z')).toEqual({
      ok: true,
      url: 'https://a.com/x/c?d',
    });
  });
  it('drops an empty query', () => {
    expect(normalizeUrl('https://a.com/p?')).toEqual({ ok: true, url: 'https://a.com/p' });
  });
  it('refuses other schemes and garbage', () => {
    expect(normalizeUrl('mailto:a@b.c').ok).toBe(false);
    expect(normalizeUrl('javascript:void(0)').ok).toBe(false);
    expect(normalizeUrl('http://').ok).toBe(false);
    expect(normalizeUrl('   ').ok).toBe(false);
  });
});

describe('hostFacts', () => {
  it('finds the registrable domain under a multi-label suffix', () => {
    expect(hostFacts('www.bbc.co.uk')).toEqual({
      host: 'www.bbc.co.uk',
      domain: 'bbc.co.uk',
      tld: 'co.uk',
      isIp: false,
    });
  });
  it('flags IP hosts', () => {
    expect(hostFacts('192.168.0.1').isIp).toBe(true);
    expect(hostFacts('[::1]').isIp).toBe(true);
  });
  it('reads the host of a normalised URL', () => {
    expect(hostOf('https://user@a.b.com:81/x?y')).toBe('a.b.com');
    expect(hostOf('http://[::1]:8080/')).toBe('[::1]');
  });
});
