import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6 } from './parse-ip.js';

describe('parseIpv4', () => {
  it('reads dotted quads as unsigned numbers', () => {
    expect(parseIpv4('1.0.0.0')).toBe(16777216);
    expect(parseIpv4('255.255.255.255')).toBe(4294967295);
    expect(parseIpv4('0.0.0.0')).toBe(0);
  });

  it('rejects everything else', () => {
    for (const s of ['1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.x', '', '::1']) {
      expect(parseIpv4(s), s).toBeNull();
    }
  });
});

describe('parseIpv6', () => {
  it('reads full, compressed, bracketed and IPv4-tailed forms', () => {
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('2001:200::')).toBe(0x20010200n << 96n);
    expect(parseIpv6('[2001:db8::1]')).toBe((0x20010db8n << 96n) | 1n);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
    expect(parseIpv6('::ffff:1.2.3.4')).toBe((0xffffn << 32n) | 0x01020304n);
    expect(parseIpv6('2001:200::')).toBe(42540528726795050063891204319802818560n);
  });

  it('rejects malformed addresses', () => {
    for (const s of [
      '1.2.3.4',
      '1::2::3',
      '12345::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      'g::1',
    ]) {
      expect(parseIpv6(s), s).toBeNull();
    }
    expect(parseIpv6('1:2:3:4:5:6:7::8')).toBeNull();
  });
});
