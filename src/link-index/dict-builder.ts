/**
 * String dictionaries of the index writer: ids given in first-seen order while streaming, then
 * renumbered so that id order is string order (UTF-16 code units), which lets the engine order
 * and compare strings by id.
 */

/** A dictionary being built. */
export class DictBuilder {
  readonly #ids = new Map<string, number>();
  readonly #values: string[] = [];

  /** The provisional id of `s`; -1 for null. */
  add(s: string | null | undefined): number {
    if (s === null || s === undefined) return -1;
    let id = this.#ids.get(s);
    if (id === undefined) {
      id = this.#values.length;
      this.#ids.set(s, id);
      this.#values.push(s);
    }
    return id;
  }

  get size(): number {
    return this.#values.length;
  }

  /** Sorted values and, per provisional id, the final id. */
  finish(): { values: string[]; remap: Uint32Array } {
    const order = this.#values.map((_, i) => i);
    const vals = this.#values;
    order.sort((a, b) => {
      const x = vals[a] as string;
      const y = vals[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const remap = new Uint32Array(vals.length);
    const values: string[] = new Array(vals.length);
    for (let i = 0; i < order.length; i++) {
      const old = order[i] as number;
      remap[old] = i;
      values[i] = vals[old] as string;
    }
    return { values, remap };
  }
}
