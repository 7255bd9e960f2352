/**
 * One GET attempt through an undici dispatcher: the raw head (wire order, names as sent) and
 * the body as transferred, bounded in size and in time, or the class of the failure.
 */
import type { Dispatcher } from 'undici';
import type { FetchErrorClass } from '../types.js';
import { classifyFetchError } from './classify-fetch-error.js';

/** What to do with a body over the size limit. */
export type OversizePolicy = 'truncate' | 'fail';

/** Inputs of {@link fetchOnce}. */
export interface AttemptInput {
  dispatcher: Dispatcher;
  url: URL;
  /** Request headers as sent, `host` first (undici writes it, then `connection`, then these). */
  headers: Array<[string, string]>;
  maxBodyBytes: number;
  oversize: OversizePolicy;
  /** Headers timeout and body idle timeout, ms. */
  timeoutMs: number;
  /** The whole attempt's deadline, ms (a slow drip ends here as `timeout`). */
  deadlineMs: number;
  signal: AbortSignal | undefined;
  now: () => number;
  /** Server IP of the origin's connection, asked when the response starts. */
  ipOf: (origin: string) => string | undefined;
}

/** A response's head and (possibly cut) raw body. */
export interface AttemptResponse {
  ok: true;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  rawBody: Buffer;
  truncated: boolean;
  /** `now()` when the head arrived. */
  startedAt: number;
  ip: string | undefined;
}

/** A failed attempt. */
export interface AttemptFailure {
  ok: false;
  errorClass: FetchErrorClass;
  message: string;
}

/** Thrown into undici when the attempt's deadline passes (code: LINKGAP_FETCH_TIMEOUT). */
class DeadlineError extends Error {
  readonly code = 'LINKGAP_FETCH_TIMEOUT';
}

function pairs(raw: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!Array.isArray(raw)) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const k = raw[i] as Buffer | string;
    const v = raw[i + 1] as Buffer | string | string[];
    const value = Array.isArray(v) ? v.join(', ') : v.toString('latin1');
    out.push([k.toString('latin1'), value]);
  }
  return out;
}

function contentLength(headers: Array<[string, string]>): number | undefined {
  const v = headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
  return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/**
 * Send one GET and collect the answer. Resolves with the response (a body longer than
 * `maxBodyBytes` is cut there and the connection dropped, `truncated: true`; with `oversize:
 * 'fail'` that, or a larger Content-Length, is a `too-large` failure instead) or with the failure's
 * class. Rejects only with `signal`'s reason when it aborts.
 */
export function fetchOnce(input: AttemptInput): Promise<AttemptResponse | AttemptFailure> {
  const { url, maxBodyBytes, signal } = input;
  return new Promise((resolve, reject) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    let pendingAbort: Error | undefined;
    let head: Omit<AttemptResponse, 'rawBody' | 'truncated'> | undefined;
    const chunks: Buffer[] = [];
    let size = 0;

    const abort = (reason: Error): void => {
      if (controller === undefined) pendingAbort = reason;
      else if (!controller.aborted) controller.abort(reason);
    };
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (errorClass: FetchErrorClass, message: string): void => {
      if (settle()) resolve({ ok: false, errorClass, message });
    };
    const done = (truncated: boolean): void => {
      if (head === undefined) fail('protocol', 'the response ended without a final status');
      else if (settle()) resolve({ ...head, rawBody: Buffer.concat(chunks, size), truncated });
    };
    const onAbort = (): void => {
      if (!settle()) return;
      const reason = signal?.reason instanceof Error ? signal.reason : new Error('aborted');
      abort(reason);
      reject(signal?.reason ?? reason);
    };
    const timer = setTimeout(() => {
      const e = new DeadlineError(`no complete response within ${input.deadlineMs} ms`);
      abort(e);
      fail('timeout', e.message);
    }, input.deadlineMs);
    if (signal?.aborted === true) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const tooLarge = (c: Dispatcher.DispatchController, what: string): void => {
      fail('too-large', `${what} exceeds ${maxBodyBytes} bytes`);
      c.abort(new Error('response too large'));
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (pendingAbort !== undefined) c.abort(pendingAbort);
      },
      onResponseStart(c, status, parsed, statusMessage) {
        if (status < 200) return;
        const headers = pairs(c.rawHeaders ?? Object.entries(parsed).flat());
        head = {
          ok: true,
          status,
          statusText: statusMessage ?? '',
          headers,
          startedAt: input.now(),
          ip: input.ipOf(url.origin),
        };
        const declared = contentLength(headers);
        if (input.oversize === 'fail' && declared !== undefined && declared > maxBodyBytes)
          tooLarge(c, `Content-Length ${declared}`);
      },
      onResponseData(c, chunk) {
        if (settled) return;
        const room = maxBodyBytes - size;
        if (chunk.length <= room) {
          chunks.push(chunk);
          size += chunk.length;
          return;
        }
        if (input.oversize === 'fail') return tooLarge(c, 'body');
        chunks.push(chunk.subarray(0, room));
        size += room;
        done(true);
        c.abort(new Error('body cut at the size limit'));
      },
      onResponseEnd() {
        done(false);
      },
      onResponseError(_c, error) {
        if (!settled) fail(classifyFetchError(error), messageOf(error));
      },
    };
    try {
      input.dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers: input.headers.flat(),
          headersTimeout: input.timeoutMs,
          bodyTimeout: input.timeoutMs,
        },
        handler,
      );
    } catch (error) {
      fail(classifyFetchError(error), messageOf(error));
    }
  });
}
