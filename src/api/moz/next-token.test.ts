import { describe, expect, it } from 'vitest';
import { createTokenCodec } from './next-token.js';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('next_token codec', () => {
  const codec = createTokenCodec('secret-1', 60);

  it('round-trips the offset for the same query before expiry', () => {
    const t = codec.sign('q', 75, T0);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.verify(t, 'q', T0 + 59_000)).toEqual({ ok: true, offset: 75 });
  });

  it('refuses an expired token', () => {
    const t = codec.sign('q', 25, T0);
    expect(codec.verify(t, 'q', T0 + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token of another query', () => {
    expect(codec.verify(codec.sign('q', 25, T0), 'q2', T0)).toEqual({
      ok: false,
      reason: 'other_query',
    });
  });

  it('refuses tampered, foreign and garbage tokens', () => {
    const t = codec.sign('q', 25, T0);
    const text = Buffer.from(t, 'base64url').toString();
    const forged = Buffer.from(text.replace('v1.25.', 'v1.50.')).toString('base64url');
    expect(codec.verify(forged, 'q', T0)).toEqual({ ok: false, reason: 'invalid' });
    const other = createTokenCodec('secret-2', 60).sign('q', 25, T0);
    expect(codec.verify(other, 'q', T0)).toEqual({ ok: false, reason: 'invalid' });
    expect(codec.verify('AcmY2oCXQbbg', 'q', T0)).toEqual({ ok: false, reason: 'invalid' });
    expect(codec.verify('', 'q', T0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('uses a random key per codec when no secret is configured', () => {
    const a = createTokenCodec(undefined);
    const b = createTokenCodec(undefined);
    const t = a.sign('q', 1, T0);
    expect(a.verify(t, 'q', T0)).toEqual({ ok: true, offset: 1 });
    expect(b.verify(t, 'q', T0)).toEqual({ ok: false, reason: 'invalid' });
  });
});
