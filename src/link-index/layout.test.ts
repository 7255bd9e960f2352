import { describe, expect, it } from 'vitest';
import { hostRange } from '../engine/resolve-targets.js';
import { hostKey } from './format.js';
import { IndexCollector } from './index-collector.js';
import { StringHeap } from './string-heap.js';
import { buildPostings } from './write-link-index.js';

function heapOf(values: string[]): StringHeap {
  const bufs = values.map((v) => Buffer.from(v, 'utf8'));
  const off = new Float64Array(values.length + 1);
  bufs.forEach((b, i) => {
    off[i + 1] = (off[i] as number) + b.length;
  });
  return new StringHeap(Buffer.concat(bufs), off);
}

describe('index layout', () => {
  it('numbers dictionary values in UTF-16 string order, hosts by reversed labels', () => {
    const c = new IndexCollector();
    expect(c.orderDictionary('anchor', ['b', 'a', 'B', 'é', '\u{1F600}', '\uFF21'])).toEqual([
      'B',
      'a',
      'b',
      'é',
      '\u{1F600}',
      '\uFF21',
    ]);
    expect(
      c.orderDictionary('host', ['b.com', 'a.b.com', 'b-x.com', 'a.com', 'www.b.com']),
    ).toEqual(['a.com', 'b.com', 'a.b.com', 'www.b.com', 'b-x.com']);
  });

  it('orders hosts so a host and its subdomains form one range', () => {
    const hosts = ['b.com', 'a.b.com', 'b-x.com', 'x.y.b.com', 'bb.com', 'www.b.com', 'com'];
    const keys = hosts.map(hostKey).sort();
    const name = (k: string) => k.split('\u0001').reverse().join('.');
    const [from, to] = hostRange(keys, 'b.com', true);
    expect(keys.slice(from, to).map(name).sort()).toEqual(
      ['a.b.com', 'b.com', 'www.b.com', 'x.y.b.com'].sort(),
    );
    const [f1, t1] = hostRange(keys, 'www.b.com', false);
    expect(keys.slice(f1, t1).map(name)).toEqual(['www.b.com']);
    expect(hostRange(keys, 'c.com', true)[1] - hostRange(keys, 'c.com', true)[0]).toBe(0);
  });

  it('finds exact strings and prefix ranges in a sorted heap', () => {
    const h = heapOf(['https://a.com/', 'https://a.com/x', 'https://a.com/x/y', 'https://b.com/']);
    expect(h.find('https://a.com/x')).toBe(1);
    expect(h.find('https://a.com/z')).toBe(-1);
    expect(h.prefixRange('https://a.com/x')).toEqual([1, 3]);
    expect(h.prefixRange('https://c')).toEqual([4, 4]);
    expect(h.get(3)).toBe('https://b.com/');
  });

  it('builds postings with each key’s link ids ascending', () => {
    const p = buildPostings(Uint32Array.from([2, 0, 2, 1, 0]), 4);
    expect([...p.offsets]).toEqual([0, 2, 3, 5, 5]);
    expect([...p.ids]).toEqual([1, 4, 3, 0, 2]);
  });
});
