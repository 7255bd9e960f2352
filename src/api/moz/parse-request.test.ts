import { describe, expect, it } from 'vitest';
import { parseMozRequest, scopeSpecs } from './parse-request.js';

const pos = (target: string, scope = 'root_domain') => ({ target, scope });

function ok(body: unknown) {
  const r = parseMozRequest(body);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function bad(body: unknown): { field: string; message: string } {
  const r = parseMozRequest(body);
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('parseMozRequest', () => {
  it('applies the defaults', () => {
    const r = ok({ positive_targets: [pos('latimes.com')] });
    expect(r.query.sort).toBe('matching_target_count');
    expect(r.query.limit).toBe(25);
    expect(r.query.minMatching).toBe(1);
    expect(r.query.positives).toBe(1);
    expect(r.query.query.source).toBe('page');
    expect(r.query.query.excludes).toEqual([]);
    expect(r.nextToken).toBeNull();
  });

  it('maps the scopes to target specs', () => {
    const r = ok({
      positive_targets: [
        pos('blog.nytimes.com', 'subdomain'),
        pos('www.latimes.com/local', 'root_domain'),
        pos('moz.com/blog', 'page'),
        pos('https://b.com/x?y=1', 'page'),
      ],
      negative_targets: [pos('moz.com'), pos('c.com/a', 'page')],
    });
    const t = r.query.query.targets.map(({ kind, value, includeSubdomains }) => [
      kind,
      value,
      includeSubdomains,
    ]);
    expect(t).toEqual([
      ['host', 'blog.nytimes.com', false],
      ['domain', 'latimes.com', true],
      ['page', 'http://moz.com/blog', false],
      ['page', 'https://moz.com/blog', false],
      ['page', 'https://b.com/x?y=1', false],
    ]);
    expect(r.query.targetGroups).toEqual([0, 1, 2, 2, 3]);
    expect(r.query.query.targets.map((x) => x.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(r.query.query.excludes.map((x) => [x.kind, x.value, x.includeSubdomains])).toEqual([
      ['domain', 'moz.com', true],
      ['page', 'http://c.com/a', false],
      ['page', 'https://c.com/a', false],
    ]);
  });

  it('reads a subdomain target that is a registrable domain as that host only', () => {
    const r = scopeSpecs('Moz.com', 'subdomain');
    expect(r.ok && r.value).toEqual([
      { kind: 'domain', value: 'moz.com', includeSubdomains: false, raw: 'Moz.com' },
    ]);
  });

  it('maps source_scope, sort, min_matching_targets, limit and next_token', () => {
    const r = ok({
      positive_targets: [pos('a.com'), pos('b.com')],
      source_scope: 'root_domain',
      sort: 'source_spam_score',
      min_matching_targets: 2,
      limit: 50,
      next_token: 'abc',
    });
    expect(r.query.query.source).toBe('domain');
    expect(r.query.sort).toBe('source_spam_score');
    expect(r.query.minMatching).toBe(2);
    expect(r.query.limit).toBe(50);
    expect(r.nextToken).toBe('abc');
    expect(ok({ positive_targets: [pos('a.com')], next_token: '' }).nextToken).toBeNull();
  });

  it('binds the query key to the query but not to limit or next_token', () => {
    const a = ok({ positive_targets: [pos('a.com')], limit: 5 }).queryKey;
    expect(ok({ positive_targets: [pos('a.com')], limit: 9, next_token: 'x' }).queryKey).toBe(a);
    expect(ok({ positive_targets: [pos('b.com')], limit: 5 }).queryKey).not.toBe(a);
    // Normalised: the same specs are the same query.
    expect(ok({ positive_targets: [pos(' A.com')] }).queryKey).toBe(a);
    expect(ok({ positive_targets: [pos('www.a.com/x')] }).queryKey).toBe(a);
    expect(ok({ positive_targets: [pos('a.com', 'subdomain')] }).queryKey).not.toBe(a);
    expect(
      ok({ positive_targets: [pos('a.com')], negative_targets: [pos('b.com')] }).queryKey,
    ).not.toBe(a);
    expect(ok({ positive_targets: [pos('a.com')], source_scope: 'root_domain' }).queryKey).not.toBe(
      a,
    );
    expect(ok({ positive_targets: [pos('a.com'), pos('b.com')] }).queryKey).not.toBe(
      ok({ positive_targets: [pos('a.com'), pos('b.com')], min_matching_targets: 2 }).queryKey,
    );
    expect(ok({ positive_targets: [pos('a.com')], sort: 'source_spam_score' }).queryKey).not.toBe(
      a,
    );
  });

  it.each([
    [null, 'body'],
    [[], 'body'],
    [{}, 'positive_targets'],
    [{ positive_targets: [] }, 'positive_targets'],
    [{ positive_targets: 'a.com' }, 'positive_targets'],
    [{ positive_targets: [{ target: 'a.com' }] }, 'positive_targets[0].scope'],
    [{ positive_targets: [pos('a.com', 'url')] }, 'positive_targets[0].scope'],
    [{ positive_targets: [{ scope: 'page' }] }, 'positive_targets[0].target'],
    [{ positive_targets: [pos('not a host')] }, 'positive_targets[0].target'],
    [{ positive_targets: [pos('ftp://a.com/x', 'page')] }, 'positive_targets[0].target'],
    [
      { positive_targets: [pos('a.com')], negative_targets: [pos('')] },
      'negative_targets[0].target',
    ],
    [{ positive_targets: [pos('a.com')], negative_targets: {} }, 'negative_targets'],
    [
      {
        positive_targets: [1, 2, 3, 4].map((i) => pos(`a${i}.com`)),
        negative_targets: [pos('b.com'), pos('c.com'), pos('d.com')],
      },
      'positive_targets',
    ],
    [{ positive_targets: [pos('a.com')], min_matching_targets: 2 }, 'min_matching_targets'],
    [{ positive_targets: [pos('a.com')], min_matching_targets: 0 }, 'min_matching_targets'],
    [{ positive_targets: [pos('a.com')], min_matching_targets: 1.5 }, 'min_matching_targets'],
    [{ positive_targets: [pos('a.com')], source_scope: 'subdomain' }, 'source_scope'],
    [{ positive_targets: [pos('a.com')], sort: 'page_authority' }, 'sort'],
    [{ positive_targets: [pos('a.com')], limit: 0 }, 'limit'],
    [{ positive_targets: [pos('a.com')], limit: 51 }, 'limit'],
    [{ positive_targets: [pos('a.com')], limit: '10' }, 'limit'],
    [{ positive_targets: [pos('a.com')], next_token: 5 }, 'next_token'],
  ])('rejects %j naming %s', (body, field) => {
    const r = bad(body);
    expect(r.field).toBe(field);
    if (field !== 'body') expect(r.message).toContain(`'${field}'`);
  });

  it('takes negative_targets null as none', () => {
    expect(
      ok({ positive_targets: [pos('a.com')], negative_targets: null }).query.query.excludes,
    ).toEqual([]);
  });

  it('accepts six targets combined', () => {
    const r = ok({
      positive_targets: [1, 2, 3].map((i) => pos(`a${i}.com`)),
      negative_targets: [1, 2, 3].map((i) => pos(`b${i}.com`)),
    });
    expect(r.query.query.excludes).toHaveLength(3);
  });
});
