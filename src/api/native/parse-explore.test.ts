import { describe, expect, it } from 'vitest';
import type { FilterExpr } from '../../core/filter/types.js';
import {
  parseEvidenceRequest,
  parseExportRequest,
  parseOverlapRequest,
  parseProspectsRequest,
} from './parse-explore.js';

const site = (value: string, scope?: string) =>
  scope === undefined ? { value } : { value, scope };
const body = (query: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
  query: { competitors: [site('a.com'), site('b.com')], ...query },
  ...rest,
});

function parsed(b: unknown) {
  const r = parseProspectsRequest(b);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function failure(b: unknown): { field: string; message: string } {
  const r = parseProspectsRequest(b);
  if (r.ok) throw new Error('expected a failure');
  return { field: r.field, message: r.message };
}

describe('parseProspectsRequest', () => {
  it('applies the defaults: domains, all competitors, live links, first 50 by matches', () => {
    const { query, sort } = parsed(body({}));
    expect(query).toMatchObject({
      source: 'domain',
      minMatching: 2,
      status: 'live',
      excludes: [],
      includeIndirect: true,
      excludeInternal: true,
      excludeTechnicalHosts: false,
      offset: 0,
      limit: 50,
      rankScale: 'one_hundred',
      itemFilter: null,
      linkFilters: [null, null],
    });
    expect(query.targets.map((t) => [t.key, t.kind, t.value, t.includeSubdomains])).toEqual([
      ['1', 'domain', 'a.com', true],
      ['2', 'domain', 'b.com', true],
    ]);
    expect(sort).toEqual({ field: 'matches', dir: 'desc' });
  });

  it('reads each scope of competitors and my sites', () => {
    const { query } = parsed(
      body(
        {
          competitors: [
            site('https://blog.a.com/post', 'subdomains'),
            site('https://www.b.com/x', 'host'),
            site('https://c.com/page', 'page'),
            site('https://d.com/x', 'auto'),
            site('shop.e.com'),
          ],
          mySites: [
            site('https://me.com/blog', 'prefix'),
            site('https://me.org/*'),
            site('me.net', 'host'),
          ],
          mode: 'pages',
        },
        { offset: 10, limit: 5 },
      ),
    );
    expect(query.source).toBe('page');
    expect(query.targets.map((t) => [t.kind, t.value, t.includeSubdomains])).toEqual([
      ['host', 'blog.a.com', true],
      ['host', 'www.b.com', false],
      ['page', 'https://c.com/page', true],
      ['page', 'https://d.com/x', true],
      ['host', 'shop.e.com', true],
    ]);
    expect(query.excludes.map((t) => [t.kind, t.value, t.includeSubdomains])).toEqual([
      ['prefix', 'https://me.com/blog', true],
      ['prefix', 'https://me.org/', true],
      ['domain', 'me.net', false],
    ]);
    expect([query.offset, query.limit]).toEqual([10, 5]);
  });

  it('turns the options into the same link filter for every competitor', () => {
    const { query } = parsed(
      body({
        mode: 'pages',
        dofollowOnly: true,
        minDomainRank: 30,
        maxSpamScore: 20,
        language: 'EN',
        country: 'de',
        platform: 'blogs',
        firstSeenAfter: '2026-01-02',
        excludeTechnicalHosts: true,
        status: 'all',
        minMatching: 1,
      }),
    );
    expect(query.minMatching).toBe(1);
    expect(query.status).toBe('all');
    expect(query.excludeTechnicalHosts).toBe(true);
    const f = query.linkFilters[1] as FilterExpr & { kind: 'and' };
    expect(f.kind).toBe('and');
    const conds = f.items.flatMap((x) => (x.kind === 'cond' ? [x] : x.items)) as Array<
      FilterExpr & { kind: 'cond' }
    >;
    expect(conds.map((c) => [c.field.target, c.field.name, c.op, c.value])).toEqual([
      [1, 'dofollow', '=', true],
      [1, 'domain_from_rank', '>=', 30],
      [1, 'backlink_spam_score', '<=', 20],
      [1, 'backlink_spam_score', '=', null],
      [1, 'page_from_language', '=', 'en'],
      [1, 'domain_from_country', '=', 'DE'],
      [1, 'domain_from_platform_type', 'has', 'blogs'],
      [1, 'first_seen', '>=', Date.UTC(2026, 0, 2) / 1000],
    ]);
  });

  it('leaves the target of domain-mode link filters unset (backlinks_filters style)', () => {
    const { query } = parsed(body({ dofollowOnly: true }));
    expect(query.linkFilters[0]).toMatchObject({ field: { target: null, name: 'dofollow' } });
  });

  it('names the field at fault', () => {
    expect(failure({})).toMatchObject({ field: 'query' });
    expect(failure(body({ competitors: [] }))).toMatchObject({
      field: 'query.competitors',
      message: 'query.competitors: give at least one competitor',
    });
    expect(failure(body({ competitors: Array(21).fill(site('a.com')) })).field).toBe(
      'query.competitors',
    );
    expect(failure(body({ mySites: Array(11).fill(site('a.com')) })).field).toBe('query.mySites');
    expect(failure(body({ competitors: [site('a.com'), site('not a host')] })).field).toBe(
      'query.competitors.1.value',
    );
    expect(failure(body({ competitors: [site('x'.repeat(1001))] })).field).toBe(
      'query.competitors.0.value',
    );
    expect(failure(body({ competitors: [site('a.com', 'page')] })).message).toContain(
      'needs a URL',
    );
    expect(failure(body({ competitors: [site('https://a.com/', 'prefix')] })).message).toContain(
      'only for my sites',
    );
    expect(failure(body({ competitors: [site('a.com', 'everything')] })).field).toBe(
      'query.competitors.0.scope',
    );
    expect(failure(body({ minMatching: 3 })).message).toBe(
      'query.minMatching: must be between 1 and the number of competitors (2)',
    );
    expect(failure(body({ minDomainRank: 101 })).field).toBe('query.minDomainRank');
    expect(failure(body({ maxSpamScore: '10' })).field).toBe('query.maxSpamScore');
    expect(failure(body({ country: 'Germany' })).field).toBe('query.country');
    expect(failure(body({ language: 'en;drop' })).field).toBe('query.language');
    expect(failure(body({ platform: 'Blogs!' })).field).toBe('query.platform');
    expect(failure(body({ firstSeenAfter: '2026-13-45' })).field).toBe('query.firstSeenAfter');
    expect(failure(body({ firstSeenAfter: 'yesterday' })).field).toBe('query.firstSeenAfter');
    expect(failure(body({ firstSeenAfter: '2024-02-31' })).message).toContain('real date');
    expect(parsed(body({ firstSeenAfter: '2024-02-29' })).query.minMatching).toBe(2);
    expect(failure(body({ language: 'eng' })).field).toBe('query.language');
    expect(failure(body({ language: 'en-US' })).field).toBe('query.language');
    for (const suffix of ['com', 'co.uk', 'https://co.uk/']) {
      const f = failure(
        body({ competitors: [site(suffix, suffix.startsWith('http') ? 'host' : 'auto')] }),
      );
      expect(f.field, suffix).toBe('query.competitors.0.value');
      expect(f.message).toContain('public suffix');
    }
    expect(failure(body({ mySites: [site('com')] })).field).toBe('query.mySites.0.value');
    expect(failure(body({ mode: 'hosts' })).field).toBe('query.mode');
    expect(failure(body({ surprise: 1 })).field).toBe('query');
    expect(failure(body({}, { limit: 1001 })).field).toBe('limit');
    expect(failure(body({}, { offset: -1 })).field).toBe('offset');
    expect(failure(body({}, { sort: { field: 'rank' } })).field).toBe('sort.field');
    expect(failure([1, 2]).field).toBe('');
    expect(failure(null).message).toBeTruthy();
  });
});

describe('the other bodies', () => {
  it('parses overlap, evidence and export bodies with their own defaults and limits', () => {
    const o = parseOverlapRequest(body({}));
    expect(o.ok && o.value.combinations).toBe(10);
    const bad = parseOverlapRequest(body({}, { combinations: 101 }));
    expect(!bad.ok && bad.field).toBe('combinations');
    const e = parseEvidenceRequest(body({}, { prospect: ' x.org ' }));
    expect(e.ok && [e.value.prospect, e.value.limit]).toEqual(['x.org', 200]);
    const noProspect = parseEvidenceRequest(body({}));
    expect(!noProspect.ok && noProspect.field).toBe('prospect');
    const x = parseExportRequest(body({}, { sort: { field: 'spam_score', dir: 'asc' } }));
    expect(x.ok && x.value.sort).toEqual({ field: 'spam_score', dir: 'asc' });
    const windowed = parseExportRequest(body({}, { limit: 5 }));
    expect(!windowed.ok && windowed.field).toBe('');
  });
});
