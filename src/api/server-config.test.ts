import { describe, expect, it } from 'vitest';
import { parseServerConfig } from './server-config.js';

describe('parseServerConfig', () => {
  it('reads every key', () => {
    const r = parseServerConfig(
      JSON.stringify({
        credentials: [{ login: 'a', password: 'b' }],
        rate_limit_per_minute: 10,
        price: { base: 0.02, per_item: 0.00003 },
        body_limit_bytes: 4096,
        moz_token_secret: 'sixteen-chars-at-least',
        moz_token_ttl_seconds: 120,
      }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        credentials: [{ login: 'a', password: 'b' }],
        rateLimitPerMinute: 10,
        price: { base: 0.02, perItem: 0.00003 },
        bodyLimitBytes: 4096,
        mozTokenSecret: 'sixteen-chars-at-least',
        mozTokenTtlSeconds: 120,
      },
    });
  });

  it('accepts an empty object', () => {
    expect(parseServerConfig('{}')).toEqual({ ok: true, value: { credentials: [] } });
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[]', 'must be a JSON object'],
    ['{"credential":[]}', "unknown key 'credential'"],
    ['{"credentials":{}}', "'credentials' must be an array"],
    ['{"rate_limit_per_minute":0}', 'rate_limit_per_minute'],
    ['{"rate_limit_per_minute":1.5}', 'rate_limit_per_minute'],
    ['{"body_limit_bytes":10}', 'body_limit_bytes'],
    ['{"price":{"base":-1}}', 'price.base'],
    ['{"price":{"per_item":"1"}}', 'price.per_item'],
    ['{"price":{"perItem":1}}', "unknown key 'price.perItem'"],
    ['{"moz_token_secret":"short"}', 'moz_token_secret'],
    ['{"moz_token_secret":12345678901234567}', 'moz_token_secret'],
    ['{"moz_token_ttl_seconds":0}', 'moz_token_ttl_seconds'],
  ])('refuses %s', (text, message) => {
    const r = parseServerConfig(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
