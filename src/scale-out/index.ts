/**
 * @module scale-out: the link index on a ClickHouse cluster — migration from DuckDB, the SQL
 * compiler (sql/) and the engine that answers every front from it.
 */
export { ClickHouseEngine, openClickHouseEngine } from './clickhouse-engine.js';
export {
  currentGeneration,
  type MigrateOptions,
  type MigrateResult,
  migrateToClickHouse,
} from './migrate.js';
export { followClickHouse, openClickHouseEngineAt, openClickHouseStore } from './open-store.js';
