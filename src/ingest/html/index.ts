/**
 * @module HTML extraction: links, title, language and metadata from one document's bytes,
 * streaming with htmlparser2, plus the content sniffing and Content-Type parsing it relies on.
 */
export { type ContentType, parseContentType } from './content-type.js';
export { SEMANTIC_ELEMENTS } from './elements.js';
export { extractPage } from './extract-page.js';
export { isIconRel, SignalCollector, type SignalsSeen } from './signal-collector.js';
export { sniffHtml } from './sniff-html.js';
export type { PageExtract, PageInput } from './types.js';
