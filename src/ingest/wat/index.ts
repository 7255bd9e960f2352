/**
 * @module WAT reading: Common Crawl WAT files → captures (`readWat`), with the JSON → capture and
 * WAT link-path mappings it uses.
 */
export { type ReadWatOptions, readWat, type WatReadStats } from './read-wat.js';
export { type WatCaptureResult, watToCapture } from './wat-capture.js';
export { mapWatLinks, refreshTarget } from './wat-links.js';
