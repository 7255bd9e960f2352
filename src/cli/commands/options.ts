/**
 * Validation of command-line values: a wrong value is a usage error (exit 2) that names the flag.
 */
import { CliError, EXIT } from '../cli-error.js';

/** An integer option within [min, max]. */
export function parseIntOption(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(
      `${flag} must be a whole number from ${min} to ${max} (got '${raw}')`,
      EXIT.usage,
    );
  }
  return n;
}
