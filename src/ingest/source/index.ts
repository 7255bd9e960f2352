/**
 * @module Ingest sources: expanding command-line inputs (`expandInputs`), sniffing their format
 * (`detectFormat`) and streaming their bytes with retry and resume (`openInput`).
 */
export { detectFormat } from './detect-format.js';
export { SourceError, type SourceErrorCode } from './errors.js';
export { type ExpandInputsOptions, expandInputs } from './expand-inputs.js';
export { type OpenInputOptions, openInput, type RetryInfo } from './open-input.js';
export { isPathListName } from './path-list.js';
export { peek } from './peek.js';
export type { InputFormat, InputRef } from './types.js';
