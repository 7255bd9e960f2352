/**
 * API credentials: HTTP Basic `login:password` (DataForSEO) and `Authorization: Bearer <token>`.
 * Secrets are kept only as salted SHA-256 hashes (`sha256:<salt hex>:<hash hex>`) and compared
 * with `timingSafeEqual`; the plain text given in a config file or the environment is hashed on
 * load and dropped. API secrets are meant to be long random strings, for which a salted hash is
 * enough (a slow KDF would cost every request).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One credential as written in the config file or the environment. */
export type CredentialEntry =
  | { login: string; password: string }
  | { login: string; password_hash: string }
  | { name?: string; token: string }
  | { name?: string; token_hash: string };

interface StoredSecret {
  salt: Buffer;
  hash: Buffer;
}

/** Loaded credentials: Basic logins by name, Bearer tokens with their display names. */
export interface AuthConfig {
  readonly basic: ReadonlyMap<string, StoredSecret>;
  readonly bearer: ReadonlyArray<{ name: string; secret: StoredSecret }>;
}

/** A result for user-supplied configuration. */
export type AuthConfigResult = { ok: true; value: AuthConfig } | { ok: false; message: string };

/** Who a request authenticated as (`key` names the credential for logs and rate limits). */
export type AuthOutcome = { ok: true; key: string } | { ok: false };

/** `sha256:<salt hex>:<hash hex>` of `secret` with a fresh (or given) 16-byte salt. */
export function hashSecret(secret: string, salt: Buffer = randomBytes(16)): string {
  return `sha256:${salt.toString('hex')}:${digest(salt, secret).toString('hex')}`;
}

function digest(salt: Buffer, secret: string): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest();
}

function parseHash(text: string): StoredSecret | null {
  const m = /^sha256:([0-9a-f]{32}):([0-9a-f]{64})$/i.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  return { salt: Buffer.from(m[1], 'hex'), hash: Buffer.from(m[2], 'hex') };
}

function storeSecret(plain: string): StoredSecret {
  const salt = randomBytes(16);
  return { salt, hash: digest(salt, plain) };
}

function matches(stored: StoredSecret, candidate: string): boolean {
  return timingSafeEqual(stored.hash, digest(stored.salt, candidate));
}

/**
 * Parse `LINKGAP_API_KEYS`: comma-separated entries; `login:password` is a Basic credential,
 * an entry without `:` is a Bearer token. Whitespace around entries is ignored.
 * @example parseApiKeysEnv('alice:s3cret, lg_tok_123') // one login, one token
 */
export function parseApiKeysEnv(value: string): CredentialEntry[] {
  const out: CredentialEntry[] = [];
  for (const part of value.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    if (colon < 0) out.push({ token: entry });
    else out.push({ login: entry.slice(0, colon), password: entry.slice(colon + 1) });
  }
  return out;
}

/** Check and load credentials; an empty list is allowed (the caller decides what it means). */
export function createAuthConfig(entries: readonly unknown[]): AuthConfigResult {
  const basic = new Map<string, StoredSecret>();
  const bearer: Array<{ name: string; secret: StoredSecret }> = [];
  for (const [i, raw] of entries.entries()) {
    const where = `credentials[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, message: `${where} must be an object` };
    }
    const e = raw as Record<string, unknown>;
    if ('login' in e) {
      if (typeof e.login !== 'string' || e.login === '' || e.login.includes(':')) {
        return { ok: false, message: `${where}.login must be a non-empty string without ':'` };
      }
      const secret = readSecret(e, 'password', 'password_hash', where);
      if (typeof secret === 'string') return { ok: false, message: secret };
      if (basic.has(e.login)) return { ok: false, message: `${where}: login '${e.login}' repeats` };
      basic.set(e.login, secret);
    } else {
      const secret = readSecret(e, 'token', 'token_hash', where);
      if (typeof secret === 'string') return { ok: false, message: secret };
      const name =
        typeof e.name === 'string' && e.name !== '' ? e.name : `token#${bearer.length + 1}`;
      bearer.push({ name, secret });
    }
  }
  return { ok: true, value: { basic, bearer } };
}

/** The stored secret of an entry, or an error message. */
function readSecret(
  e: Record<string, unknown>,
  plainKey: string,
  hashKey: string,
  where: string,
): StoredSecret | string {
  const plain = e[plainKey];
  const hashed = e[hashKey];
  if (typeof plain === 'string' && hashed === undefined) {
    return plain === '' ? `${where}.${plainKey} must not be empty` : storeSecret(plain);
  }
  if (typeof hashed === 'string' && plain === undefined) {
    return parseHash(hashed) ?? `${where}.${hashKey} must look like sha256:<32 hex>:<64 hex>`;
  }
  return `${where} needs exactly one of '${plainKey}' or '${hashKey}' (a string)`;
}

/** How many credentials a config holds. */
export function credentialCount(config: AuthConfig): number {
  return config.basic.size + config.bearer.length;
}

/** Check a bare token (Moz `x-moz-token`) against the Bearer tokens. */
export function authenticateToken(config: AuthConfig, token: string | undefined): AuthOutcome {
  const t = token?.trim() ?? '';
  if (t === '' || /\s/.test(t)) return { ok: false };
  return authenticate(config, `Bearer ${t}`);
}

/** Check an `Authorization` header against the credentials. */
export function authenticate(config: AuthConfig, header: string | undefined): AuthOutcome {
  if (header === undefined) return { ok: false };
  const m = /^\s*(basic|bearer)\s+(\S+)\s*$/i.exec(header);
  if (m === null || m[1] === undefined || m[2] === undefined) return { ok: false };
  if (m[1].toLowerCase() === 'bearer') {
    let found: string | null = null;
    // Compare against every token so timing does not tell which one matched.
    for (const t of config.bearer) if (matches(t.secret, m[2]) && found === null) found = t.name;
    return found === null ? { ok: false } : { ok: true, key: found };
  }
  const decoded = Buffer.from(m[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false };
  const login = decoded.slice(0, colon);
  const stored = config.basic.get(login);
  if (stored === undefined) return { ok: false };
  return matches(stored, decoded.slice(colon + 1)) ? { ok: true, key: login } : { ok: false };
}

/**
 * Replace the credentials of `live` with those of `next`, in place: every route holding `live`
 * checks the new ones from the next request on (key rotation without a restart).
 */
export function replaceCredentials(live: AuthConfig, next: AuthConfig): void {
  const basic = live.basic as Map<string, StoredSecret>;
  basic.clear();
  for (const [login, secret] of next.basic) basic.set(login, secret);
  const bearer = live.bearer as Array<{ name: string; secret: StoredSecret }>;
  bearer.splice(0, bearer.length, ...next.bearer);
}
