import { describe, expect, it } from 'vitest';
import type { ExploreQuery } from '../../src/api/native/types.js';
import { queryFromDraft } from './draft.js';
import { formatPageSearch, type PageParams, parsePageState, queryKey } from './url-state.js';

const FULL: ExploreQuery = {
  competitors: [
    { value: 'a.com', scope: 'auto' },
    { value: 'blog.b.com', scope: 'host' },
    { value: 'https://c.com/x?y=1&z=2', scope: 'page' },
  ],
  mySites: [
    { value: 'me.com', scope: 'subdomains' },
    { value: 'https://me.org/blog/', scope: 'prefix' },
  ],
  mode: 'pages',
  minMatching: 2,
  dofollowOnly: true,
  minDomainRank: 10,
  maxSpamScore: 30,
  language: 'en',
  country: 'DE',
  platform: 'blogs',
  firstSeenAfter: '2024-01-31',
  excludeTechnicalHosts: true,
  status: 'all',
};

const back = (s: PageParams) => {
  const state = parsePageState(formatPageSearch(s));
  const r = queryFromDraft(state.draft);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { ...state, query: r.query };
};

describe('url state', () => {
  it('round-trips a query with every option, the sort, the page and the view', () => {
    const s: PageParams = {
      query: FULL,
      sort: { field: 'spam_score', dir: 'asc' },
      offset: 100,
      limit: 25,
      view: 'overlap',
    };
    const r = back(s);
    expect(r.query).toEqual(FULL);
    expect(r.sort).toEqual(s.sort);
    expect(r.offset).toBe(100);
    expect(r.limit).toBe(25);
    expect(r.view).toBe('overlap');
  });

  it('round-trips a minimal query and leaves the defaults out of the URL', () => {
    const q: ExploreQuery = { ...FULL, competitors: [{ value: 'a.com', scope: 'auto' }] };
    const minimal: ExploreQuery = {
      ...q,
      mySites: [],
      mode: 'domains',
      minMatching: null,
      dofollowOnly: false,
      minDomainRank: null,
      maxSpamScore: null,
      language: null,
      country: null,
      platform: null,
      firstSeenAfter: null,
      excludeTechnicalHosts: false,
      status: 'live',
    };
    const search = formatPageSearch({
      query: minimal,
      sort: { field: 'matches', dir: 'desc' },
      offset: 0,
      limit: 50,
      view: 'prospects',
    });
    expect(search).toBe('?c=a.com&mode=domains');
    expect(back(parsePageParams(search)).query).toEqual(minimal);
  });

  it('keeps only the view when there is no query', () => {
    const s: PageParams = {
      query: null,
      sort: { field: 'matches', dir: 'desc' },
      offset: 50,
      limit: 50,
      view: 'index',
    };
    expect(formatPageSearch(s)).toBe('?view=index');
    expect(formatPageSearch({ ...s, view: 'prospects' })).toBe('');
  });

  it('falls back to defaults for a bad sort, page size, offset or view', () => {
    const s = parsePageState('?c=a.com&sort=color.up&n=7&o=-3&view=nope&mode=nodes');
    expect(s.sort).toEqual({ field: 'matches', dir: 'desc' });
    expect(s.limit).toBe(50);
    expect(s.offset).toBe(0);
    expect(s.view).toBe('prospects');
    expect(s.draft.mode).toBe('domains');
    expect(s.draft.competitors).toEqual([{ value: 'a.com', scope: 'auto' }]);
  });

  it('keeps a bad number as text so the form can point at it', () => {
    const s = parsePageState('?c=a.com&k=two&dr=5');
    expect(s.draft.minMatching).toBe('two');
    const r = queryFromDraft(s.draft);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.id)).toEqual(['f-minMatching']);
  });

  it('gives equal queries equal keys', () => {
    expect(queryKey(FULL)).toBe(queryKey(structuredClone(FULL)));
    expect(queryKey(FULL)).not.toBe(queryKey({ ...FULL, minMatching: 3 }));
  });
});

function parsePageParams(search: string): PageParams {
  const s = parsePageState(search);
  const r = queryFromDraft(s.draft);
  return { ...s, query: r.ok ? r.query : null };
}
