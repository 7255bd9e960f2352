/**
 * Moz `next_token`: opaque, HMAC-SHA256 signed, bound to the query it pages, expiring.
 * Layout (base64url): `v1.<offset>.<expiresAtSeconds>.<queryHash16>.<mac>`, the whole string
 * base64url-encoded once more so clients see one opaque word. Tokens signed with a per-process
 * random key (no `mozTokenSecret` configured) stop working when the process restarts.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Default token lifetime: one hour. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** Signs and checks tokens with one key. */
export interface TokenCodec {
  /** A token resuming `queryKey` at `offset`, valid until `now + ttl`. */
  sign(queryKey: string, offset: number, nowMs: number): string;
  /** The offset a token carries, or why it is refused. */
  verify(token: string, queryKey: string, nowMs: number): TokenCheck;
}

/** The outcome of checking a token. */
export type TokenCheck =
  | { ok: true; offset: number }
  | { ok: false; reason: 'invalid' | 'other_query' | 'expired' };

/** A codec with `secret` (random per process when undefined) and a TTL in seconds. */
export function createTokenCodec(
  secret: string | undefined,
  ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
): TokenCodec {
  const key = secret === undefined || secret === '' ? randomBytes(32) : Buffer.from(secret);
  const mac = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  const qhash = (q: string) => createHash('sha256').update(q).digest('base64url').slice(0, 16);
  return {
    sign(queryKey, offset, nowMs) {
      const exp = Math.floor(nowMs / 1000) + ttlSeconds;
      const body = `v1.${offset}.${exp}.${qhash(queryKey)}`;
      return Buffer.from(`${body}.${mac(body)}`).toString('base64url');
    },
    verify(token, queryKey, nowMs) {
      const text = Buffer.from(token, 'base64url').toString('utf8');
      const parts = text.split('.');
      if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'invalid' };
      const body = parts.slice(0, 4).join('.');
      const given = Buffer.from(parts[4] as string);
      const want = Buffer.from(mac(body));
      if (given.length !== want.length || !timingSafeEqual(given, want)) {
        return { ok: false, reason: 'invalid' };
      }
      const offset = Number(parts[1]);
      const exp = Number(parts[2]);
      if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(exp)) {
        return { ok: false, reason: 'invalid' };
      }
      if (parts[3] !== qhash(queryKey)) return { ok: false, reason: 'other_query' };
      if (Math.floor(nowMs / 1000) >= exp) return { ok: false, reason: 'expired' };
      return { ok: true, offset };
    },
  };
}
