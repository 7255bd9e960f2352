import { describe, expect, it } from 'vitest';
import { ClickHouseError, JsonEachRowSplitter } from './client.js';

const fail = (line: string) => new ClickHouseError(`ClickHouse: ${line}`, 1);

describe('JsonEachRowSplitter', () => {
  it('joins rows and multi-byte characters cut between chunks', () => {
    const bytes = new TextEncoder().encode('{"a":"é€"}\n{"a":"𝄞"}\n{"a":"x"}');
    const s = new JsonEachRowSplitter<{ a: string }>(fail);
    const rows = [];
    for (let i = 0; i < bytes.length; i += 3) rows.push(...s.push(bytes.subarray(i, i + 3)));
    rows.push(...s.push());
    expect(rows.map((r) => r.a)).toEqual(['é€', '𝄞', 'x']);
  });

  it('throws the error ClickHouse writes after the first rows', () => {
    const s = new JsonEachRowSplitter<{ a: number }>(fail);
    expect(s.push(new TextEncoder().encode('{"a":1}\n'))).toEqual([{ a: 1 }]);
    expect(() =>
      s.push(new TextEncoder().encode('Code: 241, e.displayText() = DB::Exception: Memory\n')),
    ).toThrow(/ClickHouse: Code: 241/);
  });
});
