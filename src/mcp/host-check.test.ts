import { describe, expect, it } from 'vitest';
import { allowedHostSet, checkHostAndOrigin } from './host-check.js';

describe('checkHostAndOrigin', () => {
  const allowed = allowedHostSet(['MCP.Example.org']);

  it('allows the loopback names and the configured host, any port', () => {
    for (const host of [
      'localhost',
      'localhost:8080',
      '127.0.0.1:1',
      '[::1]:9000',
      'mcp.example.org',
    ]) {
      expect(checkHostAndOrigin(allowed, host, undefined)).toEqual({ ok: true });
    }
  });

  it('refuses other hosts, a missing Host and a malformed one', () => {
    expect(checkHostAndOrigin(allowed, 'evil.example:8080', undefined)).toEqual({
      ok: false,
      message: 'Invalid Host: evil.example',
    });
    expect(checkHostAndOrigin(allowed, undefined, undefined)).toEqual({
      ok: false,
      message: 'Missing Host header',
    });
    expect(checkHostAndOrigin(allowed, 'a b', undefined).ok).toBe(false);
  });

  it('checks Origin when present', () => {
    expect(checkHostAndOrigin(allowed, 'localhost:8080', 'http://localhost:3000')).toEqual({
      ok: true,
    });
    expect(checkHostAndOrigin(allowed, 'localhost:8080', 'http://evil.example')).toEqual({
      ok: false,
      message: 'Invalid Origin: http://evil.example',
    });
    expect(checkHostAndOrigin(allowed, 'localhost', 'null').ok).toBe(false);
  });

  it('adds bare IPv6 hosts in bracket form and ignores wildcard binds', () => {
    expect([...allowedHostSet(['::1', '0.0.0.0', '::', '10.0.0.5', 'fd00::1'])]).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '10.0.0.5',
      '[fd00::1]',
    ]);
  });
});
