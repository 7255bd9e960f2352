/**
 * @module HTTP capture: one HTTP response (from an archive or the crawler) to one `Capture`,
 * with redirects as links and HTML pages extracted.
 */
export { captureFromHttp } from './capture-from-http.js';
export { type ResponseHeaders, readResponseHeaders } from './response-headers.js';
