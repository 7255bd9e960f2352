/**
 * The per-query time budget of the in-memory engine. A query runs synchronously on the event
 * loop, so it cannot be interrupted from outside: its hot loops call `checkDeadline()`, which
 * every few thousand calls compares the clock with the deadline and throws `QueryTimeoutError`
 * past it. The engine's `guarded` runner then resets its scratch arrays, so the next query
 * starts clean; the fronts answer the error in their own envelopes. `budgetedEngine` sets the
 * deadline around each call of an engine (what `serve` and `mcp` use).
 */
import type { Engine } from './types.js';

/** A query that ran past its budget and was stopped. */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
  readonly budgetMs: number;
  constructor(budgetMs: number) {
    super(`the query ran past its time budget of ${budgetMs} ms and was stopped`);
    this.budgetMs = budgetMs;
  }
}

let deadline = Number.POSITIVE_INFINITY;
let budget = 0;
let ticks = 0;

/** How many calls pass between clock reads (a clock read costs more than a loop step). */
const TICKS_PER_CHECK = 4096;

/** Called from the engine's hot loops: throws once the current query is past its deadline. */
export function checkDeadline(): void {
  if (++ticks < TICKS_PER_CHECK) return;
  ticks = 0;
  if (performance.now() > deadline) throw new QueryTimeoutError(budget);
}

/** Run `fn` (synchronously) with a deadline `ms` from now; nested calls keep the outer one. */
export function runWithin<T>(ms: number, fn: () => T): T {
  const outer = { deadline, budget };
  const mine = performance.now() + ms;
  if (mine < deadline) {
    deadline = mine;
    budget = ms;
  }
  ticks = 0;
  try {
    return fn();
  } finally {
    deadline = outer.deadline;
    budget = outer.budget;
  }
}

const QUERY_METHODS = [
  'pageIntersection',
  'domainIntersection',
  'linkIntersect',
  'prospects',
  'exportProspects',
  'overlap',
  'evidence',
] as const;

/**
 * `engine` with every query method run within `ms`. The synchronous part of a call (all of it
 * for the in-memory engine, the planning of an export) is under the budget; waiting on I/O (a
 * ClickHouse answer, an export's consumer) is not CPU the budget protects.
 */
export function budgetedEngine<E extends Engine>(engine: E, ms: number): E {
  const wrapped = Object.create(engine) as E;
  for (const name of QUERY_METHODS) {
    const own = engine[name] as unknown;
    if (typeof own !== 'function') continue;
    const method = (own as (...args: unknown[]) => unknown).bind(engine);
    (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) =>
      runWithin(ms, () => method(...args));
  }
  return wrapped;
}
