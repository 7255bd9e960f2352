import { describe, expect, it } from 'vitest';
import { countryName, languageName, platformName } from './names.js';

describe('names', () => {
  it('names languages and countries and keeps unknown codes', () => {
    expect(languageName('en')).toBe('English (en)');
    expect(countryName('de')).toBe('Germany (DE)');
    expect(countryName('not a code')).toBe('NOT A CODE');
    expect(languageName('qqq')).toBe('qqq');
  });

  it('spells platform types as words', () => {
    expect(platformName('message-boards')).toBe('message boards');
  });
});
