/**
 * Input format sniffing from the first bytes (gunzipped first when gzip), with the file name as a
 * hint only where the bytes cannot tell (a WAT is a WARC whose records happen to hold JSON).
 */
import zlib from 'node:zlib';
import { findCsvColumn } from '../../core/links-csv-columns.js';
import { isGzipMagic } from '../warc/gzip-header.js';
import type { InputFormat } from './types.js';

/** How many (decoded) bytes the sniffing looks at. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Tell what `firstBytes` (the start of an input, ideally 64 KiB or more) hold:
 * - `wat`: a WARC whose first `metadata` record holds WAT JSON (`"Envelope"`), or a WARC named
 *   `*.wat` / `*.wat.gz` or whose warcinfo names a `.wat` file;
 * - `warc`: any other data starting with `WARC/`;
 * - `ndjson`: the first non-blank line starts an object and is more than `{` alone (a
 *   pretty-printed JSON document such as a manifest is not NDJSON);
 * - `csv`: the first line has url_from and url_to columns (or their aliases, see
 *   `LINKS_CSV_COLUMNS`);
 * - `unknown` otherwise (also for gzip data that does not inflate).
 */
export function detectFormat(firstBytes: Uint8Array, name: string): InputFormat {
  const bytes = inflatePrefix(
    Buffer.from(firstBytes.buffer, firstBytes.byteOffset, firstBytes.length),
  );
  if (bytes === undefined) return 'unknown';
  let text = bytes.toString('utf8', 0, Math.min(bytes.length, SNIFF_BYTES));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.startsWith('WARC/')) return isWat(text, name) ? 'wat' : 'warc';
  const trimmed = text.trimStart();
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.startsWith('{')) return firstLine.trim() === '{' ? 'unknown' : 'ndjson';
  const columns = firstLine.split(/[,;\t|]/).map((c) =>
    c
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase(),
  );
  const hasFrom = findCsvColumn(columns, 'url_from') !== undefined;
  if (hasFrom && findCsvColumn(columns, 'url_to') !== undefined) return 'csv';
  return 'unknown';
}

function isWat(text: string, name: string): boolean {
  if (/\.wat(\.gz)?$/i.test(name)) return true;
  if (/^WARC-Filename:[^\r\n]*\.wat(\.gz)?\s*$/im.test(text)) return true;
  const metadata = /^WARC-Type:\s*metadata\s*$/im.exec(text);
  if (metadata === null) return false;
  const blockStart = text.indexOf('\n\r\n', metadata.index);
  if (blockStart < 0) return false;
  const block = text.slice(blockStart + 3, blockStart + 3 + 4096);
  return block.trimStart().startsWith('{') && block.includes('"Envelope"');
}

/** Corrupt gzip members sniffing looks past before it gives up. */
const MAX_SKIPPED_MEMBERS = 8;
const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * The bytes, gunzipped as far as they go when they are gzip; undefined when that fails. A WARC
 * gzipped per record with a corrupt member is still a WARC: the members are then inflated one
 * by one (split at each `1f 8b 08`) and the ones that inflate are sniffed, as the reader will
 * skip the bad one.
 */
function inflatePrefix(bytes: Buffer): Buffer | undefined {
  if (!isGzipMagic(bytes, 0)) return bytes;
  try {
    return zlib.gunzipSync(bytes, SYNC);
  } catch {
    // Some member is corrupt: member by member below.
  }
  const starts: number[] = [];
  for (let i = bytes.indexOf(0x1f); i >= 0; i = bytes.indexOf(0x1f, i + 1)) {
    if (isGzipMagic(bytes, i)) starts.push(i);
  }
  const out: Buffer[] = [];
  let size = 0;
  let failed = 0;
  for (let k = 0; k < starts.length && size < SNIFF_BYTES; k++) {
    try {
      const piece = zlib.gunzipSync(bytes.subarray(starts[k], starts[k + 1] ?? bytes.length), SYNC);
      out.push(piece);
      size += piece.length;
    } catch {
      if (++failed > MAX_SKIPPED_MEMBERS) break;
    }
  }
  return out.length === 0 ? undefined : Buffer.concat(out);
}
