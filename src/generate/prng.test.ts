import { describe, expect, it } from 'vitest';
import { EXTERNAL_HOSTS, SOFTWARE } from './names.js';
import { hash32, Rng } from './prng.js';
import { GENERIC_ANCHORS, LABELS, LANGUAGES, MONEY_PHRASES, SLUG_WORDS, WORDS } from './words.js';

describe('hash32 and Rng', () => {
  it('are pure functions of their inputs', () => {
    expect(hash32(1, 2, 3)).toBe(hash32(1, 2, 3));
    expect(hash32(1, 2, 3)).not.toBe(hash32(1, 2, 4));
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
  });

  it('draws uniform floats and bounded integers', () => {
    const r = new Rng(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      const n = r.range(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('draws a heavy tail capped at max', () => {
    const r = new Rng(3);
    const xs = Array.from({ length: 10_000 }, () => r.pareto(2, 1.2, 500));
    expect(Math.min(...xs)).toBe(2);
    expect(Math.max(...xs)).toBeLessThanOrEqual(500);
    expect(xs.filter((x) => x > 50).length).toBeGreaterThan(0);
    expect(xs.filter((x) => x <= 4).length).toBeGreaterThan(5000);
  });
});

describe('vocabulary', () => {
  it('needs no JSON escaping and no HTML markup characters', () => {
    const all = [
      ...LANGUAGES.flatMap((l) => [...WORDS[l], ...Object.values(LABELS[l])]),
      ...SLUG_WORDS,
      ...GENERIC_ANCHORS,
      ...MONEY_PHRASES,
      ...EXTERNAL_HOSTS.map((h) => h.origin + h.prefix),
      ...Object.values(SOFTWARE).flatMap((list) =>
        list.flatMap((s) => (s === undefined ? [] : [s.name, s.generator, s.url])),
      ),
    ];
    for (const s of all) {
      expect(JSON.stringify(s)).toBe(`"${s}"`);
      expect(s).not.toMatch(/[<>"\s]{2}|[<>"]/);
      expect(s.trim()).toBe(s);
    }
  });
});
