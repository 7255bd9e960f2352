/**
 * @module scale-out: the link index on a ClickHouse cluster — migration from DuckDB, the SQL
 * compiler (sql/) and the engine that answers every front from it.
 */

export {
  countCaptures,
  ensureCaptureTables,
  hasCaptures,
  recordSources,
  streamCaptures,
  type UploadedSource,
  uploadCaptures,
  uploadedSources,
} from './captures.js';
export { ClickHouseEngine, openClickHouseEngine } from './clickhouse-engine.js';
export { exportClickHouseLinks } from './export-links.js';
export {
  currentGeneration,
  type MigrateOptions,
  type MigrateResult,
  migrateToClickHouse,
} from './migrate.js';
export { followClickHouse, openClickHouseEngineAt, openClickHouseStore } from './open-store.js';
