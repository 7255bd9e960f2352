import { describe, expect, it } from 'vitest';
import { detectLang } from './detect-lang.js';

describe('detectLang', () => {
  it('names the language of a sentence as ISO 639-1', () => {
    expect(
      detectLang('Der schnelle braune Fuchs springt über den faulen Hund. Dies ist ein Satz.'),
    ).toBe('de');
    expect(detectLang('Съешь же ещё этих мягких французских булок, да выпей чаю.')).toBe('ru');
    expect(detectLang('これは言語検出のテストに使われる短い日本語の文章です。')).toBe('ja');
  });
  it('is unsure about very short text', () => {
    expect(detectLang('Home')).toBeUndefined();
    expect(detectLang('')).toBeUndefined();
  });
});
