import { describe, expect, it } from 'vitest';
import { fakeProspect } from '../../../test/helpers/fake-engine.js';
import { exportCsvCells, spreadsheetSafe } from './export-stream.js';

describe('export cells', () => {
  it('makes text a spreadsheet would run as a formula inert', () => {
    for (const v of ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(spreadsheetSafe(v)).toBe(`'${v}`);
    }
    for (const v of ['Plain title', 'https://a.com/=x', '', null])
      expect(spreadsheetSafe(v)).toBe(v);
  });

  it('writes a row in header order with the title made safe', () => {
    const row = { ...fakeProspect(1, 2), title: '=cmd|calc' };
    expect(exportCsvCells(row)).toEqual([
      'https://p1.example.org/',
      "'=cmd|calc",
      40,
      30,
      5,
      2,
      2,
      '2021-05-02 10:11:12 +00:00',
      '2023-03-14 09:13:44 +00:00',
      true,
      true,
    ]);
  });
});
