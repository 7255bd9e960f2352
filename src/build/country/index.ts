/**
 * @module IP → ISO country from the offline ip-location-db database (typed-array ranges,
 * binary search).
 */

export type { CountryTable } from './country-table.js';
export { lookupCountry, parseCountryCsv } from './country-table.js';
export { countryDbDir, loadCountryTable } from './load-country-db.js';
export { parseIpv4, parseIpv6 } from './parse-ip.js';
