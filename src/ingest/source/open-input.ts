/**
 * Opening an input as a byte stream: local files through fs streams, http(s) URLs through
 * `fetch` with retries (network errors, 5xx, 408, 429; exponential backoff with jitter) and
 * resume (a dropped body is continued with `Range: bytes=<received>-`; a server that ignores the
 * range and answers 200 has the bytes already received skipped).
 */
import { createReadStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SourceError } from './errors.js';
import type { InputRef } from './types.js';

/** One retry about to happen. */
export interface RetryInfo {
  url: string;
  /** 1 for the first retry of a failure streak. */
  attempt: number;
  delayMs: number;
  reason: string;
  /** Body bytes received so far (the resume point). */
  received: number;
}

/** Options of `openInput`. */
export interface OpenInputOptions {
  signal?: AbortSignal;
  /** Retries per failure streak (bytes arriving end a streak). Default 5. */
  retries?: number;
  /** First backoff delay; doubles per retry, capped at 30 s. Default 1000 ms. */
  retryDelayMs?: number;
  onRetry?: (info: RetryInfo) => void;
}

const MAX_DELAY_MS = 30_000;

/**
 * The bytes of `ref`, streamed. HTTP 4xx answers (other than 408/429) throw `SourceError`
 * `HTTP_STATUS` at once; when retries are used up it throws `FETCH_FAILED`; a missing file
 * throws `INPUT_NOT_FOUND`. Aborting `signal` stops it with the abort reason.
 */
export async function* openInput(
  ref: InputRef,
  opts: OpenInputOptions = {},
): AsyncGenerator<Uint8Array> {
  if (ref.kind === 'url') {
    yield* fetchResumable(ref.url, opts);
    return;
  }
  const stream = createReadStream(ref.path, {
    highWaterMark: 1 << 20,
    ...(opts.signal !== undefined && { signal: opts.signal }),
  });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SourceError('INPUT_NOT_FOUND', `no such file: ${ref.path}`, { cause: error });
    }
    throw error;
  } finally {
    stream.destroy();
  }
}

async function* fetchResumable(url: string, opts: OpenInputOptions): AsyncGenerator<Uint8Array> {
  const retries = opts.retries ?? 5;
  const baseDelay = opts.retryDelayMs ?? 1000;
  let received = 0;
  let total: number | undefined;
  let failures = 0;
  const retry = async (reason: string, cause?: unknown) => {
    failures++;
    if (failures > retries) {
      const message = `${url}: ${reason} (gave up after ${retries} retries)`;
      throw new SourceError('FETCH_FAILED', message, { cause });
    }
    const cap = Math.min(MAX_DELAY_MS, baseDelay * 2 ** (failures - 1));
    const delayMs = Math.round(cap / 2 + (Math.random() * cap) / 2);
    opts.onRetry?.({ url, attempt: failures, delayMs, reason, received });
    await sleep(delayMs, undefined, opts.signal === undefined ? {} : { signal: opts.signal }).catch(
      (error: unknown) => {
        opts.signal?.throwIfAborted();
        throw error;
      },
    );
  };

  for (;;) {
    opts.signal?.throwIfAborted();
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    if (received > 0) headers.range = `bytes=${received}-`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        ...(opts.signal !== undefined && { signal: opts.signal }),
      });
    } catch (error) {
      opts.signal?.throwIfAborted();
      await retry(`network error: ${describe(error)}`, error);
      continue;
    }
    const { status } = response;
    if (status >= 500 || status === 408 || status === 429) {
      await response.body?.cancel();
      await retry(`HTTP ${status}`);
      continue;
    }
    if (status === 416 && total !== undefined && received >= total) {
      await response.body?.cancel();
      return;
    }
    if (status >= 400 || (status !== 200 && status !== 206)) {
      await response.body?.cancel();
      const text = `${url}: HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new SourceError('HTTP_STATUS', text, { status });
    }
    let skip = 0;
    if (received > 0) {
      const start = status === 206 ? rangeStart(response.headers.get('content-range')) : 0;
      if (start === undefined || start > received) {
        await response.body?.cancel();
        await retry(`bad Content-Range ${response.headers.get('content-range')}`);
        continue;
      }
      skip = received - start;
    }
    total ??= contentTotal(response);
    try {
      if (response.body !== null) {
        for await (const chunk of response.body) {
          let bytes = chunk as Uint8Array;
          if (skip > 0) {
            if (bytes.length <= skip) {
              skip -= bytes.length;
              continue;
            }
            bytes = bytes.subarray(skip);
            skip = 0;
          }
          received += bytes.length;
          failures = 0;
          yield bytes;
        }
      }
    } catch (error) {
      opts.signal?.throwIfAborted();
      await retry(`connection dropped after ${received} bytes: ${describe(error)}`, error);
      continue;
    }
    if (total !== undefined && received < total) {
      await retry(`body ended after ${received} of ${total} bytes`);
      continue;
    }
    return;
  }
}

/** First byte position of `bytes <start>-<end>/<total>`. */
function rangeStart(header: string | null): number | undefined {
  const m = header === null ? null : /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(header.trim());
  return m === null ? undefined : Number(m[1]);
}

/** Full length of the resource, from Content-Range (206) or Content-Length (200). */
function contentTotal(response: Response): number | undefined {
  const range = response.headers.get('content-range');
  const fromRange = range === null ? null : /\/(\d+)\s*$/.exec(range);
  if (fromRange !== null) return Number(fromRange[1]);
  const length = response.headers.get('content-length');
  return response.status === 200 && length !== null && /^\d+$/.test(length)
    ? Number(length)
    : undefined;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code !== undefined ? `${message} (${cause.code})` : message;
}
