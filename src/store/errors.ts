/**
 * Errors of the store layer: every database failure is wrapped with the statement and its
 * parameters so a report says what was being run.
 */

/** Stable codes of store failures. */
export type StoreErrorCode = 'STORE_QUERY_FAILED' | 'STORE_SCHEMA_MISMATCH' | 'STORE_LOCKED';

/** A failure of the store of record, with the SQL that failed. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly sql: string | undefined;
  readonly params: readonly unknown[] | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    opts: { sql?: string; params?: readonly unknown[]; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'StoreError';
    this.code = code;
    this.sql = opts.sql;
    this.params = opts.params;
  }
}
