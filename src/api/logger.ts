/**
 * A tiny JSON-lines logger (one object per line on stderr by default). Callers pass fields;
 * nothing here reads requests, so secrets only reach the log if a caller puts them there.
 */

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The logger seam. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A logger writing `{"time","level","msg",...fields}` lines through `write`. */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      write(JSON.stringify({ time: now().toISOString(), level, msg, ...fields }));
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests). */
export const SILENT_LOGGER: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** An error's message for the log, never its stack or the request. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
