/**
 * Ordering results: composite keys (nulls last in both directions) with a unique tie-break,
 * and selection of the window `[offset, offset + limit)` without sorting every result.
 */

/** One order key: a value per result (NaN = no value) and its direction. */
export interface SortKey {
  values: Float64Array;
  desc: boolean;
}

/** A comparator of result indices: keys in turn, then `tie` ascending (unique). */
export function compareBy(
  keys: readonly SortKey[],
  tie: Uint32Array,
): (a: number, b: number) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = k.values[a] as number;
      const y = k.values[b] as number;
      if (x === y) continue;
      const xn = Number.isNaN(x);
      const yn = Number.isNaN(y);
      if (xn && yn) continue;
      if (xn) return 1;
      if (yn) return -1;
      return k.desc ? (x < y ? 1 : -1) : x < y ? -1 : 1;
    }
    return (tie[a] as number) - (tie[b] as number);
  };
}

/**
 * `items` in order, from position `offset`, at most `limit` of them. Keeps a bounded heap of the
 * best `offset + limit` instead of sorting everything.
 */
export function selectWindow(
  items: ArrayLike<number>,
  cmp: (a: number, b: number) => number,
  offset: number,
  limit: number,
): number[] {
  const n = items.length;
  const need = offset + limit;
  if (offset >= n) return [];
  if (need * 2 >= n) {
    const all = Array.from(items);
    all.sort(cmp);
    return all.slice(offset, need);
  }
  // Max-heap on cmp: the root is the worst of the kept best `need`.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i] as number, heap[p] as number) <= 0) break;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && cmp(heap[l] as number, heap[w] as number) > 0) w = l;
      if (r < heap.length && cmp(heap[r] as number, heap[w] as number) > 0) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w] as number, heap[i] as number];
      i = w;
    }
  };
  for (let j = 0; j < n; j++) {
    const i = items[j] as number;
    if (heap.length < need) {
      heap.push(i);
      up(heap.length - 1);
    } else if (cmp(i, heap[0] as number) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  heap.sort(cmp);
  return heap.slice(offset, need);
}

/**
 * `selectWindow` for one numeric key, descending (NaN last), then `tie` ascending, with the
 * comparison inlined: the default order's fast path.
 */
export function selectByScore(
  items: ArrayLike<number>,
  score: Float64Array,
  tie: Uint32Array,
  offset: number,
  limit: number,
): number[] {
  const n = items.length;
  const need = offset + limit;
  if (offset >= n) return [];
  // a before b?
  const before = (a: number, b: number): boolean => {
    const x = score[a] as number;
    const y = score[b] as number;
    if (x !== y) {
      const xn = Number.isNaN(x);
      const yn = Number.isNaN(y);
      if (!(xn && yn)) return yn || (!xn && x > y);
    }
    return (tie[a] as number) < (tie[b] as number);
  };
  const cmp = (a: number, b: number) => (a === b ? 0 : before(a, b) ? -1 : 1);
  if (need * 2 >= n) return Array.from(items).sort(cmp).slice(offset, need);
  // Max-heap of the worst kept item at the root.
  const heap = new Int32Array(need);
  let size = 0;
  for (let j = 0; j < n; j++) {
    const i = items[j] as number;
    if (size < need) {
      let c = size++;
      heap[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!before(heap[p] as number, heap[c] as number)) break;
        const t = heap[p] as number;
        heap[p] = heap[c] as number;
        heap[c] = t;
        c = p;
      }
    } else if (before(i, heap[0] as number)) {
      heap[0] = i;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let w = c;
        if (l < size && before(heap[w] as number, heap[l] as number)) w = l;
        if (r < size && before(heap[w] as number, heap[r] as number)) w = r;
        if (w === c) break;
        const t = heap[w] as number;
        heap[w] = heap[c] as number;
        heap[c] = t;
        c = w;
      }
    }
  }
  return Array.from(heap.subarray(0, size)).sort(cmp).slice(offset, need);
}

/**
 * The default order (count desc, source rank desc with nulls last) as one score per candidate:
 * `count × 2048 + (rank + 1)`, rank null → 0. Null when a rank does not fit below 2047.
 */
export function defaultOrderScore(
  counts: Uint8Array,
  units: Uint32Array,
  rankOfUnit: (unit: number) => number | null,
): Float64Array | null {
  const n = units.length;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rankOfUnit(units[i] as number);
    if (r !== null && (r < 0 || r >= 2047)) return null;
    score[i] = (counts[i] as number) * 2048 + (r === null ? 0 : r + 1);
  }
  return score;
}
