import { describe, expect, it } from 'vitest';
import { emptyDraft, fieldId, filledCompetitors, queryFromDraft } from './draft.js';

describe('form draft', () => {
  it('starts with one empty competitor row and asks for one', () => {
    const d = emptyDraft();
    expect(d.competitors).toEqual([{ value: '', scope: 'auto' }]);
    expect(filledCompetitors(d)).toBe(0);
    const r = queryFromDraft(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.id).toBe('c-0-value');
  });

  it('drops empty rows, trims values and turns empty options into null', () => {
    const d = emptyDraft();
    d.competitors = [
      { value: ' a.com ', scope: 'auto' },
      { value: '', scope: 'host' },
      { value: 'b.com', scope: 'subdomains' },
    ];
    d.mySites = [{ value: '', scope: 'auto' }];
    d.minDomainRank = '20';
    const r = queryFromDraft(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.query.competitors).toEqual([
      { value: 'a.com', scope: 'auto' },
      { value: 'b.com', scope: 'subdomains' },
    ]);
    expect(r.query.mySites).toEqual([]);
    expect(r.query.minDomainRank).toBe(20);
    expect(r.query.language).toBeNull();
  });

  it('names each input at fault', () => {
    const d = emptyDraft();
    d.competitors = [
      { value: 'a.com', scope: 'page' },
      { value: 'b.com', scope: 'auto' },
    ];
    d.mySites = [{ value: 'me.com/x', scope: 'prefix' }];
    d.minMatching = '3';
    d.maxSpamScore = '101';
    d.firstSeenAfter = '5 May';
    const r = queryFromDraft(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.id)).toEqual([
      'c-0-value',
      'm-0-value',
      'f-minMatching',
      'f-maxSpamScore',
      'f-firstSeenAfter',
    ]);
    expect(r.errors[0]?.message).toContain('http');
  });

  it('maps server field paths to input ids', () => {
    expect(fieldId('query.competitors.2.value')).toBe('c-2-value');
    expect(fieldId('query.mySites.0.scope')).toBe('m-0-scope');
    expect(fieldId('query.competitors.1')).toBe('c-1-value');
    expect(fieldId('query.competitors')).toBe('f-competitors');
    expect(fieldId('minDomainRank')).toBe('f-minDomainRank');
  });
});
