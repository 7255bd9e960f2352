/**
 * Worker-thread entry: reads one input with `readInput` and posts its events to the main
 * thread, at most a few groups ahead of what the main thread has stored (credit-based flow
 * control), so memory stays bounded however fast the reading is.
 */
import type { MessagePort } from 'node:worker_threads';
import { readInput } from '../read-input.js';
import type { InputRef } from '../source/index.js';

/** A task: the input, where to resume, and the port events go to. */
export interface ReadInputTask {
  ref: InputRef;
  recordsDone: number;
  port: MessagePort;
}

/** Groups posted before the main thread must acknowledge one. */
export const CREDITS = 32;

/** Piscina task: read the input; resolves when every event was posted. */
export async function readInputTask(task: ReadInputTask): Promise<void> {
  const { port } = task;
  let credits = CREDITS;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  try {
    for await (const event of readInput(task.ref, task.recordsDone)) {
      while (credits === 0) await new Promise<void>((r) => (wake = r));
      wake = undefined;
      if (event.kind === 'items') credits--;
      port.postMessage(event);
    }
    port.postMessage({ kind: 'end' });
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    // The main thread closes the channel once it has read everything posted.
    port.removeAllListeners('message');
  }
}
