/**
 * @module generate: a deterministic synthetic web (power-law link graph, redirects, canonicals,
 * languages, link farms, snapshots) written as WARC/1.1 or captures NDJSON, with its ground truth.
 */
export { GenerateError, type GenerateErrorCode } from './errors.js';
export { generateWeb } from './generate-web.js';
export type {
  GenerateFormat,
  GenerateOptions,
  GenerateProgress,
  GenerateSummary,
  LinkedDomain,
} from './types.js';
