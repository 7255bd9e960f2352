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

const QUERY_METHODS: ReadonlySet<PropertyKey> = new Set([
  'pageIntersection',
  'domainIntersection',
  'linkIntersect',
  'prospects',
  'exportProspects',
  'overlap',
  'evidence',
]);

/**
 * `engine` with every query method run within `ms`. The synchronous part of a call (all of it
 * for the in-memory engine, the planning of an export) is under the budget; waiting on I/O (a
 * ClickHouse answer, an export's consumer) is not CPU the budget protects. Every method runs on
 * the engine itself (its private fields stay reachable).
 */
export function budgetedEngine<E extends Engine>(engine: E, ms: number): E {
  return new Proxy(engine, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!QUERY_METHODS.has(prop)) return method.bind(target);
      return (...args: unknown[]) => runWithin(ms, () => method.apply(target, args));
    },
  });
}
