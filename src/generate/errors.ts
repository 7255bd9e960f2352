/**
 * Errors of the generator, with stable codes.
 */

/** Codes of {@link GenerateError}. */
export type GenerateErrorCode = 'INVALID_OPTIONS';

/** A generator failure: `code` is stable, `field` names the offending option. */
export class GenerateError extends Error {
  readonly code: GenerateErrorCode;
  readonly field: string | undefined;

  constructor(code: GenerateErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'GenerateError';
    this.code = code;
    this.field = field;
  }
}
