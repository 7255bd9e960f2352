/**
 * A loaded string heap: strings by id, decoded on demand and cached.
 */

/** Strings `0 … count-1` stored as UTF-8 bytes with Float64 offsets. */
export class StringHeap {
  readonly count: number;
  readonly #bytes: Buffer;
  readonly #offsets: Float64Array;
  #cache: Array<string | undefined> | null = null;

  constructor(bytes: Buffer, offsets: Float64Array) {
    this.#bytes = bytes;
    this.#offsets = offsets;
    this.count = offsets.length - 1;
  }

  /** The string with id `i` (0 ≤ i < count). */
  get(i: number): string {
    if (this.#cache === null) this.#cache = new Array(this.count);
    let s = this.#cache[i];
    if (s === undefined) {
      s = this.#bytes.toString('utf8', this.#offsets[i] as number, this.#offsets[i + 1] as number);
      this.#cache[i] = s;
    }
    return s;
  }

  /** Every string, in id order. */
  all(): string[] {
    const out: string[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.get(i);
    return out;
  }

  /**
   * The first id whose string is not less than `s` (strings in id order must be sorted; UTF-16
   * order; the heaps the writer sorts are).
   */
  lowerBound(s: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.get(mid) < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The id of `s`, or -1. */
  find(s: string): number {
    const i = this.lowerBound(s);
    return i < this.count && this.get(i) === s ? i : -1;
  }

  /** Ids `[from, to)` of the strings starting with `prefix` (sorted heap). */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let lo = from;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.get(mid).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }
}
