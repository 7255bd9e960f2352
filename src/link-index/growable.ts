/**
 * Append-only typed arrays for the index writer.
 */
import type { BuildColumn } from './format.js';

type Ctor<T extends BuildColumn> = new (n: number) => T;

/** A typed array that doubles as it fills. */
export class Growable<T extends BuildColumn> {
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

  /** Append every element of `values`. */
  pushAll(values: ArrayLike<number>): void {
    const need = this.#length + values.length;
    if (need > this.#data.length) {
      let cap = this.#data.length * 2;
      while (cap < need) cap *= 2;
      const next = new this.#ctor(cap);
      next.set(this.#data as never);
      this.#data = next;
    }
    this.#data.set(values as never, this.#length);
    this.#length = need;
  }

  /** The filled part (a view, no copy). */
  view(): T {
    return this.#data.subarray(0, this.#length) as T;
  }
}
