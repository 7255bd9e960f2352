/**
 * Append-only typed arrays for the index writer.
 */
import type { AnyColumn } from './format.js';

type Ctor<T extends AnyColumn> = new (n: number) => T;

/** A typed array that doubles as it fills. */
export class Growable<T extends AnyColumn> {
  #data: T;
  #length = 0;
  readonly #ctor: Ctor<T>;

  constructor(ctor: Ctor<T>, initial = 1024) {
    this.#ctor = ctor;
    this.#data = new ctor(initial);
  }

  get length(): number {
    return this.#length;
  }

  push(v: number): void {
    if (this.#length === this.#data.length) {
      const next = new this.#ctor(this.#data.length * 2);
      next.set(this.#data as never);
      this.#data = next;
    }
    this.#data[this.#length++] = v;
  }

  /** The filled part (a view, no copy). */
  view(): T {
    return this.#data.subarray(0, this.#length) as T;
  }
}
