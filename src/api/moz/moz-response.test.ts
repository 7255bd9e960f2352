import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../../../test/helpers/fake-engine.js';
import { mozResponse } from './moz-response.js';
import { createTokenCodec } from './next-token.js';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const body = (extra: Record<string, unknown> = {}) => ({
  positive_targets: [{ target: 'a.com', scope: 'root_domain' }],
  ...extra,
});

describe('mozResponse', () => {
  it('pages through every result with next_token and ends with ""', async () => {
    const engine = createFakeEngine();
    engine.mozTotal = 5;
    const codec = createTokenCodec('k', 3600);
    const pages: string[][] = [];
    let token = '';
    do {
      const a = await mozResponse(engine, body({ limit: 2, next_token: token }), codec, T0);
      if (a.status !== 200) throw new Error(a.body.message);
      pages.push(a.body.results.map((r) => ('page' in r ? r.page : r.root_domain)));
      token = a.body.next_token;
    } while (token !== '');
    expect(pages).toEqual([
      ['src0.example.org/', 'src1.example.org/'],
      ['src2.example.org/', 'src3.example.org/'],
      ['src4.example.org/'],
    ]);
    expect(engine.mozQueries.map((q) => q.offset)).toEqual([0, 2, 4]);
  });

  it('answers 410 for an expired token and 400 for a bad or foreign one', async () => {
    const engine = createFakeEngine();
    engine.mozTotal = 5;
    const codec = createTokenCodec('k', 10);
    const first = await mozResponse(engine, body({ limit: 1 }), codec, T0);
    if (first.status !== 200) throw new Error('first page failed');
    const token = first.body.next_token;
    const late = await mozResponse(engine, body({ next_token: token }), codec, T0 + 10_000);
    expect(late).toMatchObject({ status: 410, body: { name: 'TokenExpired' } });
    const other = await mozResponse(
      engine,
      { positive_targets: [{ target: 'b.com', scope: 'root_domain' }], next_token: token },
      codec,
      T0,
    );
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ name: 'InvalidArgument' });
    expect((other.body as { message: string }).message).toContain('next_token');
    const junk = await mozResponse(engine, body({ next_token: 'zz' }), codec, T0);
    expect(junk.status).toBe(400);
    expect(engine.mozQueries).toHaveLength(1);
  });

  it('answers 400 naming the field for an invalid body', async () => {
    const a = await mozResponse(createFakeEngine(), body({ limit: 99 }), createTokenCodec('k'), T0);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ name: 'InvalidArgument' });
    expect((a.body as { message: string }).message).toContain("'limit'");
  });
});
