/**
 * @module ingest: sources (files, URLs, Common Crawl path lists) → captures in a `LinkStore`,
 * read on worker threads.
 */
export { createInputReaders, type InputReaders } from './parallel/input-readers.js';
export {
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingest,
} from './pipeline.js';
