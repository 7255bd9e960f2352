import { describe, expect, it } from 'vitest';
import { matchConnectTo, parseConnectTo } from './connect-to.js';

describe('parseConnectTo', () => {
  it('reads curl --connect-to specs, empty parts as wildcards', () => {
    expect(parseConnectTo('a.test:443:127.0.0.2:8443')).toEqual({
      ok: true,
      value: { host: 'a.test', port: 443, toHost: '127.0.0.2', toPort: 8443 },
    });
    expect(parseConnectTo(':80:127.0.0.1:')).toEqual({
      ok: true,
      value: { port: 80, toHost: '127.0.0.1' },
    });
    expect(parseConnectTo('[::1]::[::1]:9000')).toEqual({
      ok: true,
      value: { host: '::1', toHost: '::1', toPort: 9000 },
    });
  });

  it('refuses malformed specs with a result, not an exception', () => {
    for (const bad of ['a.test:443:127.0.0.1', 'a:99999:b:1', 'a:1::1', ''])
      expect(parseConnectTo(bad)).toMatchObject({ ok: false, code: 'INVALID_CONNECT_TO' });
  });
});

describe('matchConnectTo', () => {
  const rules = [
    { host: 'b.test', toHost: '127.0.0.2' },
    { port: 443, toHost: '127.0.0.1', toPort: 8443 },
  ];

  it('takes the first rule whose host and port match', () => {
    expect(matchConnectTo(rules, 'B.TEST', 443)?.toHost).toBe('127.0.0.2');
    expect(matchConnectTo(rules, 'a.test', 443)?.toPort).toBe(8443);
    expect(matchConnectTo(rules, 'a.test', 80)).toBeUndefined();
  });
});
