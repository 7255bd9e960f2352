/**
 * Loads the offline IP → country database shipped in the npm package
 * `@ip-location-db/geo-whois-asn-country` (GeoFeed + RIR whois + ASN data; docs/spam-score.md
 * says where it comes from and its licence). Loaded once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CountryTable } from './country-table.js';
import { parseCountryCsv } from './country-table.js';

const PACKAGE = '@ip-location-db/geo-whois-asn-country';
let cached: Promise<CountryTable> | undefined;

/** The package's folder (where its CSV files are). */
export function countryDbDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** The country table, read and parsed on first use (about half a million ranges). */
export function loadCountryTable(): Promise<CountryTable> {
  cached ??= (async () => {
    const dir = countryDbDir();
    const [v4, v6] = await Promise.all([
      readFile(join(dir, 'geo-whois-asn-country-ipv4-num.csv'), 'utf8'),
      readFile(join(dir, 'geo-whois-asn-country-ipv6-num.csv'), 'utf8'),
    ]);
    return parseCountryCsv(v4, v6);
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
