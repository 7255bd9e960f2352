/**
 * A ClickHouse backend for the length of a vitest suite (kept apart from clickhouse-cluster.ts,
 * which the benchmarks import outside vitest).
 */
import { afterAll, beforeAll } from 'vitest';
import type { ClickHouseBackend } from './clickhouse-cluster.js';

/**
 * Start `backend` before the enclosing suite's tests and stop it after them (after the suite's
 * own later `afterAll`s, which vitest runs first); `url()` is its store URL once started.
 */
export function useBackend(backend: ClickHouseBackend): { url(): string } {
  let started: { url: string; stop(): Promise<void> } | undefined;
  beforeAll(async () => {
    started = await backend.start();
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
  });
  return {
    url: () => {
      if (started === undefined) throw new Error(`${backend.name} did not start`);
      return started.url;
    },
  };
}
