import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPLORE_QUERY,
  decodeExploreParams,
  decodeSite,
  encodeExploreParams,
} from './explore-params.js';
import { parseExportRequest } from './parse-explore.js';
import type { ExploreQuery } from './types.js';

const FULL: ExploreQuery = {
  competitors: [
    { value: 'a.com', scope: 'auto' },
    { value: 'https://b.com/x?y=1&z=:', scope: 'page' },
    { value: 'blog.c.com', scope: 'host' },
  ],
  mySites: [{ value: 'https://me.com/docs/', scope: 'prefix' }],
  mode: 'pages',
  minMatching: 2,
  dofollowOnly: true,
  minDomainRank: 25,
  maxSpamScore: 30,
  language: 'en',
  country: 'DE',
  platform: 'blogs',
  firstSeenAfter: '2026-01-15',
  excludeTechnicalHosts: true,
  status: 'all',
};

describe('explore params', () => {
  it('round-trips a full query and its sort through a URL', () => {
    const p = encodeExploreParams(FULL, { field: 'spam_score', dir: 'asc' });
    const back = decodeExploreParams(new URLSearchParams(p.toString()));
    expect(back.query).toEqual(FULL);
    expect(back.sort).toEqual({ field: 'spam_score', dir: 'asc' });
  });

  it('leaves defaults out and decodes them back', () => {
    const q = {
      ...DEFAULT_EXPLORE_QUERY,
      competitors: [{ value: 'a.com', scope: 'auto' as const }],
    };
    const p = encodeExploreParams(q, { field: 'matches', dir: 'desc' });
    expect(p.toString()).toBe('c=a.com&mode=domains');
    expect(decodeExploreParams(p)).toEqual({ query: q });
  });

  it('reads a URL with a scheme as a plain value, not as a scope', () => {
    expect(decodeSite('https://a.com/')).toEqual({ scope: 'auto', value: 'https://a.com/' });
    expect(decodeSite('host:https://a.com/')).toEqual({ scope: 'host', value: 'https://a.com/' });
    expect(decodeSite('localhost:8080')).toEqual({ scope: 'auto', value: 'localhost:8080' });
  });

  it('keeps bad numbers and flags as strings so the schema names the field', () => {
    const bad = decodeExploreParams(new URLSearchParams('c=a.com&dr=high'));
    expect(bad.query.minDomainRank).toBe('high');
    const r = parseExportRequest(bad);
    expect(!r.ok && r.field).toBe('query.minDomainRank');
    for (const odd of ['%20', '0x2', '1e3', 'Infinity']) {
      const q = decodeExploreParams(new URLSearchParams(`c=a.com&k=${odd}`)).query;
      expect(typeof q.minMatching, odd).toBe('string');
    }
    const flag = parseExportRequest(decodeExploreParams(new URLSearchParams('c=a.com&tech=maybe')));
    expect(!flag.ok && flag.field).toBe('query.excludeTechnicalHosts');
  });
});
