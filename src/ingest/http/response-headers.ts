/**
 * The few response headers the capture stage reads, looked up case-insensitively in one pass.
 */

/** Header values that shape a capture; undefined when the header is absent. */
export interface ResponseHeaders {
  /** Last `Content-Type` (a later header overrides an earlier one, as in Fetch). */
  contentType?: string;
  /** First `Location`. */
  location?: string;
  /** First `Content-Language`. */
  contentLanguage?: string;
  /** Every `X-Robots-Tag`, joined with ", ". */
  xRobotsTag?: string;
}

/**
 * Pick the headers a capture needs from wire-order name/value pairs; names match
 * case-insensitively and values are trimmed.
 * @example readResponseHeaders([['location', '/x']]) // { location: '/x' }
 */
export function readResponseHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [rawName, rawValue] of headers) {
    const name = rawName.trim().toLowerCase();
    const value = rawValue.trim();
    switch (name) {
      case 'content-type':
        result.contentType = value;
        break;
      case 'location':
        result.location ??= value;
        break;
      case 'content-language':
        result.contentLanguage ??= value;
        break;
      case 'x-robots-tag':
        if (value !== '') {
          result.xRobotsTag =
            result.xRobotsTag === undefined ? value : `${result.xRobotsTag}, ${value}`;
        }
        break;
    }
  }
  return result;
}
