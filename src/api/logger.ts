/**
 * Structured JSON-lines logs (one object per line on stderr by default) through pino. Callers
 * pass fields; nothing here reads requests. Fields that name secrets (`authorization`,
 * `password`, `token`, `secret`, `api_key`, `cookie`, at the top or one level down) are
 * replaced by `[redacted]` whatever a caller puts there.
 */
import pino from 'pino';

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The logger seam. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEYS = ['authorization', 'password', 'token', 'secret', 'api_key', 'cookie'];
/** pino redaction paths: each secret key at the top level and one object down. */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`]);

/** A logger writing `{"level","time","msg",...fields}` lines through `write`. */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const log = pino(
    {
      base: undefined,
      messageKey: 'msg',
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) },
  );
  return {
    info: (msg, fields = {}) => log.info(fields, msg),
    warn: (msg, fields = {}) => log.warn(fields, msg),
    error: (msg, fields = {}) => log.error(fields, msg),
  };
}

/** A logger that drops everything (tests). */
export const SILENT_LOGGER: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** An error's message for the log, never its stack or the request. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
