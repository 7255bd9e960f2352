/**
 * Errors of the ingest sources, by what the caller does next: fix the command line
 * (`INPUT_NOT_FOUND`, `BASE_URL_REQUIRED`, `BAD_PATH_LIST`), or skip the input (`HTTP_STATUS`:
 * the server refused, retrying will not help; `FETCH_FAILED`: retries are used up).
 */

/** Stable codes of `SourceError`. */
export type SourceErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'BASE_URL_REQUIRED'
  | 'BAD_PATH_LIST'
  | 'HTTP_STATUS'
  | 'FETCH_FAILED';

/**
 * A failure to find or open an input. `message` is written for the user (no stack trace
 * needed); `status` is the HTTP status for `HTTP_STATUS`.
 */
export class SourceError extends Error {
  readonly code: SourceErrorCode;
  readonly status: number | undefined;

  constructor(
    code: SourceErrorCode,
    message: string,
    opts: { status?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SourceError';
    this.code = code;
    this.status = opts.status;
  }
}
