/**
 * Turning body bytes into a string with the detected encoding: UTF-8 through the platform's
 * TextDecoder, everything else through iconv-lite.
 */
import iconv from 'iconv-lite';
import type { DetectedEncoding } from './detect-encoding.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decode `body` (after its BOM) with `encoding`. Invalid sequences become U+FFFD; never throws:
 * should iconv-lite fail, the body is read as UTF-8.
 */
export function decodeBody(body: Uint8Array, encoding: DetectedEncoding): string {
  const bytes = encoding.bomLength > 0 ? body.subarray(encoding.bomLength) : body;
  if (encoding.codec === 'utf8') return utf8.decode(bytes);
  try {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return iconv.decode(view, encoding.codec, { stripBOM: false });
  } catch {
    return utf8.decode(bytes);
  }
}
