import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CountryTable } from './country-table.js';
import { lookupCountry, parseCountryCsv } from './country-table.js';
import { countryDbDir, loadCountryTable } from './load-country-db.js';

describe('lookupCountry on a small table', () => {
  const table = parseCountryCsv(
    '16777216,16777471,AU\n16777472,16778239,CN\n16779264,16781311,JP\n',
    '42540528726795050063891204319802818560,42540528806023212578155541913346768895,JP\n',
  );

  it('finds the range containing the address, ends inclusive', () => {
    expect(lookupCountry(table, '1.0.0.0')).toBe('AU');
    expect(lookupCountry(table, '1.0.0.255')).toBe('AU');
    expect(lookupCountry(table, '1.0.1.0')).toBe('CN');
    expect(lookupCountry(table, '2001:200::1')).toBe('JP');
    expect(lookupCountry(table, '::ffff:1.0.0.7')).toBe('AU');
  });

  it('is null between ranges, outside them and for invalid input', () => {
    expect(lookupCountry(table, '1.0.4.0')).toBeNull();
    expect(lookupCountry(table, '0.255.255.255')).toBeNull();
    expect(lookupCountry(table, '9.9.9.9')).toBeNull();
    expect(lookupCountry(table, '2001:1ff::')).toBeNull();
    expect(lookupCountry(table, 'not an ip')).toBeNull();
    expect(lookupCountry(table, '')).toBeNull();
  });
});

describe('lookupCountry on the shipped database', () => {
  let table: CountryTable;
  const lines = (file: string) =>
    readFileSync(join(countryDbDir(), file), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => l.split(',') as [string, string, string]);

  beforeAll(async () => {
    table = await loadCountryTable();
  });

  it('agrees with the IPv4 CSV at range starts and ends', () => {
    const rows = lines('geo-whois-asn-country-ipv4.csv');
    expect(rows.length).toBeGreaterThan(100_000);
    for (const i of [0, 1, 777, Math.floor(rows.length / 2), rows.length - 1]) {
      const [start, end, cc] = rows[i] as [string, string, string];
      expect(lookupCountry(table, start), start).toBe(cc);
      expect(lookupCountry(table, end), end).toBe(cc);
    }
  });

  it('agrees with the IPv6 CSV at range starts and ends', () => {
    const rows = lines('geo-whois-asn-country-ipv6.csv');
    expect(rows.length).toBeGreaterThan(10_000);
    for (const i of [0, 5, Math.floor(rows.length / 3), rows.length - 1]) {
      const [start, end, cc] = rows[i] as [string, string, string];
      expect(lookupCountry(table, start), start).toBe(cc);
      expect(lookupCountry(table, end), end).toBe(cc);
    }
  });

  it('is null for private, reserved and invalid addresses', () => {
    expect(lookupCountry(table, '10.1.2.3')).toBeNull();
    expect(lookupCountry(table, '127.0.0.1')).toBeNull();
    expect(lookupCountry(table, '::1')).toBeNull();
    expect(lookupCountry(table, '999.1.1.1')).toBeNull();
  });

  it('loads once', async () => {
    expect(await loadCountryTable()).toBe(table);
  });
});
