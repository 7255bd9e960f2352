/**
 * The on-disk format of one index generation: flat little-endian typed arrays, string heaps
 * (UTF-8 bytes + Float64 offsets) and `manifest.json` describing them.
 */

/** Bumped whenever a file changes meaning; a loader refuses other versions. */
export const FORMAT_VERSION = 5;

/** Element types of column files. */
export type ColumnType = 'u8' | 'u16' | 'u32' | 'i16' | 'f64';

/** One column file. */
export interface ColumnEntry {
  file: string;
  type: ColumnType;
  length: number;
  bytes: number;
  /** CRC-32 of the file, checked at load (absent in generations written before it existed). */
  crc32?: number;
}

/** One string heap: `<name>.heap` (UTF-8 bytes) and `<name>.off` (count + 1 Float64 offsets). */
export interface HeapEntry {
  file: string;
  offsets: string;
  count: number;
  bytes: number;
  /** CRC-32 of the heap file and of the offsets file, checked at load. */
  crc32?: number;
  offsetsCrc32?: number;
}

/** `manifest.json` of a generation. */
export interface Manifest {
  formatVersion: number;
  generation: string;
  builtAt: string;
  counts: {
    links: number;
    pages: number;
    /** Every domain (source and target). */
    domains: number;
    /** Domains with at least one source page. */
    referringDomains: number;
    hosts: number;
    urls: number;
  };
  /**
   * What the store held when the generation was written (for the explorer's index page).
   * Missing in generations written before it existed.
   */
  store?: ManifestStoreSummary;
  columns: Record<string, ColumnEntry>;
  heaps: Record<string, HeapEntry>;
}

/** The store's counts and capture dates at index write time. */
export interface ManifestStoreSummary {
  sources: number;
  captures: number;
  /** ISO 8601 UTC, null when there are no captures. */
  firstCapture: string | null;
  lastCapture: string | null;
  /** The last build's crawl days (`YYYY-MM-DD`; a long list is cut, as `linkgap stats` shows). */
  crawlDates: string[];
}

/** Null in an Int16 column (ranks, spam scores, status codes). */
export const NULL_I16 = -32768;

/** Null in a dictionary-id column of the given width. */
export function nullIdFor(type: ColumnType): number {
  if (type === 'u8') return 0xff;
  if (type === 'u16') return 0xffff;
  return 0xffffffff;
}

/** Link flag bits (the `flags` column). */
export const LINK_FLAG = {
  dofollow: 1,
  lost: 2,
  new: 4,
  indirect: 8,
  internal: 16,
  original: 32,
  broken: 64,
  fromHttps: 128,
  toHttps: 256,
  /** The source page's host is on the technical-host list (set by the writer from the page). */
  fromTechnical: 512,
} as const;

/** Page flag bits (the `page_flags` column). */
export const PAGE_FLAG = { isIp: 1, technical: 2 } as const;

/** Typed array constructors by column type. */
export type AnyColumn = Uint8Array | Uint16Array | Uint32Array | Int16Array | Float64Array;

/** What the writer accumulates in (column types plus Int32 for ids with -1 = null). */
export type BuildColumn = AnyColumn | Int32Array;

/** Bytes per element of a column type. */
export function bytesPer(type: ColumnType): number {
  return type === 'u8' ? 1 : type === 'u16' || type === 'i16' ? 2 : type === 'u32' ? 4 : 8;
}

/** The column type of a typed array. */
export function columnTypeOf(a: AnyColumn): ColumnType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int16Array) return 'i16';
  return 'f64';
}

/** Host sort key: labels reversed and joined by \u0001, so a host and its subdomains are one range. */
export function hostKey(host: string): string {
  return host.split('.').reverse().join('\u0001');
}
