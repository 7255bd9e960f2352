import { describe, expect, it } from 'vitest';
import { budgetedEngine, checkDeadline, QueryTimeoutError, runWithin } from './deadline.js';
import type { Engine } from './types.js';

function spin(ms: number): number {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) {
    checkDeadline();
    n++;
  }
  return n;
}

describe('query deadlines', () => {
  it('stops a loop past its budget with QueryTimeoutError, and not without one', () => {
    expect(() => runWithin(5, () => spin(200))).toThrow(QueryTimeoutError);
    expect(() => runWithin(5, () => spin(200))).toThrow(/time budget of 5 ms/);
    expect(spin(20)).toBeGreaterThan(0);
    expect(runWithin(1000, () => spin(20))).toBeGreaterThan(0);
  });

  it('keeps the tighter of nested budgets and restores the outer one', () => {
    expect(() => runWithin(1000, () => runWithin(5, () => spin(200)))).toThrow(/5 ms/);
    expect(() => runWithin(5, () => runWithin(1000, () => spin(200)))).toThrow(/5 ms/);
    // After a short inner budget ends, the outer (roomier) one applies again.
    const outer = runWithin(1000, () => {
      runWithin(5, () => 1);
      return spin(20);
    });
    expect(outer).toBeGreaterThan(0);
  });

  it('keeps the engine itself as `this` (private fields stay reachable)', async () => {
    class Private {
      readonly #g = 'p';
      info() {
        return { generation: this.#g };
      }
      async pageIntersection() {
        return this.#g;
      }
    }
    const budgeted = budgetedEngine(new Private() as unknown as Engine, 1000);
    expect(budgeted.info().generation).toBe('p');
    expect(await budgeted.pageIntersection({} as never)).toBe('p');
  });

  it('wraps every query method of an engine, leaving the rest alone', async () => {
    const engine = {
      pageIntersection: async () => spin(200),
      info: () => ({ generation: 'g', builtAt: '', links: 0, pages: 0, domains: 0 }),
    } as unknown as Engine;
    const budgeted = budgetedEngine(engine, 5);
    await expect(budgeted.pageIntersection({} as never)).rejects.toThrow(QueryTimeoutError);
    expect(budgeted.info().generation).toBe('g');
  });
});
