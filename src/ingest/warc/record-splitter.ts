/**
 * Cuts WARC records out of decoded byte pieces: header block, Content-Length block, separator.
 * Blocks longer than the limit are cut (the rest is skipped without being held). A garbled record
 * is reported once and reading resumes at the next `\nWARC/<digit>` or the next gzip member that
 * starts with `WARC/`.
 */
import type { BytePiece, DecodeFailure, WarcField } from './types.js';
import { getField, parseWarcHead } from './warc-headers.js';

/** What the splitter finds: a record (before indexing) or a stretch it could not read. */
export type SplitEvent =
  | {
      kind: 'record';
      offset: number;
      version: string;
      fields: WarcField[];
      block: Buffer;
      blockLength: number;
      truncated: boolean;
    }
  | { kind: 'error'; offset: number; message: string };

/** A WARC header block larger than this is taken for garbage. */
const HEAD_LIMIT = 256 * 1024;
const EMPTY = Buffer.alloc(0);
const WARC = Buffer.from('WARC/');
const NL_WARC = Buffer.from('\nWARC/');

interface Segment {
  /** Index in the buffer where this segment's bytes start. */
  at: number;
  offset: number;
  plain: boolean;
}

interface PendingBlock {
  offset: number;
  version: string;
  fields: WarcField[];
  blockLength: number;
  parts: Buffer[];
  kept: number;
  remaining: number;
}

/** Stateful record framing over a stream of pieces; feed with `push`, `fail`, then `end`. */
export class WarcRecordSplitter {
  readonly #limit: number;
  #buf: Buffer = EMPTY;
  #pos = 0;
  #segs: Segment[] = [];
  #state: 'head' | 'block' | 'resync' = 'head';
  /** While resynchronising after an error, further garbage is not reported again. */
  #quiet = false;
  #pending: PendingBlock | undefined;

  /** `blockLimit`: the most block bytes kept per record. */
  constructor(blockLimit: number) {
    this.#limit = blockLimit;
  }

  /** Feed the next decoded piece. */
  push(piece: BytePiece): SplitEvent[] {
    const out: SplitEvent[] = [];
    let bytes = piece.bytes;
    let offset = piece.offset;
    if (this.#state === 'resync' && piece.memberStart && startsWith(bytes, 0, WARC)) {
      this.#reset();
    }
    const pending = this.#pending;
    if (this.#state === 'block' && pending !== undefined) {
      const take = Math.min(pending.remaining, bytes.length);
      this.#keep(pending, bytes.subarray(0, take));
      pending.remaining -= take;
      if (pending.remaining > 0) return out;
      out.push(finish(pending));
      this.#pending = undefined;
      this.#state = 'head';
      bytes = bytes.subarray(take);
      if (piece.plain) offset += take;
    }
    if (bytes.length > 0) this.#append(bytes, offset, piece.plain);
    this.#drain(out);
    return out;
  }

  /** The byte stage lost data: whatever record was in progress is lost with it. */
  fail(failure: DecodeFailure): SplitEvent[] {
    this.#reset();
    this.#quiet = false;
    return [{ kind: 'error', offset: failure.offset, message: failure.message }];
  }

  /** End of input: report a record cut short. */
  end(): SplitEvent[] {
    const pending = this.#pending;
    if (this.#state === 'block' && pending !== undefined) {
      const got = pending.blockLength - pending.remaining;
      const message = `truncated record: ${got} of ${pending.blockLength} block bytes`;
      this.#reset();
      return [{ kind: 'error', offset: pending.offset, message }];
    }
    if (this.#state === 'head') {
      this.#skipSeparator();
      if (this.#pos < this.#buf.length) {
        const offset = this.#offsetAt(this.#pos);
        const message = startsWith(this.#buf, this.#pos, WARC)
          ? 'truncated record: end of input inside the WARC header'
          : 'trailing garbage after the last record';
        this.#reset();
        return this.#quiet ? [] : [{ kind: 'error', offset, message }];
      }
    }
    this.#reset();
    return [];
  }

  #drain(out: SplitEvent[]): void {
    for (;;) {
      if (this.#state === 'resync' && !this.#resync()) return;
      this.#skipSeparator();
      const buf = this.#buf;
      const pos = this.#pos;
      if (buf.length - pos < WARC.length) return;
      if (!startsWith(buf, pos, WARC)) {
        this.#error(out, pos, 'garbled record: no WARC/ line where a record should start');
        continue;
      }
      const headEnd = findHeadEnd(buf, pos);
      if (headEnd < 0) {
        if (buf.length - pos > HEAD_LIMIT) this.#error(out, pos, 'garbled record: header too long');
        return;
      }
      const head = parseWarcHead(buf.subarray(pos, headEnd));
      if (!head.ok) {
        this.#error(out, pos, `garbled record: ${head.reason}`);
        continue;
      }
      const lengthText = getField(head.fields, 'Content-Length');
      const blockLength =
        lengthText !== undefined && /^\d+$/.test(lengthText) ? Number(lengthText) : -1;
      if (blockLength < 0) {
        this.#error(out, pos, 'garbled record: missing or invalid Content-Length');
        continue;
      }
      const offset = this.#offsetAt(pos);
      const available = buf.length - headEnd;
      const pending: PendingBlock = {
        offset,
        version: head.version,
        fields: head.fields,
        blockLength,
        parts: [],
        kept: 0,
        remaining: blockLength,
      };
      const take = Math.min(available, blockLength);
      this.#keep(pending, buf.subarray(headEnd, headEnd + take));
      pending.remaining -= take;
      this.#quiet = false;
      if (pending.remaining === 0) {
        out.push(finish(pending));
        this.#pos = headEnd + take;
        continue;
      }
      this.#pending = pending;
      this.#state = 'block';
      this.#pos = buf.length;
      return;
    }
  }

  #keep(pending: PendingBlock, bytes: Buffer): void {
    const room = this.#limit - pending.kept;
    if (room <= 0 || bytes.length === 0) return;
    const part = bytes.length > room ? bytes.subarray(0, room) : bytes;
    pending.parts.push(part);
    pending.kept += part.length;
  }

