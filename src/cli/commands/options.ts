/**
 * Validation of command-line values: a wrong value is a usage error (exit 2) that names the flag.
 */
import { parseClickHouseUrl } from '../../store/clickhouse/index.js';
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

/**
 * What a query command reads: the ClickHouse store of `--store` (checked here, so a bad URL is a
 * usage error) or the index beside `--db`.
 */
export function engineSource(o: { db: string; store?: string }): string {
  if (o.store === undefined) return o.db;
  const parsed = parseClickHouseUrl(o.store);
  if (!parsed.ok) throw new CliError(`--store: ${parsed.error}`, EXIT.usage);
  return o.store;
}
