/**
 * Validation and defaults of the generator's options.
 */
import { GenerateError } from './errors.js';
import type { GenerateFormat, GenerateOptions } from './types.js';

/** Options with defaults applied; `links` stays undefined when sizing by pages. */
export interface ResolvedOptions {
  outDir: string;
  pages: number;
  links: number | undefined;
  seed: number;
  snapshots: number;
  format: GenerateFormat;
}

const MAX_PAGES = 50_000_000;
const MAX_LINKS = 2_000_000_000;
// Below this a web is a handful of pages and ±10% is not reachable reliably.
const MIN_LINKS = 1000;

function integer(
  value: number | undefined,
  field: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GenerateError(
      'INVALID_OPTIONS',
      `${field} must be an integer in ${min}..${max}, got ${value}`,
      field,
    );
  }
  return value;
}

/** Check options and apply defaults (pages 2,000, seed 1, 2 snapshots, WARC). Throws GenerateError. */
export function resolveOptions(o: GenerateOptions): ResolvedOptions {
  if (typeof o.outDir !== 'string' || o.outDir === '') {
    throw new GenerateError('INVALID_OPTIONS', 'outDir is required', 'outDir');
  }
  const format = o.format ?? 'warc';
  if (format !== 'warc' && format !== 'ndjson') {
    throw new GenerateError(
      'INVALID_OPTIONS',
      `format must be warc or ndjson, got ${String(format)}`,
      'format',
    );
  }
  return {
    outDir: o.outDir,
    pages: integer(o.pages, 'pages', 1, MAX_PAGES, 2000),
    links: o.links === undefined ? undefined : integer(o.links, 'links', MIN_LINKS, MAX_LINKS, 0),
    seed: integer(o.seed, 'seed', -0x80000000, 0xffffffff, 1),
    snapshots: integer(o.snapshots, 'snapshots', 1, 12, 2),
    format,
  };
}
