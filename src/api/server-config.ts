/**
 * The `linkgap serve` configuration file (JSON; path from `--config` or `LINKGAP_CONFIG`):
 *
 * ```json
 * {
 *   "credentials": [
 *     { "login": "alice", "password": "a-long-random-secret" },
 *     { "login": "bob", "password_hash": "sha256:<32 hex salt>:<64 hex>" },
 *     { "name": "ci", "token": "lg_0123456789abcdef" },
 *     { "name": "ops", "token_hash": "sha256:<32 hex salt>:<64 hex>" }
 *   ],
 *   "rate_limit_per_minute": 2000,
 *   "price": { "base": 0, "per_item": 0 },
 *   "body_limit_bytes": 1048576,
 *   "moz_token_secret": "a-long-random-secret-for-next-tokens",
 *   "moz_token_ttl_seconds": 3600,
 *   "cors_origins": ["https://dashboard.example.com"]
 * }
 * ```
 * `cors_origins` lets those browser origins call the DataForSEO and Moz routes (CORS is off
 * without it).
 * `moz_token_secret` signs Moz `next_token`s (HMAC-SHA256); without it each process signs with
 * a random key, so tokens stop working when the server restarts. `moz_token_ttl_seconds` is how
 * long a token stays valid (default 3600).
 * Every key is optional. Unknown keys are refused, so a typo does not silently drop a setting.
 */

/** The parsed file. */
export interface ServerConfigFile {
  credentials: unknown[];
  rateLimitPerMinute?: number;
  price?: { base?: number; perItem?: number };
  bodyLimitBytes?: number;
  /** Key of Moz `next_token` signatures (≥ 16 chars). */
  mozTokenSecret?: string;
  /** Lifetime of a Moz `next_token` in seconds. */
  mozTokenTtlSeconds?: number;
  /** Browser origins allowed to call the DataForSEO and Moz routes cross-origin (none: CORS off). */
  corsOrigins?: string[];
}

/** A result for the file's content. */
export type ServerConfigResult =
  | { ok: true; value: ServerConfigFile }
  | { ok: false; message: string };

const KEYS = new Set([
  'credentials',
  'rate_limit_per_minute',
  'price',
  'body_limit_bytes',
  'moz_token_secret',
  'moz_token_ttl_seconds',
  'cors_origins',
]);
/** `https://app.example.com` or `http://localhost:5173`: a scheme, a host, maybe a port. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
/** Shortest accepted `moz_token_secret`. */
const MIN_TOKEN_SECRET = 16;

/** Parse and check the JSON text of a config file. */
export function parseServerConfig(text: string): ServerConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'must be a JSON object' };
  }
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!KEYS.has(k)) return { ok: false, message: `unknown key '${k}'` };
  const out: ServerConfigFile = { credentials: [] };
  if (o.credentials !== undefined) {
    if (!Array.isArray(o.credentials))
      return { ok: false, message: "'credentials' must be an array" };
    out.credentials = o.credentials;
  }
  if (o.rate_limit_per_minute !== undefined) {
    if (!isWhole(o.rate_limit_per_minute, 1)) {
      return { ok: false, message: "'rate_limit_per_minute' must be a whole number ≥ 1" };
    }
    out.rateLimitPerMinute = o.rate_limit_per_minute;
  }
  if (o.body_limit_bytes !== undefined) {
    if (!isWhole(o.body_limit_bytes, 1024)) {
      return { ok: false, message: "'body_limit_bytes' must be a whole number ≥ 1024" };
    }
    out.bodyLimitBytes = o.body_limit_bytes;
  }
  if (o.moz_token_secret !== undefined) {
    if (typeof o.moz_token_secret !== 'string' || o.moz_token_secret.length < MIN_TOKEN_SECRET) {
      return {
        ok: false,
        message: `'moz_token_secret' must be a string of at least ${MIN_TOKEN_SECRET} chars`,
      };
    }
    out.mozTokenSecret = o.moz_token_secret;
  }
  if (o.moz_token_ttl_seconds !== undefined) {
    if (!isWhole(o.moz_token_ttl_seconds, 1)) {
      return { ok: false, message: "'moz_token_ttl_seconds' must be a whole number ≥ 1" };
    }
    out.mozTokenTtlSeconds = o.moz_token_ttl_seconds;
  }
  if (o.cors_origins !== undefined) {
    const list = o.cors_origins;
    if (
      !Array.isArray(list) ||
      list.length > 50 ||
      !list.every((v) => typeof v === 'string' && ORIGIN.test(v))
    ) {
      return {
        ok: false,
        message: "'cors_origins' must be a list of up to 50 origins like https://app.example.com",
      };
    }
    out.corsOrigins = list as string[];
  }
  if (o.price !== undefined) {
    const p = o.price as Record<string, unknown>;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) {
      return { ok: false, message: "'price' must be an object {base, per_item}" };
    }
    for (const k of Object.keys(p)) {
      if (k !== 'base' && k !== 'per_item')
        return { ok: false, message: `unknown key 'price.${k}'` };
    }
    if (p.base !== undefined && !isPrice(p.base))
      return { ok: false, message: "'price.base' must be a number ≥ 0" };
    if (p.per_item !== undefined && !isPrice(p.per_item)) {
      return { ok: false, message: "'price.per_item' must be a number ≥ 0" };
    }
    out.price = { base: p.base as number | undefined, perItem: p.per_item as number | undefined };
  }
  return { ok: true, value: out };
}

function isWhole(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

function isPrice(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}
