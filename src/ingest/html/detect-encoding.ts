/**
 * Choosing the character encoding of an HTML body: byte order mark, then the Content-Type
 * charset, then a `<meta>` declaration in the first bytes, then UTF-8.
 */
import { type EncodingName, resolveEncodingLabel, UTF8 } from './encoding-labels.js';
import { prescanCharset } from './prescan-charset.js';

/** The chosen encoding, where it came from, and how many BOM bytes to skip. */
export interface DetectedEncoding extends EncodingName {
  source: 'bom' | 'header' | 'meta' | 'default';
  bomLength: number;
}

/**
 * Decide how to decode `body`. A byte order mark wins over the header, as in browsers (the
 * WHATWG "decode" algorithm): it is evidence in the bytes themselves, while a header charset is
 * often a server default. Unknown or undecodable labels are ignored, so the next source decides
 * and UTF-8 is the last resort.
 * @param charset the Content-Type `charset` parameter, as written
 */
export function detectEncoding(body: Uint8Array, charset?: string): DetectedEncoding {
  const b0 = body[0];
  const b1 = body[1];
  if (b0 === 0xef && b1 === 0xbb && body[2] === 0xbf)
    return { ...UTF8, source: 'bom', bomLength: 3 };
  if (b0 === 0xfe && b1 === 0xff) {
    return { name: 'utf-16be', codec: 'utf16be', source: 'bom', bomLength: 2 };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { name: 'utf-16le', codec: 'utf16le', source: 'bom', bomLength: 2 };
  }
  if (charset !== undefined) {
    const fromHeader = resolveEncodingLabel(charset);
    if (fromHeader !== undefined) return { ...fromHeader, source: 'header', bomLength: 0 };
  }
  const fromMeta = prescanCharset(body);
  if (fromMeta !== undefined) return { ...fromMeta, source: 'meta', bomLength: 0 };
  return { ...UTF8, source: 'default', bomLength: 0 };
}
