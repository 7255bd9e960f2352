/**
 * @module store: the `LinkStore` seam and its DuckDB implementation.
 */
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
