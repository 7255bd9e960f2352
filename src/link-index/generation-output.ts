/**
 * Where the writer puts a generation's columns and heaps: files in a generation directory
 * (`FileGenerationWriter`, what `linkgap build` publishes) or memory (`MemoryGenerationWriter`,
 * what a ClickHouse query's rows are hydrated into).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import {
  type AnyColumn,
  type ColumnEntry,
  columnTypeOf,
  type HeapEntry,
  hostKey,
  type Manifest,
} from './format.js';
import { type LinkIndexData, LinkIndexError } from './load-link-index.js';
import { StringHeap } from './string-heap.js';

/** Receives a generation's columns and heaps and records their manifest entries. */
export interface GenerationOutput {
  readonly columns: Record<string, ColumnEntry>;
  readonly heaps: Record<string, HeapEntry>;
  column(name: string, data: AnyColumn): void;
  heap(name: string, values: readonly string[]): void;
}

/** A heap's UTF-8 bytes and count + 1 offsets. */
function encodeHeap(values: readonly string[]): { bytes: Buffer; offsets: Float64Array } {
  const offsets = new Float64Array(values.length + 1);
  const parts: Buffer[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const b = Buffer.from(values[i] as string, 'utf8');
    parts.push(b);
    pos += b.length;
    offsets[i + 1] = pos;
  }
  return { bytes: Buffer.concat(parts, pos), offsets };
}

function entryOf(file: string, data: AnyColumn): ColumnEntry {
  return { file, type: columnTypeOf(data), length: data.length, bytes: data.byteLength };
}

/** Writes column and heap files into one generation directory and records them. */
export class FileGenerationWriter implements GenerationOutput {
  readonly columns: Record<string, ColumnEntry> = {};
  readonly heaps: Record<string, HeapEntry> = {};
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  column(name: string, data: AnyColumn): void {
    const file = `${name}.bin`;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    writeFileSync(join(this.#dir, file), bytes);
    this.columns[name] = { ...entryOf(file, data), crc32: zlib.crc32(bytes) };
  }

  heap(name: string, values: readonly string[]): void {
    const { bytes, offsets } = encodeHeap(values);
    const file = `${name}.heap`;
    const offFile = `${name}.off`;
    const offBytes = new Uint8Array(offsets.buffer);
    writeFileSync(join(this.#dir, file), bytes);
    writeFileSync(join(this.#dir, offFile), offBytes);
    this.heaps[name] = {
      file,
      offsets: offFile,
      count: values.length,
      bytes: bytes.length,
      crc32: zlib.crc32(bytes),
      offsetsCrc32: zlib.crc32(offBytes),
    };
  }
}

/** Keeps a generation's columns and heaps in memory; `toData` serves them as a loaded index. */
export class MemoryGenerationWriter implements GenerationOutput {
  readonly columns: Record<string, ColumnEntry> = {};
  readonly heaps: Record<string, HeapEntry> = {};
  readonly #columns = new Map<string, AnyColumn>();
  readonly #heaps = new Map<string, StringHeap>();

  column(name: string, data: AnyColumn): void {
    this.#columns.set(name, data);
    this.columns[name] = entryOf(`${name}.bin`, data);
  }

  heap(name: string, values: readonly string[]): void {
    const { bytes, offsets } = encodeHeap(values);
    this.#heaps.set(name, new StringHeap(bytes, offsets));
    this.heaps[name] = {
      file: `${name}.heap`,
      offsets: `${name}.off`,
      count: values.length,
      bytes: bytes.length,
    };
  }

  /** The generation as `loadLinkIndex` would have returned it (`dir` is empty: no files). */
  toData(manifest: Manifest, loadMs: number): LinkIndexData {
    const columns = this.#columns;
    const heaps = this.#heaps;
    const hostNames = heaps.get('host_name');
    return {
      manifest,
      dir: '',
      loadMs,
      hostKeys: hostNames === undefined ? [] : hostNames.all().map(hostKey),
      column(name) {
        const c = columns.get(name);
        if (c === undefined)
          throw new LinkIndexError('INDEX_VERSION', `index column ${name} missing`);
        return c;
      },
      heap(name) {
        const h = heaps.get(name);
        if (h === undefined)
          throw new LinkIndexError('INDEX_VERSION', `index heap ${name} missing`);
        return h;
      },
    };
  }
}
