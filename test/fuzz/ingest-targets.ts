/**
 * Fuzz targets of ingest, shared by the test suite and `npm run bench -- fuzz`: WARC (gzip per
 * record), WAT and captures NDJSON files, truncated at any byte, with bits flipped, or two
 * files concatenated, go through the real pipeline (format detection, readers, extraction,
 * batching) into a store that keeps captures in memory. It must never throw; bad records are
 * reported as errors and skipped; the records the damage did not touch are kept.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createInputReaders, ingest } from '../../src/ingest/index.js';
import type {
  AppendResult,
  CaptureBatch,
  LinkStore,
  SourceState,
  StoredCapture,
} from '../../src/store/index.js';
import {
  captureFields,
  gzipPerRecord,
  httpResponse,
  plainFile,
  warcRecord,
} from '../helpers/warc-bytes.js';
import { watFile, watFixture } from '../helpers/wat-bytes.js';

/** A store that keeps what ingest appends (deduplicated on url + fetched_at, as stores do). */
class MemoryStore {
  readonly captures = new Map<string, StoredCapture>();
  errors = 0;
  #sources = 0;
  async openSource(name: string): Promise<SourceState> {
    return { sourceId: ++this.#sources, name, recordsDone: 0, complete: false };
  }
  async appendBatch(_source: SourceState, batch: CaptureBatch): Promise<AppendResult> {
    let added = 0;
    for (const c of batch.captures) {
      const key = `${c.url} ${c.fetched_at}`;
      if (!this.captures.has(key)) {
        this.captures.set(key, c);
        added++;
      }
    }
    this.errors += batch.errors.length;
    const links = batch.captures.reduce((n, c) => n + c.links.length, 0);
    return { added, duplicates: batch.captures.length - added, links };
  }
  async finishSource(): Promise<void> {}
}

/** An input format with its records as separately damageable units. */
export interface IngestFormat {
  name: string;
  /** The file and the byte range of each record that yields a capture. */
  file(): { bytes: Buffer; ranges: Array<[number, number]> };
}

function page(i: number): string {
  return `<html><head><title>p${i}</title></head><body><a href="https://t${i % 3}.com/">see</a> <a href="/x${i}">x</a></body></html>`;
}

function withRanges(
  built: { bytes: Buffer; offsets: number[] },
  skip: number,
): { bytes: Buffer; ranges: Array<[number, number]> } {
  const ends = [...built.offsets.slice(1), built.bytes.length];
  const ranges = built.offsets.map((o, i) => [o, ends[i] as number] as [number, number]);
  return { bytes: built.bytes, ranges: ranges.slice(skip) };
}

export const INGEST_FORMATS: IngestFormat[] = [
  {
    name: 'WARC (gzip per record)',
    file: () => {
      const records = Array.from({ length: 12 }, (_, i) =>
        warcRecord({
          type: 'response',
          fields: [
            ...captureFields(
              `https://s${i}.example/p`,
              `2024-05-17T23:31:${String(i).padStart(2, '0')}Z`,
            ),
            ['Content-Type', 'application/http; msgtype=response'],
          ],
          block: httpResponse(200, [['Content-Type', 'text/html; charset=utf-8']], page(i)),
        }),
      );
      return withRanges(gzipPerRecord(records), 0);
    },
  },
  {
    name: 'WAT',
    file: () => {
      const doc = watFixture('html-page.json') as Record<string, unknown>;
      const docs = Array.from({ length: 10 }, (_, i) => {
        const d = JSON.parse(JSON.stringify(doc)) as {
          Envelope: { 'WARC-Header-Metadata': Record<string, string> };
        };
        d.Envelope['WARC-Header-Metadata']['WARC-Target-URI'] = `https://w${i}.example/p`;
        return d;
      });
      // The first member is the warcinfo record, which yields no capture.
      return withRanges(watFile(docs), 1);
    },
  },
  {
    name: 'captures NDJSON',
    file: () => {
      const lines = Array.from({ length: 20 }, (_, i) =>
        Buffer.from(
          `${JSON.stringify({
            url: `https://n${i}.example/p`,
            fetched_at: '2026-03-01T00:00:00Z',
            status: 200,
            links: [{ url: `https://t${i % 3}.com/`, item_type: 'anchor', anchor: 'a' }],
          })}\n`,
        ),
      );
      return withRanges(plainFile(lines), 0);
    },
  },
];

/** One way of damaging a file. */
export type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'concat' }
  | { kind: 'none' };

export const damages: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.constant({ kind: 'concat' as const }),
);

/** What one damaged ingest kept, against what it must have kept at least. */
export interface IngestOutcome {
  captures: number;
  atLeast: number;
  /** Concatenation must keep every capture of both copies (they are the same: once each). */
  exact: number | null;
}

/** Ingest `format`'s file damaged by `damage` in `dir`. Throws if ingest throws. */
export async function ingestDamaged(
  dir: string,
  format: IngestFormat,
  damage: Damage,
  n: number,
): Promise<IngestOutcome> {
  const { bytes, ranges } = format.file();
  let damaged: Buffer;
  let atLeast: number;
  let exact: number | null = null;
  if (damage.kind === 'truncate') {
    const at = damage.at % (bytes.length + 1);
    damaged = bytes.subarray(0, at);
    // Records wholly before the cut are kept; the one it cuts is lost (and reported).
    atLeast = ranges.filter(([, end]) => end <= at).length;
  } else if (damage.kind === 'flip') {
    const at = damage.at % bytes.length;
    damaged = Buffer.from(bytes);
    damaged[at] = (damaged[at] as number) ^ (1 << damage.bit);
    // The record holding the flipped byte may be lost; a flipped separator may take one more.
    // A flip in the first bytes can also make the file look like another format: no promise.
    atLeast = at < 16 ? 0 : ranges.length - 2;
  } else if (damage.kind === 'none') {
    damaged = bytes;
    atLeast = ranges.length;
    exact = ranges.length;
  } else {
    damaged = Buffer.concat([bytes, bytes]);
    atLeast = ranges.length;
    exact = ranges.length;
  }
  const path = join(dir, `case-${n}.bin`);
  await writeFile(path, damaged);
  const store = new MemoryStore();
  const readers = createInputReaders(0);
  try {
    await ingest(store as unknown as LinkStore, [path], { readers });
  } finally {
    await readers.close();
    await rm(path, { force: true });
  }
  return { captures: store.captures.size, atLeast, exact };
}

/** Run `runs` seeded damaged ingests of `format`; returns the cases run (throws on a failure). */
export async function fuzzIngest(
  format: IngestFormat,
  opts: { runs: number; seed: number },
): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'linkgap-fuzz-ingest-'));
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(damages, async (damage) => {
        const r = await ingestDamaged(dir, format, damage, n++);
        if (r.captures < r.atLeast || (r.exact !== null && r.captures !== r.exact)) {
          throw new Error(
            `${format.name} ${JSON.stringify(damage)}: kept ${r.captures} captures, expected at least ${r.atLeast}${r.exact === null ? '' : ` (exactly ${r.exact})`}`,
          );
        }
      }),
      { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return n;
}
