/**
 * Command-line inputs → input refs: files, directories (recursive, sorted), globs, http(s) URLs
 * and Common Crawl path lists. Everything is checked before the first ref is yielded, so a typo
 * fails the run before any ingest starts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SourceError } from './errors.js';
import { openInput } from './open-input.js';
import { isPathListName, notFound, pathListLines, resolvePathList } from './path-list.js';
import type { InputRef } from './types.js';

/** Options of `expandInputs`. */
export interface ExpandInputsOptions {
  /** Base that path-list lines are joined to: an http(s) URL or a local directory. */
  baseUrl?: string;
  /** Passed to `openInput` when a path list is itself a URL. */
  signal?: AbortSignal;
}

/**
 * Expand `args` in order. A file gives itself; a directory its regular files, recursively, in
 * code-point order of their paths (names starting with `.` skipped); a glob (`*`, `?`, `[…]`,
 * `{…}`) its matching files, sorted; an http(s) URL itself; a `*.paths` / `*.paths.gz` list
 * (local or URL) one ref per line joined to `baseUrl`. Throws `SourceError` `INPUT_NOT_FOUND`
 * naming every missing file or empty glob, and `BASE_URL_REQUIRED` for a path list without
 * `baseUrl`.
 * @example expandInputs(['crawl/', 'extra/*.warc.gz', 'https://x.org/a.warc.gz'])
 */
export async function* expandInputs(
  args: string[],
  opts: ExpandInputsOptions = {},
): AsyncGenerator<InputRef> {
  const refs: InputRef[] = [];
  const missing: string[] = [];
  const pathLists: string[] = [];
  for (const arg of args) {
    if (isPathListName(arg) && opts.baseUrl === undefined) pathLists.push(arg);
  }
  if (pathLists.length > 0) {
    const message = `path lists need --base-url (the prefix each line is joined to, e.g. https://data.commoncrawl.org/): ${pathLists.join(', ')}`;
    throw new SourceError('BASE_URL_REQUIRED', message);
  }
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      if (isPathListName(arg)) refs.push(...(await readPathList({ kind: 'url', url: arg }, opts)));
      else refs.push({ kind: 'url', url: arg });
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      refs.push(...(await walk(arg)).sort((a, b) => byCodePoint(a.path, b.path)));
    } else if (info?.isFile()) {
      const ref: InputRef = { kind: 'file', path: arg, size: info.size };
      refs.push(...(isPathListName(arg) ? await readPathList(ref, opts) : [ref]));
    } else if (info === undefined && isDynamicPattern(arg)) {
      const absolute = path.isAbsolute(arg);
      const matches = await glob(arg, { onlyFiles: true, expandDirectories: false, absolute });
      if (matches.length === 0) missing.push(`${arg} (no match)`);
      for (const match of matches.sort(byCodePoint)) {
        refs.push({ kind: 'file', path: match, size: (await stat(match)).size });
      }
    } else {
      missing.push(arg);
    }
  }
  if (missing.length > 0) throw notFound(missing);
  yield* refs;
}

async function readPathList(ref: InputRef, opts: ExpandInputsOptions): Promise<InputRef[]> {
  const name = ref.kind === 'file' ? ref.path : ref.url;
  let bytes: Buffer;
  if (ref.kind === 'file') {
    bytes = await readFile(ref.path);
  } else {
    const parts: Uint8Array[] = [];
    for await (const chunk of openInput(
      ref,
      opts.signal === undefined ? {} : { signal: opts.signal },
    )) {
      parts.push(chunk);
    }
    bytes = Buffer.concat(parts);
  }
  return resolvePathList(pathListLines(bytes, name), opts.baseUrl as string);
}

/** Regular files under `dir`, recursively; dot-files and dot-directories skipped. */
async function walk(dir: string): Promise<Array<{ kind: 'file'; path: string; size: number }>> {
  const out: Array<{ kind: 'file'; path: string; size: number }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...(await walk(full)));
    } else if (entry.isFile()) {
      out.push({ kind: 'file', path: full, size: (await stat(full)).size });
    }
  }
  return out;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
