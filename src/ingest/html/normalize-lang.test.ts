import { describe, expect, it } from 'vitest';
import { normalizeLang } from './normalize-lang.js';

describe('normalizeLang', () => {
  it('keeps the primary subtag of a BCP 47 tag, lower-cased', () => {
    expect(normalizeLang('en-US')).toBe('en');
    expect(normalizeLang(' PT_br ')).toBe('pt');
    expect(normalizeLang('zh-Hant-TW')).toBe('zh');
  });
  it('takes the first tag of a list', () => {
    expect(normalizeLang('de-DE, en')).toBe('de');
  });
  it('maps withdrawn and three-letter codes', () => {
    expect(normalizeLang('iw')).toBe('he');
    expect(normalizeLang('eng')).toBe('en');
    expect(normalizeLang('ger')).toBe('de');
  });
  it('refuses private, undetermined and unknown tags', () => {
    expect(normalizeLang('x-default')).toBeUndefined();
    expect(normalizeLang('und')).toBeUndefined();
    expect(normalizeLang('qq')).toBeUndefined();
    expect(normalizeLang('')).toBeUndefined();
    expect(normalizeLang(undefined)).toBeUndefined();
  });
});
