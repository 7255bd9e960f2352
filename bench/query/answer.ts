/**
 * What every peer returns for a query, so answers can be compared: the page of keys (referring
 * URLs or domains) with their intersections_count, and the total count.
 */

/** One peer's answer to one query. */
export interface PeerAnswer {
  keys: string[];
  counts: number[];
  total: number;
}

/** Timings of one peer on one query: seconds of each measured run, and its answer. */
export interface PeerTiming {
  seconds: number[];
  answer: PeerAnswer;
}

/** Build an answer from `(unit, n, total)` rows as the peers' SQL returns them. */
export function answerFromRows(
  rows: Array<{ unit: unknown; n: unknown; total: unknown }>,
): PeerAnswer {
  return {
    keys: rows.map((r) => String(r.unit)),
    counts: rows.map((r) => Number(r.n)),
    total: rows.length === 0 ? 0 : Number(rows[0]?.total),
  };
}

/** Undefined when `a` and `b` agree, else a one-line description of the first difference. */
export function answerDiff(a: PeerAnswer, b: PeerAnswer): string | undefined {
  if (a.total !== b.total) return `total ${a.total} vs ${b.total}`;
  if (a.keys.length !== b.keys.length) return `${a.keys.length} vs ${b.keys.length} items`;
  for (let i = 0; i < a.keys.length; i++) {
    if (a.keys[i] !== b.keys[i] || a.counts[i] !== b.counts[i]) {
      return `item ${i}: ${a.keys[i]} (${a.counts[i]}) vs ${b.keys[i]} (${b.counts[i]})`;
    }
  }
  return undefined;
}

/**
 * Time `fn` `warmup` times unmeasured, then `runs` times; returns the seconds and the last
 * answer.
 */
export async function timePeer(
  warmup: number,
  runs: number,
  fn: () => Promise<PeerAnswer>,
): Promise<PeerTiming> {
  let answer = await fn();
  for (let i = 1; i < warmup; i++) answer = await fn();
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    answer = await fn();
    seconds.push((performance.now() - t) / 1000);
  }
  return { seconds, answer };
}
