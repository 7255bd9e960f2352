/**
 * Opening a ClickHouse store from its `--store` URL: the connection, the engine over its newest
 * generation, and an engine that follows new generations (`serve`, `mcp`), as the DuckDB index's
 * `CURRENT` pointer is followed.
 */
import { createReloadingEngine, type Logger, type ReloadingEngine } from '../api/index.js';
import {
  type ClickHouseConnection,
  ClickHouseError,
  connectClickHouse,
  parseClickHouseUrl,
  redactClickHouseUrl,
} from '../store/clickhouse/index.js';
import { type ClickHouseEngine, openClickHouseEngine } from './clickhouse-engine.js';
import { currentGeneration } from './migrate.js';

/** Connect to every node `url` names; a bad URL or an unreachable node is a ClickHouseError. */
export async function openClickHouseStore(url: string): Promise<ClickHouseConnection> {
  const parsed = parseClickHouseUrl(url);
  if (!parsed.ok) throw new ClickHouseError(parsed.error, null);
  try {
    return await connectClickHouse(parsed.target);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ClickHouseError(`cannot open ${redactClickHouseUrl(url)}: ${why}`, null, {
      cause: error,
    });
  }
}

/** The engine over the newest generation at `url` (closing it closes the connection). */
export async function openClickHouseEngineAt(url: string): Promise<ClickHouseEngine> {
  const conn = await openClickHouseStore(url);
  try {
    return await openClickHouseEngine(conn);
  } catch (error) {
    await conn.close();
    throw error;
  }
}

/**
 * An engine on the newest generation at `url` that switches when `linkgap migrate` publishes
 * another. One connection serves every generation (chdb allows one session per directory).
 */
export async function followClickHouse(
  url: string,
  intervalMs: number,
  logger: Logger,
): Promise<ReloadingEngine> {
  const conn = await openClickHouseStore(url);
  const shared = { ...conn, close: async () => undefined };
  try {
    const entry = conn.nodes[0];
    const engine = await createReloadingEngine({
      open: () => openClickHouseEngine(shared),
      readPointer: async () =>
        entry === undefined ? null : ((await currentGeneration(entry))?.generation ?? null),
      intervalMs,
      logger,
    });
    return {
      ...engine,
      close: async () => {
        await engine.close();
        await conn.close();
      },
    };
  } catch (error) {
    await conn.close();
    throw error;
  }
}
