/**
 * Link extraction on worker threads (piscina), so HTML parsing uses every core while the main
 * thread reads archives and writes the store. Run from TypeScript sources (unit tests), where no
 * compiled worker exists, extraction stays on the calling thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Capture } from '../../core/types.js';
import { captureFromHttp } from '../http/index.js';
import type { HttpCaptureInput } from '../types.js';

/** Extracts captures from responses, possibly on other threads. */
export interface Extractor {
  /** Number of worker threads (0 = the calling thread). */
  readonly threads: number;
  extract(input: HttpCaptureInput): Promise<Capture>;
  close(): Promise<void>;
}

/** Create an extractor with `workers` threads (0 → inline). */
export function createExtractor(workers: number): Extractor {
  const workerFile = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  if (workers <= 0 || !existsSync(workerFile)) {
    return {
      threads: 0,
      extract: async (input) => captureFromHttp(input),
      close: async () => undefined,
    };
  }
  const pool = new Piscina<HttpCaptureInput, Capture>({
    filename: workerFile,
    name: 'extract',
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  return {
    threads: workers,
    extract: (input) => {
      // The body is copied into its own buffer so it can be moved, not cloned, to the worker.
      const body = new Uint8Array(input.body);
      return pool.run({ ...input, body }, { transferList: [body.buffer] });
    },
    close: () => pool.destroy(),
  };
}
