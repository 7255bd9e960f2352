/**
 * Link extraction on worker threads (piscina), so HTML parsing uses every core while the main
 * thread reads archives and writes the store. Responses travel in groups, which amortises the
 * cost of each message. Run from TypeScript sources (unit tests), where no compiled worker
 * exists, extraction stays on the calling thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { HttpCaptureInput } from '../types.js';
import { type ExtractResult, extract } from './extract-worker.js';

/** Extracts captures from responses, possibly on other threads. */
export interface Extractor {
  /** Number of worker threads (0 = the calling thread). */
  readonly threads: number;
  /** Extract a group of responses; results in the same order. */
  extract(inputs: HttpCaptureInput[]): Promise<ExtractResult[]>;
  close(): Promise<void>;
}

/** Create an extractor with `workers` threads (0 → inline). */
export function createExtractor(workers: number): Extractor {
  const workerFile = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  if (workers <= 0 || !existsSync(workerFile)) {
    return {
      threads: 0,
      extract: async (inputs) => extract(inputs),
      close: async () => undefined,
    };
  }
  const pool = new Piscina<HttpCaptureInput[], ExtractResult[]>({
    filename: workerFile,
    name: 'extract',
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    // Queue several groups per worker: a worker must not wait for the busy main thread to hand
    // it its next one.
    concurrentTasksPerWorker: 4,
  });
  return {
    threads: workers,
    extract: (inputs) => {
      // Bodies are copied into buffers of their own so they can be moved, not cloned.
      const moved = inputs.map((i) => ({ ...i, body: new Uint8Array(i.body) }));
      return pool.run(moved, { transferList: moved.map((i) => i.body.buffer) });
    },
    close: () => pool.destroy(),
  };
}
