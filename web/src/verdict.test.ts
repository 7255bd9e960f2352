import { describe, expect, it } from 'vitest';
import type { VerifiedPage, VerifiedTarget } from '../../src/api/native/types.js';
import { pageOutcome, pageStateLabel, pageTone, tickView, verifySummary } from './verdict.js';

const target = (verdict: VerifiedTarget['verdict'], indexed = true, anchors: string[] = []) => ({
  key: '1',
  target: 'a.com',
  indexed,
  verdict,
  anchors,
});
const page = (p: Partial<VerifiedPage>): VerifiedPage => ({
  url: 'https://blog.example/post',
  checkedAt: '2024-03-05T14:07:09Z',
  status: 200,
  page: 'ok',
  redirect: null,
  error: null,
  targets: [target('links', true, ['best tools'])],
  ...p,
});
const unknown = [target('unknown')];

describe('pageStateLabel', () => {
  it('says the state with the status, the redirect or the error', () => {
    expect(pageStateLabel(page({}))).toBe('ok');
    expect(pageStateLabel(page({ page: 'gone', status: 404, targets: unknown }))).toBe('gone 404');
    expect(
      pageStateLabel(page({ page: 'redirected', status: 301, redirect: 'https://b.example/' })),
    ).toBe('redirected → https://b.example/');
    expect(pageStateLabel(page({ page: 'unreachable', status: null, error: 'timeout' }))).toBe(
      'unreachable: timeout',
    );
    expect(pageStateLabel(page({ page: 'disallowed', status: null }))).toBe(
      'disallowed by robots.txt',
    );
    expect(pageTone(page({}))).toBe('good');
    expect(pageTone(page({ page: 'gone' }))).toBe('bad');
    expect(pageTone(page({ page: 'disallowed' }))).toBe('warn');
  });
});

describe('pageOutcome and verifySummary', () => {
  it('counts every page once, a removed link before one still there', () => {
    expect(pageOutcome(page({ targets: [target('links'), target('removed')] }))).toBe('removed');
    expect(pageOutcome(page({ targets: [target('absent'), target('links')] }))).toBe('links');
    expect(pageOutcome(page({ targets: [target('absent')] }))).toBe('none');
    expect(pageOutcome(page({ targets: unknown }))).toBe('unfetched');
    expect(pageOutcome(page({ page: 'gone', targets: unknown }))).toBe('gone');
    expect(pageOutcome(page({ page: 'unreachable', targets: unknown }))).toBe('unfetched');
  });

  it('sums the outcomes in one line, leaving out the empty ones', () => {
    const checks = [
      ...Array.from({ length: 42 }, () => page({})),
      ...Array.from({ length: 5 }, () => page({ targets: [target('removed')] })),
      ...Array.from({ length: 3 }, () => page({ page: 'gone', status: 410, targets: unknown })),
    ];
    expect(verifySummary(checks)).toBe('42 still link · 5 removed a link · 3 gone');
    expect(verifySummary([page({}), page({ page: 'disallowed', targets: unknown })])).toBe(
      '1 still links · 1 not read',
    );
    expect(verifySummary([])).toBe('no pages checked');
  });
});

describe('tickView', () => {
  it('shows the index’s tick until a check says more', () => {
    expect(tickView(true, undefined, 'a.com')).toMatchObject({ mark: '✓', cls: 'yes', note: null });
    expect(tickView(false, undefined, 'a.com')).toMatchObject({ mark: '–', cls: 'no' });
    expect(tickView(true, target('unknown'), 'a.com')).toEqual({
      mark: '✓',
      cls: 'yes unchecked',
      note: null,
      words: 'links to a.com in the index (the page could not be read now)',
    });
  });

  it('marks a link still there with its anchor, a removed one and a new one', () => {
    expect(tickView(true, target('links', true, ['best tools', '(image)']), 'a.com')).toEqual({
      mark: '✓',
      cls: 'yes live',
      note: 'best tools',
      words: 'still links to a.com, anchor now “best tools”, (image)',
    });
    expect(tickView(true, target('removed'), 'a.com')).toEqual({
      mark: '✗',
      cls: 'removed',
      note: 'removed',
      words: 'removed its link to a.com',
    });
    expect(tickView(false, target('links', false), 'a.com')).toMatchObject({
      cls: 'yes new',
      note: 'new',
    });
    expect(tickView(false, target('absent', false), 'a.com')).toMatchObject({
      mark: '–',
      cls: 'no',
    });
  });
});
