/**
 * An `Engine` that follows the index's current generation: it polls the `CURRENT` pointer that
 * `linkgap build` writes last, loads the new generation beside the old one, swaps atomically
 * (each query runs wholly on one generation) and closes the old one when its last query ends.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine, IndexInfo } from '../engine/types.js';
import { errorText, type Logger, SILENT_LOGGER } from './logger.js';

/** An engine that can switch generations. */
export interface ReloadingEngine extends Engine {
  /** Look at the pointer now; true when a new generation was loaded and swapped in. */
  checkForNewGeneration(): Promise<boolean>;
}

/** Options of `createReloadingEngine`. */
export interface ReloadingEngineOptions {
  /** Load the current generation (e.g. `() => openEngine(indexRoot)`). */
  open: () => Promise<Engine>;
  /** The pointer's content (null if missing); a different value means a new build. */
  readPointer: () => Promise<string | null>;
  /** Poll every this many ms (0 = never; call `checkForNewGeneration` yourself). */
  intervalMs?: number;
  logger?: Logger;
}

interface Slot {
  engine: Engine;
  pointer: string | null;
  inflight: number;
  retired: boolean;
  closed: Promise<void> | null;
}

/** Read `<indexRoot>/CURRENT` (trimmed), or null when it does not exist yet. */
export function pointerReader(indexRoot: string, file = 'CURRENT'): () => Promise<string | null> {
  return async () => {
    try {
      return (await readFile(join(indexRoot, file), 'utf8')).trim();
    } catch {
      return null;
    }
  };
}

/** Open the current generation and start following the pointer. */
export async function createReloadingEngine(
  opts: ReloadingEngineOptions,
): Promise<ReloadingEngine> {
  const logger = opts.logger ?? SILENT_LOGGER;
  const pointer = await opts.readPointer();
  let current: Slot = newSlot(await opts.open(), pointer);
  const retired = new Set<Slot>();
  const closing: Array<Promise<void>> = [];
  let failedPointer: string | null = null;
  let checking: Promise<boolean> | null = null;
  let stopped = false;

  const release = (slot: Slot): void => {
    if (slot.retired && slot.inflight === 0 && slot.closed === null) {
      slot.closed = slot.engine.close().catch((e) => {
        logger.error('closing an old generation failed', { error: errorText(e) });
      });
      closing.push(slot.closed);
      retired.delete(slot);
    }
  };

  const run = async <T>(body: (engine: Engine) => Promise<T>): Promise<T> => {
    const slot = current;
    slot.inflight++;
    try {
      return await body(slot.engine);
    } finally {
      slot.inflight--;
      release(slot);
    }
  };

  const check = async (): Promise<boolean> => {
    const next = await opts.readPointer();
    if (stopped || next === null || next === current.pointer || next === failedPointer)
      return false;
    let engine: Engine;
    try {
      engine = await opts.open();
    } catch (e) {
      failedPointer = next;
      logger.error('loading the new index generation failed; still serving the old one', {
        pointer: next,
        error: errorText(e),
      });
      return false;
    }
    if (stopped || engine.info().generation === current.engine.info().generation) {
      await engine.close();
      if (!stopped) current.pointer = next;
      return false;
    }
    const old = current;
    current = newSlot(engine, next);
    old.retired = true;
    retired.add(old);
    release(old);
    logger.info('serving a new index generation', { ...describe(engine.info()) });
    return true;
  };

  const checkForNewGeneration = (): Promise<boolean> => {
    checking ??= check().finally(() => {
      checking = null;
    });
    return checking;
  };

  const timer =
    (opts.intervalMs ?? 0) > 0
      ? setInterval(() => {
          checkForNewGeneration().catch((e) =>
            logger.error('checking for a new generation failed', { error: errorText(e) }),
          );
        }, opts.intervalMs)
      : null;
  timer?.unref();

  return {
    pageIntersection: (q) => run((e) => e.pageIntersection(q)),
    domainIntersection: (q) => run((e) => e.domainIntersection(q)),
    linkIntersect: (q) => run((e) => e.linkIntersect(q)),
    prospects: (q, sort) => run((e) => e.prospects(q, sort)),
    exportProspects: (q, sort, sink, chunk) => run((e) => e.exportProspects(q, sort, sink, chunk)),
    overlap: (q, combinations) => run((e) => e.overlap(q, combinations)),
    evidence: (q, prospect, limit) => run((e) => e.evidence(q, prospect, limit)),
    facts: () => run((e) => e.facts()),
    info: (): IndexInfo => current.engine.info(),
    checkForNewGeneration,
    async close() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      await checking?.catch(() => false);
      // Shutting down: close old generations even if a query is still running on them.
      const pending = [...retired].map((s) => s.engine.close());
      await Promise.all([current.engine.close(), ...pending, ...closing]);
    },
  };
}

function newSlot(engine: Engine, pointer: string | null): Slot {
  return { engine, pointer, inflight: 0, retired: false, closed: null };
}

function describe(info: IndexInfo): Record<string, unknown> {
  return { generation: info.generation, builtAt: info.builtAt, links: info.links };
}
