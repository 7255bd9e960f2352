/**
 * Reads captures NDJSON (plain or gzip): one capture per line, validated against the schema,
 * URLs normalised (a link whose URL does not parse is dropped and counted; a capture whose URL or
 * time does not parse is reported and skipped). Blank lines are skipped.
 */
import { createGunzip } from 'node:zlib';
import { SIGNAL_KEYS } from '../../core/capture-json.js';
import { parseTimestamp } from '../../core/time.js';
import type { Capture, ItemType, LinkOccurrence, PageSignals } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { peek } from '../source/index.js';
import type { ArchiveItem } from '../types.js';
import { captureSchema } from './capture-schema.js';

const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Yield one `capture` (or `error`/`skipped`) item per line of the input. */
export async function* readCapturesNdjson(
  source: AsyncIterable<Uint8Array>,
): AsyncIterable<ArchiveItem> {
  let index = 0;
  for await (const { line, offset } of lines(await ungzip(source))) {
    const i = index++;
    if (line === null) {
      yield { kind: 'error', index: i, offset, message: 'line longer than 64 MiB' };
      continue;
    }
    if (line.trim() === '') {
      yield { kind: 'skipped', index: i, offset, reason: 'blank line' };
      continue;
    }
    const parsed = parseCaptureLine(line);
    if (typeof parsed === 'string') yield { kind: 'error', index: i, offset, message: parsed };
    else yield { kind: 'capture', index: i, offset, capture: parsed };
  }
}

/** Parse and validate one NDJSON line; a string is the reason it was refused. */
export function parseCaptureLine(line: string): Capture | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const result = captureSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return `invalid capture: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
  }
  const v = result.data;
  const url = normalizeUrl(v.url);
  if (!url.ok) return `url: ${url.reason}`;
  const fetchedAt = parseTimestamp(v.fetched_at);
  if (fetchedAt === undefined) return `fetched_at: not a time: ${v.fetched_at.slice(0, 40)}`;
  const capture: Capture = { url: url.url, fetched_at: fetchedAt, status: v.status, links: [] };
  if (v.ip !== undefined) capture.ip = v.ip;
  if (v.content_type !== undefined) capture.content_type = v.content_type;
  if (v.redirect_location !== undefined) {
    const r = normalizeUrl(v.redirect_location, url.url);
    if (r.ok) capture.redirect_location = r.url;
  }
  for (const key of ['title', 'lang', 'encoding', 'size', 'meta'] as const) {
    if (v[key] !== undefined) Object.assign(capture, { [key]: v[key] });
  }
  const signals = signalsOf(v.signals);
  if (signals !== undefined) capture.signals = signals;
  for (const l of v.links) {
    const target = normalizeUrl(l.url, url.url);
    if (!target.ok) continue;
    const occ: LinkOccurrence = { ...l, url: target.url, item_type: l.item_type as ItemType };
    capture.links.push(occ);
  }
  return capture;
}

/** The validated signals without absent keys; undefined when none is set. */
function signalsOf(s: PageSignals | undefined): PageSignals | undefined {
  if (s === undefined) return undefined;
  const out: PageSignals = {};
  for (const key of SIGNAL_KEYS) {
    if (s[key] !== undefined) Object.assign(out, { [key]: s[key] });
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

async function ungzip(source: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const { head, stream } = await peek(source, 2);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return stream;
  const gunzip = createGunzip();
  (async () => {
    try {
      for await (const chunk of stream) if (!gunzip.write(chunk)) await onceDrain(gunzip);
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error as Error);
    }
  })();
  return gunzip;
}

function onceDrain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** Split a byte stream into UTF-8 lines with their byte offsets; an overlong line is null. */
async function* lines(
  source: AsyncIterable<Uint8Array>,
): AsyncIterable<{ line: string | null; offset: number }> {
  const decoder = new TextDecoder();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  let lineStart = 0;
  let consumed = 0;
  for await (const raw of source) {
    const chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      if (nl < 0) break;
      if (overlong) yield { line: null, offset: lineStart };
      else {
        const part = chunk.subarray(from, nl);
        const bytes = pendingBytes === 0 ? part : Buffer.concat([...pending, part]);
        yield { line: decoder.decode(bytes), offset: lineStart };
      }
      pending = [];
      pendingBytes = 0;
      overlong = false;
      lineStart = consumed + nl + 1;
      from = nl + 1;
    }
    if (from < chunk.length && !overlong) {
      pending.push(Buffer.from(chunk.subarray(from)));
      pendingBytes += chunk.length - from;
      if (pendingBytes > MAX_LINE_BYTES) {
        overlong = true;
        pending = [];
        pendingBytes = 0;
      }
    }
    consumed += chunk.length;
  }
  if (overlong) yield { line: null, offset: lineStart };
  else if (pendingBytes > 0)
    yield { line: decoder.decode(Buffer.concat(pending)), offset: lineStart };
}
