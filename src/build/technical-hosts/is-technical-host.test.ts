import { describe, expect, it } from 'vitest';
import { isTechnicalHost, technicalHostEntry } from './is-technical-host.js';
import { TECHNICAL_HOSTS } from './technical-host-list.js';

describe('isTechnicalHost', () => {
  it('matches listed hosts and their subdomains', () => {
    expect(isTechnicalHost('fonts.googleapis.com')).toBe(true);
    expect(isTechnicalHost('www.googletagmanager.com')).toBe(true);
    expect(isTechnicalHost('www.w3.org')).toBe(true);
    expect(isTechnicalHost('d1234.cloudfront.net')).toBe(true);
    expect(isTechnicalHost('schema.org')).toBe(true);
    expect(technicalHostEntry('fonts.gstatic.com')?.category).toBe('fonts');
    expect(technicalHostEntry('www.gstatic.com')?.category).toBe('cdn');
  });

  it('matches on whole labels only and leaves sibling hosts alone', () => {
    expect(isTechnicalHost('notschema.org')).toBe(false);
    expect(isTechnicalHost('maps.googleapis.com')).toBe(false);
    expect(isTechnicalHost('facebook.net')).toBe(false);
    expect(isTechnicalHost('www.example.com')).toBe(false);
    expect(isTechnicalHost('org')).toBe(false);
    expect(isTechnicalHost('')).toBe(false);
  });

  it('accepts a trailing dot', () => {
    expect(isTechnicalHost('unpkg.com.')).toBe(true);
  });

  it('keeps the list well-formed: lower-case hosts, unique, each with a reason', () => {
    const hosts = TECHNICAL_HOSTS.map((e) => e.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const e of TECHNICAL_HOSTS) {
      expect(e.host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(e.reason.length).toBeGreaterThan(3);
    }
  });
});
