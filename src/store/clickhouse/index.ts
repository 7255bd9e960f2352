/**
 * @module store/clickhouse: the ClickHouse side of the scale-out store — connection seam,
 * escaped literals and the schema of one index generation.
 */

export { createChdbClient } from './chdb-client.js';
export {
  type ClickHouseClient,
  ClickHouseError,
  type QueryResult,
  type QuerySettings,
  type ServerVersion,
} from './client.js';
export { type ClickHouseConnection, connectClickHouse } from './connect.js';
export {
  identifier,
  likeEscape,
  regexEscape,
  sqlNumber,
  sqlString,
  sqlStringArray,
} from './escape.js';
export { createHttpClient } from './http-client.js';
export {
  CAPTURES_LOCAL_TABLE,
  type ColumnSpec,
  capturesDistributedDdl,
  capturesLocalDdl,
  capturesTable,
  captureVersion,
  DEFAULT_CLUSTER,
  distributedTableDdl,
  GENERATIONS_TABLE,
  type GenerationTables,
  generationsTableDdl,
  generationTables,
  LINK_TABLE_COLUMNS,
  localTableDdl,
  SHARDING_KEY,
  SOURCES_TABLE,
  sourcesTableDdl,
  WORD_FIELDS,
} from './schema.js';
export {
  type ClickHouseTarget,
  isClickHouseUrl,
  type ParsedClickHouseUrl,
  parseClickHouseUrl,
  redactClickHouseUrl,
} from './store-url.js';
