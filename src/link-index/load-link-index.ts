/**
 * Load the current index generation into memory: column files become typed arrays, heaps
 * become `StringHeap`s. Never touches the store of record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import type { IndexInfo } from '../engine/types.js';
import {
  type AnyColumn,
  bytesPer,
  type ColumnType,
  FORMAT_VERSION,
  hostKey,
  type Manifest,
} from './format.js';
import { readCurrent } from './generation.js';
import { StringHeap } from './string-heap.js';

/** A loaded generation. */
export interface LinkIndexData {
  manifest: Manifest;
  dir: string;
  /** Milliseconds the load took. */
  loadMs: number;
  column(name: string): AnyColumn;
  heap(name: string): StringHeap;
  /** Host names sorted by `hostKey`, and the keys themselves, for range lookups. */
  hostKeys: string[];
}

/** Raised when there is no index or it cannot be read. */
export class LinkIndexError extends Error {
  readonly code: 'INDEX_MISSING' | 'INDEX_VERSION' | 'INDEX_CORRUPT';
  constructor(code: 'INDEX_MISSING' | 'INDEX_VERSION' | 'INDEX_CORRUPT', message: string) {
    super(message);
    this.name = 'LinkIndexError';
    this.code = code;
  }
}

function view(buf: Buffer, type: ColumnType): AnyColumn {
  const per = bytesPer(type);
  // readFileSync buffers are not pooled, but copy if one ever comes unaligned.
  const b = buf.byteOffset % per === 0 ? buf : Buffer.from(buf);
  const n = b.byteLength / per;
  switch (type) {
    case 'u8':
      return new Uint8Array(b.buffer, b.byteOffset, n);
    case 'u16':
      return new Uint16Array(b.buffer, b.byteOffset, n);
    case 'u32':
      return new Uint32Array(b.buffer, b.byteOffset, n);
    case 'i16':
      return new Int16Array(b.buffer, b.byteOffset, n);
    default:
      return new Float64Array(b.buffer, b.byteOffset, n);
  }
}

function corrupt(dir: string, file: string, what: string): LinkIndexError {
  return new LinkIndexError(
    'INDEX_CORRUPT',
    `index file ${join(dir, file)} ${what}: rebuild the index with \`linkgap build\``,
  );
}

/** The manifest of generation directory `dir`; a missing or unreadable one is corruption. */
function readManifest(dir: string): Manifest {
  let text: string;
  try {
    text = readFileSync(join(dir, 'manifest.json'), 'utf8');
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'cannot be read';
    throw corrupt(dir, 'manifest.json', why);
  }
  try {
    const m = JSON.parse(text) as Manifest;
    if (typeof m !== 'object' || m === null || typeof m.columns !== 'object') throw new Error();
    return m;
  } catch {
    throw corrupt(dir, 'manifest.json', 'is not a valid manifest');
  }
}

/**
 * A generation file, checked against its manifest entry: its size, and its CRC-32 when the
 * manifest has one. A truncated, overwritten or missing file is named in the error.
 */
function readChecked(dir: string, file: string, bytes: number, crc: number | undefined): Buffer {
  let buf: Buffer;
  try {
    buf = readFileSync(join(dir, file));
  } catch {
    throw corrupt(dir, file, 'is missing');
  }
  if (buf.byteLength !== bytes) {
    throw corrupt(dir, file, `is ${buf.byteLength} bytes, the manifest says ${bytes}`);
  }
  if (crc !== undefined && zlib.crc32(buf) !== crc) {
    throw corrupt(dir, file, 'does not match its checksum');
  }
  return buf;
}

/** Load the generation `CURRENT` points at under `indexRoot`. */
export async function loadLinkIndex(indexRoot: string): Promise<LinkIndexData> {
  const started = performance.now();
  const generation = await readCurrent(indexRoot);
  if (generation === null) {
    throw new LinkIndexError(
      'INDEX_MISSING',
      `no link index in ${indexRoot}: run \`linkgap build\``,
    );
  }
  const dir = join(indexRoot, generation);
  const manifest = readManifest(dir);
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new LinkIndexError(
      'INDEX_VERSION',
      `${dir} has index format ${manifest.formatVersion}; this linkgap reads ${FORMAT_VERSION}: run \`linkgap build\``,
    );
  }
  const columns = new Map<string, AnyColumn>();
  for (const [name, e] of Object.entries(manifest.columns)) {
    columns.set(name, view(readChecked(dir, e.file, e.bytes, e.crc32), e.type));
  }
  const heaps = new Map<string, StringHeap>();
  for (const [name, e] of Object.entries(manifest.heaps)) {
    const offBytes = (e.count + 1) * 8;
    const off = view(readChecked(dir, e.offsets, offBytes, e.offsetsCrc32), 'f64') as Float64Array;
    heaps.set(name, new StringHeap(readChecked(dir, e.file, e.bytes, e.crc32), off));
  }
  const hostNames = heaps.get('host_name');
  const hostKeys = hostNames === undefined ? [] : hostNames.all().map(hostKey);
  return {
    manifest,
    dir,
    loadMs: performance.now() - started,
    hostKeys,
    column(name) {
      const c = columns.get(name);
      if (c === undefined)
        throw new LinkIndexError('INDEX_VERSION', `index column ${name} missing`);
      return c;
    },
    heap(name) {
      const h = heaps.get(name);
      if (h === undefined) throw new LinkIndexError('INDEX_VERSION', `index heap ${name} missing`);
      return h;
    },
  };
}

/** What the current generation under `indexRoot` is (from its manifest), or null if none. */
export async function readIndexInfo(indexRoot: string): Promise<IndexInfo | null> {
  const generation = await readCurrent(indexRoot);
  if (generation === null) return null;
  const m = JSON.parse(
    readFileSync(join(indexRoot, generation, 'manifest.json'), 'utf8'),
  ) as Manifest;
  return {
    generation: m.generation,
    builtAt: m.builtAt,
    links: m.counts.links,
    pages: m.counts.pages,
    domains: m.counts.referringDomains ?? m.counts.domains,
  };
}
