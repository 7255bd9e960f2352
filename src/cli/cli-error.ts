/**
 * Exit codes scripts can rely on, and the one place errors become messages: 0 done, 1 the work
 * failed (or some inputs did), 2 the command line was wrong. Never a stack trace for a user's
 * mistake; `LINKGAP_DEBUG=1` prints stacks for bug reports.
 */
import { StoreError } from '../store/index.js';

/** Exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** An error with the message and exit code the user should see. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.failed) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Print an error the way users should see it and return the exit code. */
export function reportError(error: unknown, write: (line: string) => void): number {
  if (process.env.LINKGAP_DEBUG === '1' && error instanceof Error)
    write(error.stack ?? error.message);
  if (error instanceof CliError) {
    write(`linkgap: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof StoreError) {
    write(`linkgap: ${error.message}`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`linkgap: ${message}`);
  return EXIT.failed;
}
