/**
 * Parsing of a `Content-Type` header value into its media type and charset.
 */

/** The parts of a `Content-Type` value that ingest uses. */
export interface ContentType {
  /** Lower-case `type/subtype`, without parameters; undefined when the value has none. */
  mediaType?: string;
  /** The `charset` parameter as written (unquoted, trimmed), undefined when absent. */
  charset?: string;
}

/**
 * Split a `Content-Type` value into media type and charset. Never throws; a value without a
 * `/` in its first part has no media type.
 * @example parseContentType('Text/HTML; Charset="UTF-8"') // { mediaType: 'text/html', charset: 'UTF-8' }
 */
export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return {};
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const result: ContentType = {};
  if (type.includes('/') && type.length <= 255) result.mediaType = type;
  if (semi >= 0) {
    const charset = findCharset(value, semi + 1);
    if (charset !== undefined) result.charset = charset;
  }
  return result;
}

function findCharset(value: string, from: number): string | undefined {
  for (const param of value.slice(from).split(';')) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    // Joined duplicate headers ("text/html; charset=utf-8, text/html") end at the comma.
    let v =
      param
        .slice(eq + 1)
        .split(',', 1)[0]
        ?.trim() ?? '';
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
      v = v.slice(1, -1).trim();
    }
    return v === '' ? undefined : v;
  }
  return undefined;
}
