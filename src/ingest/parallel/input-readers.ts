/**
 * Reads inputs on worker threads, one input per worker (piscina), so several archives are
 * gunzipped, parsed and extracted at once while the main thread only stores. With no workers
 * (or run from TypeScript sources, where no compiled worker exists) inputs are read on the
 * calling thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { type InputEvent, readInput } from '../read-input.js';
import type { InputRef } from '../source/index.js';
import type { ReadInputTask } from './read-input-worker.js';

/** Reads inputs, possibly on other threads. */
export interface InputReaders {
  /** How many inputs are read at once (1 when inline). */
  readonly parallel: number;
  /** The events of reading `ref`, resuming at `recordsDone`; throws if the input fails. */
  read(ref: InputRef, recordsDone: number): AsyncIterable<InputEvent>;
  close(): Promise<void>;
}

/** Create readers with `workers` threads (0 → inline). */
export function createInputReaders(workers: number): InputReaders {
  const workerFile = fileURLToPath(new URL('./read-input-worker.js', import.meta.url));
  if (workers <= 0 || !existsSync(workerFile)) {
    return { parallel: 1, read: readInput, close: async () => undefined };
  }
  const pool = new Piscina<ReadInputTask, void>({
    filename: workerFile,
    name: 'readInputTask',
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  return {
    parallel: workers,
    read: (ref, recordsDone) => readOnWorker(pool, ref, recordsDone),
    close: () => pool.destroy(),
  };
}

type WorkerMessage = InputEvent | { kind: 'end' } | { kind: 'failed'; message: string };

async function* readOnWorker(
  pool: Piscina<ReadInputTask, void>,
  ref: InputRef,
  recordsDone: number,
): AsyncIterable<InputEvent> {
  const { port1, port2 } = new MessageChannel();
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  port1.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  const task = pool.run({ ref, recordsDone, port: port2 }, { transferList: [port2] });
  task.catch((error: unknown) => {
    queue.push({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      wake = undefined;
      const m = queue.shift() as WorkerMessage;
      if (m.kind === 'end') return;
      if (m.kind === 'failed') throw new Error(m.message);
      yield m;
      // Stored: the worker may read one group further.
      if (m.kind === 'items') port1.postMessage(1);
    }
  } finally {
    port1.close();
    await task.catch(() => undefined);
  }
}
