import { describe, expect, it } from 'vitest';
import { subnetOf } from './subnet.js';

describe('subnetOf', () => {
  it('keeps the first three IPv4 octets and the first four IPv6 groups', () => {
    expect(subnetOf('203.0.113.7')).toBe('203.0.113');
    expect(subnetOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2');
    expect(subnetOf('2001:db8::1')).toBe('2001:db8:0:0');
    expect(subnetOf('::1')).toBe('0:0:0:0');
  });
});
