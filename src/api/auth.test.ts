import { describe, expect, it } from 'vitest';
import {
  authenticate,
  authenticateToken,
  createAuthConfig,
  credentialCount,
  hashSecret,
  parseApiKeysEnv,
} from './auth.js';

const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

function config(entries: unknown[]) {
  const r = createAuthConfig(entries);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('parseApiKeysEnv', () => {
  it('reads login:password pairs and bare tokens', () => {
    expect(parseApiKeysEnv(' alice:pa:ss , tok_1,, bob:x ')).toEqual([
      { login: 'alice', password: 'pa:ss' },
      { token: 'tok_1' },
      { login: 'bob', password: 'x' },
    ]);
  });
});

describe('authenticate', () => {
  const auth = config([
    { login: 'alice', password: 's3cret' },
    { login: 'bob', password_hash: hashSecret('hunter2') },
    { name: 'ci', token: 'tok-abc' },
    { token_hash: hashSecret('tok-def') },
  ]);

  it('counts the credentials', () => {
    expect(credentialCount(auth)).toBe(4);
  });

  it('accepts Basic login:password, plain or pre-hashed', () => {
    expect(authenticate(auth, basic('alice:s3cret'))).toEqual({ ok: true, key: 'alice' });
    expect(authenticate(auth, basic('bob:hunter2'))).toEqual({ ok: true, key: 'bob' });
    expect(authenticate(auth, `basic ${Buffer.from('alice:s3cret').toString('base64')}`).ok).toBe(
      true,
    );
  });

  it('refuses a wrong password, an unknown login and a malformed header', () => {
    expect(authenticate(auth, basic('alice:wrong')).ok).toBe(false);
    expect(authenticate(auth, basic('carol:s3cret')).ok).toBe(false);
    expect(authenticate(auth, basic('alices3cret')).ok).toBe(false);
    expect(authenticate(auth, 'Basic').ok).toBe(false);
    expect(authenticate(auth, 'Digest abc').ok).toBe(false);
    expect(authenticate(auth, undefined).ok).toBe(false);
  });

  it('accepts Bearer tokens and names them', () => {
    expect(authenticate(auth, 'Bearer tok-abc')).toEqual({ ok: true, key: 'ci' });
    expect(authenticate(auth, 'Bearer tok-def')).toEqual({ ok: true, key: 'token#2' });
    expect(authenticate(auth, 'Bearer tok-xyz').ok).toBe(false);
  });

  it('accepts a bare token (x-moz-token) only when it is a Bearer token', () => {
    expect(authenticateToken(auth, 'tok-def')).toEqual({ ok: true, key: 'token#2' });
    expect(authenticateToken(auth, ' tok-abc ')).toEqual({ ok: true, key: 'ci' });
    for (const t of [undefined, '', 's3cret', 'tok-abc x', 'Bearer tok-abc']) {
      expect(authenticateToken(auth, t).ok).toBe(false);
    }
  });

  it('does not accept a Basic password as a Bearer token or the reverse', () => {
    expect(authenticate(auth, 'Bearer s3cret').ok).toBe(false);
    expect(authenticate(auth, basic('ci:tok-abc')).ok).toBe(false);
  });
});

describe('createAuthConfig', () => {
  it('keeps no plain secret', () => {
    const auth = config([{ login: 'alice', password: 'very-secret-value' }]);
    const seen = JSON.stringify(
      [...auth.basic.values()].map((s) => [s.salt.toString(), s.hash.toString()]),
    );
    expect(seen).not.toContain('very-secret-value');
  });

  it('salts: the same secret hashes differently each time', () => {
    expect(hashSecret('x')).not.toBe(hashSecret('x'));
    expect(hashSecret('x')).toMatch(/^sha256:[0-9a-f]{32}:[0-9a-f]{64}$/);
  });

  it.each([
    [[5], 'credentials[0] must be an object'],
    [[{ login: '', password: 'x' }], 'credentials[0].login'],
    [[{ login: 'a:b', password: 'x' }], 'credentials[0].login'],
    [[{ login: 'a' }], "exactly one of 'password' or 'password_hash'"],
    [[{ login: 'a', password: 'x', password_hash: hashSecret('x') }], 'exactly one'],
    [[{ login: 'a', password_hash: 'md5:abc' }], 'sha256:'],
    [
      [
        { login: 'a', password: 'x' },
        { login: 'a', password: 'y' },
      ],
      'repeats',
    ],
    [[{ name: 'n' }], "exactly one of 'token' or 'token_hash'"],
    [[{ token: '' }], 'must not be empty'],
  ])('refuses %j', (entries, message) => {
    const r = createAuthConfig(entries);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
