/**
 * Common Crawl path lists (`warc.paths.gz`, `wat.paths.gz`, …): one path per line, relative to
 * a base (`https://data.commoncrawl.org/` or a local mirror directory).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { SourceError } from './errors.js';
import type { InputRef } from './types.js';

/** True for names of path lists: `*.paths` or `*.paths.gz`. */
export function isPathListName(name: string): boolean {
  return /\.paths(\.gz)?$/i.test(name.replace(/[?#].*$/, ''));
}

/** The non-empty, non-comment lines of a path list's bytes (gunzipped when gzip). */
export function pathListLines(bytes: Buffer, name: string): string[] {
  let text: string;
  try {
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes).toString(
      'utf8',
    );
  } catch (error) {
    throw new SourceError(
      'BAD_PATH_LIST',
      `${name}: not a readable path list (${(error as Error).message})`,
    );
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Join each path to `baseUrl`: an http(s) base gives URL refs, anything else is taken for a
 * local directory and gives file refs (missing files are listed in one `INPUT_NOT_FOUND`).
 * Lines that are already http(s) URLs are kept as they are.
 */
export async function resolvePathList(lines: string[], baseUrl: string): Promise<InputRef[]> {
  const refs: InputRef[] = [];
  const missing: string[] = [];
  const remote = /^https?:\/\//i.test(baseUrl);
  for (const line of lines) {
    if (/^https?:\/\//i.test(line)) {
      refs.push({ kind: 'url', url: line });
    } else if (remote) {
      refs.push({ kind: 'url', url: `${baseUrl.replace(/\/+$/, '')}/${line.replace(/^\/+/, '')}` });
    } else {
      const file = path.join(baseUrl, line);
      try {
        refs.push({ kind: 'file', path: file, size: (await stat(file)).size });
      } catch {
        missing.push(file);
      }
    }
  }
  if (missing.length > 0) throw notFound(missing);
  return refs;
}

/** One error naming every missing input (the first 20, then a count). */
export function notFound(missing: string[]): SourceError {
  const shown = missing.slice(0, 20).map((m) => `  ${m}`);
  if (missing.length > 20) shown.push(`  … and ${missing.length - 20} more`);
  const noun = missing.length === 1 ? 'input' : 'inputs';
  return new SourceError(
    'INPUT_NOT_FOUND',
    `${missing.length} ${noun} not found:\n${shown.join('\n')}`,
  );
}
