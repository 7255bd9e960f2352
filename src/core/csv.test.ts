import { describe, expect, it } from 'vitest';
import { csvLine } from './csv.js';

describe('csvLine', () => {
  it('leaves plain values bare and empties nulls', () => {
    expect(csvLine(['a', 1, true, null, undefined])).toBe('a,1,true,,');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny'])).toBe('"a,b","say ""hi""","x\ny"');
  });
});
