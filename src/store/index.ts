/**
 * @module store: the `LinkStore` seam and its DuckDB implementation.
 */

/** How the build finds the host of a URL (a regex both DuckDB and JavaScript run). */
export { HOST_REGEX } from './duckdb/build/links-sql.js';
export type { DuckDBStoreOptions } from './duckdb/duckdb-link-store.js';
export { createDuckDBStore, DuckDBLinkStore } from './duckdb/duckdb-link-store.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export type {
  AppendResult,
  BuildStats,
  CaptureBatch,
  FactsTarget,
  FrontierItem,
  FrontierResult,
  FrontierSeed,
  FrontierState,
  FrontierStats,
  FrontierUpdate,
  IndexChunk,
  IndexColumnSink,
  IndexDictionary,
  IngestErrorRecord,
  LineSink,
  LinkStore,
  LinksCsvOptions,
  PageFacts,
  SiteFacts,
  SourceState,
  StepProgress,
  StoredCapture,
  StoreStats,
  TargetFacts,
} from './types.js';
export { INDEX_DICTIONARIES } from './types.js';
