import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns to the widest cell', () => {
    expect(renderTable(['a', 'bb'], [['xxx', 'y']])).toEqual(['a    bb', '---  --', 'xxx  y']);
  });
  it('cuts long cells and flattens whitespace', () => {
    const [, , row] = renderTable(['h'], [['one\ntwo three four']], 8);
    expect(row).toBe('one two…');
  });
});
