import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './logger.js';

describe('createJsonLogger', () => {
  it('writes one JSON object a line with level, time, msg and the fields', () => {
    const lines: string[] = [];
    const log = createJsonLogger(
      (l) => lines.push(l),
      () => new Date('2026-12-06T10:00:00Z'),
    );
    log.info('request', { status: 200, ms: 1.5 });
    log.error('boom', { error: 'Error: x' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: 'info', time: '2026-12-06T10:00:00.000Z', msg: 'request', status: 200, ms: 1.5 },
      { level: 'error', time: '2026-12-06T10:00:00.000Z', msg: 'boom', error: 'Error: x' },
    ]);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('redacts fields that name secrets, at the top and one level down', () => {
    const lines: string[] = [];
    const log = createJsonLogger((l) => lines.push(l));
    log.warn('careless caller', {
      authorization: 'Basic YWxpY2U6czNjcmV0',
      headers: { authorization: 'Bearer tok-abc', cookie: 'sid=1' },
      password: 's3cret',
      login: 'alice',
    });
    expect(lines[0]).not.toMatch(/YWxpY2U6czNjcmV0|tok-abc|s3cret|sid=1/);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      login: 'alice',
    });
  });
});
