/**
 * Gzip compression of WARC records off the main thread: one worker (code evaluated inline, so
 * it runs the same from sources and from dist) compresses batches with zlib's gzipSync while
 * the main thread builds the next pages. Output equals gzipSync in the main thread, byte for byte.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';

const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
parentPort.on('message', (m) => {
  parentPort.postMessage({ id: m.id, out: m.records.map((r) => gzipSync(r, { level: m.level })) });
});
`;

/** Compresses batches of records, each into its own gzip member. */
export interface Compressor {
  compress(records: Uint8Array[]): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

/** Compression in the calling thread (one-core machines). */
export function createSyncCompressor(level: number): Compressor {
  return {
    compress: async (records) => records.map((r) => gzipSync(r, { level })),
    close: async () => undefined,
  };
}

/** A worker-backed compressor, or the in-thread one when there is a single core. */
export function createCompressor(level: number): Compressor {
  if (availableParallelism() < 2) return createSyncCompressor(level);
  const worker = new Worker(WORKER_CODE, { eval: true });
  const waiting = new Map<
    number,
    { resolve: (o: Uint8Array[]) => void; reject: (e: unknown) => void }
  >();
  let next = 0;
  worker.on('message', (m: { id: number; out: Uint8Array[] }) => {
    waiting.get(m.id)?.resolve(m.out);
    waiting.delete(m.id);
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return {
    compress: (records) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, level, records });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
