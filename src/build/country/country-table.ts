/**
 * IP → country over sorted, non-overlapping inclusive ranges held in typed arrays (IPv4 as
 * Uint32, IPv6 as two BigUint64 halves), looked up by binary search. Pure: `parseCountryCsv`
 * reads the text of the ip-location-db `*-num.csv` files, `loadCountryTable` (load-country-db.ts)
 * does the I/O.
 */
import { parseIpv4, parseIpv6 } from './parse-ip.js';

/** The ranges of one database. Country ids index `countries`. */
export interface CountryTable {
  countries: string[];
  v4Start: Uint32Array;
  v4End: Uint32Array;
  v4Country: Uint16Array;
  v6StartHi: BigUint64Array;
  v6StartLo: BigUint64Array;
  v6EndHi: BigUint64Array;
  v6EndLo: BigUint64Array;
  v6Country: Uint16Array;
}

const MASK64 = (1n << 64n) - 1n;

/**
 * Build a table from the `start,end,CC` lines of the IPv4 and IPv6 numeric CSVs (ranges sorted
 * by start, as the database ships them; blank lines ignored).
 */
export function parseCountryCsv(v4Csv: string, v6Csv: string): CountryTable {
  const ids = new Map<string, number>();
  const countries: string[] = [];
  const idOf = (cc: string): number => {
    let id = ids.get(cc);
    if (id === undefined) {
      id = countries.length;
      ids.set(cc, id);
      countries.push(cc);
    }
    return id;
  };
  const v4 = v4Csv.split('\n').filter((l) => l.length > 0);
  const v4Start = new Uint32Array(v4.length);
  const v4End = new Uint32Array(v4.length);
  const v4Country = new Uint16Array(v4.length);
  for (const [i, line] of v4.entries()) {
    const [a, b, cc] = line.split(',');
    v4Start[i] = Number(a);
    v4End[i] = Number(b);
    v4Country[i] = idOf((cc ?? '').trim());
  }
  const v6 = v6Csv.split('\n').filter((l) => l.length > 0);
  const v6StartHi = new BigUint64Array(v6.length);
  const v6StartLo = new BigUint64Array(v6.length);
  const v6EndHi = new BigUint64Array(v6.length);
  const v6EndLo = new BigUint64Array(v6.length);
  const v6Country = new Uint16Array(v6.length);
  for (const [i, line] of v6.entries()) {
    const [a, b, cc] = line.split(',');
    const start = BigInt(a ?? '0');
    const end = BigInt(b ?? '0');
    v6StartHi[i] = start >> 64n;
    v6StartLo[i] = start & MASK64;
    v6EndHi[i] = end >> 64n;
    v6EndLo[i] = end & MASK64;
    v6Country[i] = idOf((cc ?? '').trim());
  }
  return {
    countries,
    v4Start,
    v4End,
    v4Country,
    v6StartHi,
    v6StartLo,
    v6EndHi,
    v6EndLo,
    v6Country,
  };
}

/**
 * ISO 3166 alpha-2 country of an IP address (IPv4, IPv6, IPv4-mapped IPv6), or null when the
 * address is invalid or in no range.
 */
export function lookupCountry(table: CountryTable, ip: string): string | null {
  const v4 = parseIpv4(ip);
  if (v4 !== null) return lookupV4(table, v4);
  const v6 = parseIpv6(ip);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return lookupV4(table, Number(v6 & 0xffffffffn));
  return lookupV6(table, v6 >> 64n, v6 & MASK64);
}

function lookupV4(t: CountryTable, n: number): string | null {
  // Last range whose start <= n.
  let lo = 0;
  let hi = t.v4Start.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.v4Start[mid] as number) <= n) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0 || (t.v4End[found] as number) < n) return null;
  return t.countries[t.v4Country[found] as number] ?? null;
}

function lookupV6(t: CountryTable, h: bigint, l: bigint): string | null {
  let lo = 0;
  let hi = t.v6StartHi.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const sh = t.v6StartHi[mid] as bigint;
    if (sh < h || (sh === h && (t.v6StartLo[mid] as bigint) <= l)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return null;
  const eh = t.v6EndHi[found] as bigint;
  if (eh < h || (eh === h && (t.v6EndLo[found] as bigint) < l)) return null;
  return t.countries[t.v6Country[found] as number] ?? null;
}
