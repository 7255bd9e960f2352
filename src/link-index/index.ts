/**
 * @module link-index: the in-memory intersection index: the writer (from a built `LinkStore`),
 * the on-disk generation format and its loader.
 */
export type {
  AnyColumn,
  ColumnEntry,
  ColumnType,
  HeapEntry,
  Manifest,
  ManifestStoreSummary,
} from './format.js';
export { FORMAT_VERSION, hostKey, LINK_FLAG, NULL_I16, nullIdFor, PAGE_FLAG } from './format.js';
export { readCurrent } from './generation.js';
export { compareStrings, IndexCollector } from './index-collector.js';
export {
  type LinkIndexData,
  LinkIndexError,
  loadLinkIndex,
  readIndexInfo,
} from './load-link-index.js';
export {
  atLeast,
  type Bitmap,
  bitmapOf,
  PAGE_SET_TESTS,
  type PageSetKind,
  PageSets,
  without,
  withoutOne,
} from './page-sets.js';
export { StringHeap } from './string-heap.js';
export {
  buildMemoryLinkIndex,
  buildPostings,
  type IndexColumnSource,
  indexRootFor,
  writeLinkIndex,
} from './write-link-index.js';
