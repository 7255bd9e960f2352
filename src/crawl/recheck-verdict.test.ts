import { describe, expect, it } from 'vitest';
import type { QueryTarget } from '../core/query/intersect-query.js';
import type { FrontierResult, StoredCapture } from '../store/index.js';
import { pageCheck } from './recheck-verdict.js';

const T: QueryTarget[] = [
  { key: '1', kind: 'domain', value: 'a.com', includeSubdomains: true, raw: 'a.com' },
  {
    key: '2',
    kind: 'page',
    value: 'https://b.com/x',
    includeSubdomains: true,
    raw: 'https://b.com/x',
  },
];
const result = (
  status: number | null,
  state: FrontierResult['state'] = 'done',
  error: string | null = null,
): FrontierResult => ({
  url: 'https://p.org/',
  state,
  status,
  fetchedAt: status === null ? null : '2026-12-04T10:00:00Z',
  etag: null,
  lastModified: null,
  payloadDigest: null,
  error,
});
const capture = (
  links: StoredCapture['links'],
  extra: Partial<StoredCapture> = {},
): StoredCapture => ({
  url: 'https://p.org/',
  fetched_at: '2026-12-04T10:00:00Z',
  status: 200,
  links,
  ...extra,
});

describe('pageCheck', () => {
  it('says which targets the page still links to, with the anchors seen now', () => {
    const c = pageCheck(
      'https://p.org/',
      T,
      new Set(['1', '2']),
      capture([
        { url: 'https://blog.a.com/post', item_type: 'anchor', anchor: 'great post' },
        { url: 'https://a.com/logo.png', item_type: 'image', anchor: '' },
      ]),
      result(200),
    );
    expect(c).toMatchObject({ page: 'ok', status: 200, checkedAt: '2026-12-04T10:00:00Z' });
    expect(c.targets).toEqual([
      {
        key: '1',
        target: 'a.com',
        indexed: true,
        verdict: 'links',
        anchors: ['great post', '(image)'],
      },
      { key: '2', target: 'https://b.com/x', indexed: true, verdict: 'removed', anchors: [] },
    ]);
  });

  it('tells gone, redirected, unreachable, refused and unchanged pages apart', () => {
    const none = new Set(['1']);
    expect(pageCheck('u', T, none, capture([], { status: 404 }), result(404)).page).toBe('gone');
    const moved = pageCheck(
      'u',
      T,
      none,
      capture([], { status: 301, redirect_location: 'https://q.org/' }),
      result(301),
    );
    expect([moved.page, moved.redirect, moved.targets[0]?.verdict]).toEqual([
      'redirected',
      'https://q.org/',
      'unknown',
    ]);
    const down = pageCheck('u', T, none, null, result(null, 'failed', 'timeout: no answer'));
    expect([down.page, down.error, down.checkedAt]).toEqual([
      'unreachable',
      'timeout: no answer',
      null,
    ]);
    expect(pageCheck('u', T, none, null, result(null, 'disallowed')).page).toBe('disallowed');
    const same = pageCheck(
      'u',
      T,
      none,
      capture([], { status: 304, revisit: { digest: 'sha1:X' } }),
      result(304),
    );
    expect([same.page, same.targets.map((t) => t.verdict)]).toEqual(['ok', ['links', 'absent']]);
  });
});
