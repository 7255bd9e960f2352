/**
 * The engine of a long-running command (`serve`, `mcp`): the current index generation of a
 * store file, switched to each new generation a build publishes.
 */
import {
  createReloadingEngine,
  type Logger,
  pointerReader,
  type ReloadingEngine,
} from '../../api/index.js';
import { openEngine } from '../../engine/index.js';
import { indexRootFor } from '../../link-index/index.js';
import { followClickHouse } from '../../scale-out/index.js';
import { isClickHouseUrl } from '../../store/clickhouse/index.js';
import { CliError } from '../cli-error.js';

/**
 * Open the index beside `db` (or the ClickHouse store `db` names) and poll for new generations
 * every `intervalMs`.
 */
export async function openFollowingEngine(
  db: string,
  intervalMs: number,
  logger: Logger,
): Promise<ReloadingEngine> {
  if (isClickHouseUrl(db)) {
    return followClickHouse(db, intervalMs, logger).catch((e: unknown) => {
      throw new CliError(e instanceof Error ? e.message : String(e));
    });
  }
  const indexRoot = indexRootFor(db);
  return createReloadingEngine({
    open: () => openEngine(indexRoot),
    readPointer: pointerReader(indexRoot),
    intervalMs,
    logger,
  }).catch((e: unknown) => {
    throw new CliError(
      `cannot load the index at ${indexRoot} (${e instanceof Error ? e.message : String(e)}); ` +
        'run `linkgap build` first',
    );
  });
}
