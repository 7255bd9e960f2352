/**
 * What `main.ts` hands every command: the store factory (only main constructs stores), output
 * functions and the exit code.
 */
import type { Command } from 'commander';
import type { Engine } from '../../engine/index.js';
import type { LinkStore } from '../../store/index.js';

/** The wiring shared by all commands. */
export interface CliContext {
  /** Add the `--db FILE` option every command takes. */
  withDb(cmd: Command): Command;
  /** Open the store at `db`, run `body`, close the store whatever happens. */
  withStore<T>(db: string, body: (store: LinkStore) => Promise<T>): Promise<T>;
  /** Add `--store URL` (a ClickHouse store instead of the index beside --db). */
  withStoreUrl(cmd: Command): Command;
  /**
   * Open the engine over `source` — a ClickHouse store URL, or a DuckDB file whose built index
   * is read — run `body`, close it.
   */
  withEngine<T>(source: string, body: (engine: Engine) => Promise<T>): Promise<T>;
  out(line: string): void;
  err(line: string): void;
  setExitCode(code: number): void;
}