  #error(out: SplitEvent[], pos: number, message: string): void {
    if (!this.#quiet) out.push({ kind: 'error', offset: this.#offsetAt(pos), message });
    this.#quiet = true;
    this.#state = 'resync';
    this.#pos = pos + 1;
  }

  /** Look for the next record start; false when more input is needed. */
  #resync(): boolean {
    const buf = this.#buf;
    let at = buf.indexOf(NL_WARC, this.#pos);
    while (at >= 0) {
      const digit = buf[at + NL_WARC.length];
      if (digit === undefined) {
        this.#pos = at;
        return false;
      }
      if (digit >= 0x30 && digit <= 0x39) {
        this.#pos = at + 1;
        this.#state = 'head';
        return true;
      }
      at = buf.indexOf(NL_WARC, at + 1);
    }
    this.#pos = Math.max(this.#pos, buf.length - NL_WARC.length);
    return false;
  }

  /** Skip the CR/LF (and NUL padding) that separates records. */
  #skipSeparator(): void {
    const buf = this.#buf;
    let pos = this.#pos;
    while (pos < buf.length && (buf[pos] === 0x0d || buf[pos] === 0x0a || buf[pos] === 0)) pos++;
    this.#pos = pos;
  }

  #append(bytes: Buffer, offset: number, plain: boolean): void {
    if (this.#pos >= this.#buf.length) {
      this.#buf = bytes;
      this.#pos = 0;
      this.#segs = [{ at: 0, offset, plain }];
      return;
    }
    const pos = this.#pos;
    const segs: Segment[] = [];
    for (let i = 0; i < this.#segs.length; i++) {
      const seg = this.#segs[i] as Segment;
      const next = this.#segs[i + 1];
      if (next !== undefined && next.at <= pos) continue;
      const skipped = Math.max(0, pos - seg.at);
      segs.push({
        at: Math.max(0, seg.at - pos),
        offset: seg.plain ? seg.offset + skipped : seg.offset,
        plain: seg.plain,
      });
    }
    const rest = this.#buf.length - pos;
    segs.push({ at: rest, offset, plain });
    this.#buf = Buffer.concat([this.#buf.subarray(pos), bytes], rest + bytes.length);
    this.#pos = 0;
    this.#segs = segs;
  }

  #offsetAt(index: number): number {
    let seg = this.#segs[0];
    for (const s of this.#segs) {
      if (s.at > index) break;
      seg = s;
    }
    if (seg === undefined) return 0;
    return seg.plain ? seg.offset + (index - seg.at) : seg.offset;
  }

  #reset(): void {
    this.#buf = EMPTY;
    this.#pos = 0;
    this.#segs = [];
    this.#pending = undefined;
    this.#state = 'head';
  }
}

function finish(pending: PendingBlock): SplitEvent {
  const block =
    pending.parts.length === 1
      ? (pending.parts[0] as Buffer)
      : Buffer.concat(pending.parts, pending.kept);
  return {
    kind: 'record',
    offset: pending.offset,
    version: pending.version,
    fields: pending.fields,
    block,
    blockLength: pending.blockLength,
    truncated: pending.kept < pending.blockLength,
  };
}

function startsWith(buf: Buffer, pos: number, prefix: Buffer): boolean {
  if (buf.length - pos < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[pos + i] !== prefix[i]) return false;
  return true;
}

/** Index just past the blank line that ends the header block at `pos`, or -1. */
function findHeadEnd(buf: Buffer, pos: number): number {
  let nl = buf.indexOf(0x0a, pos);
  while (nl >= 0) {
    const next = buf[nl + 1];
    if (next === 0x0a) return nl + 2;
    if (next === 0x0d && buf[nl + 2] === 0x0a) return nl + 3;
    if (nl - pos > HEAD_LIMIT) return -1;
    nl = buf.indexOf(0x0a, nl + 1);
  }
  return -1;
}
