/**
 * What a dataset offers the random query generator: its linked URLs, hosts and domains by
 * popularity, and the observed values of every backlink field (for filter values that hit).
 */

import { BACKLINK_FIELDS as BACKLINK_FIELD_TYPES } from '../../src/core/filter/catalogue.js';
import { linkFieldValues, sourcePage } from './backlink-object.js';
import { compareStrings, linkOrder } from './order.js';
import type { LinkRow, ReferenceData } from './reference-data.js';

/** Observed scalar value of a field (array fields: their elements). */
export type PoolValue = string | number | boolean;

/** Targets and values drawn from one dataset, in a deterministic order. */
export interface QueryPool {
  /** Every link, in link order. */
  links: LinkRow[];
  /** url_to values, most linked first. */
  urls: string[];
  /** host_to values that are not registrable domains, most linked first. */
  hosts: string[];
  /** domain_to values, most linked first. */
  domains: string[];
  /** Registrable domains of referring pages. */
  sourceDomains: string[];
  /** Backlink field → distinct observed non-null values, sorted. */
  values: Map<string, PoolValue[]>;
  /** Times seen in first_seen / prev_seen / last_seen, sorted. */
  times: number[];
}

function byCount(counts: Map<string, number>): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .map(([k]) => k);
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function sortValues(vs: Iterable<PoolValue>): PoolValue[] {
  return [...vs].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : compareStrings(String(a), String(b)),
  );
}

/** The pool of a dataset (independent of the order its rows were loaded in). */
export function createQueryPool(data: ReferenceData): QueryPool {
  const links = [...data.links].sort(linkOrder);
  const urls = new Map<string, number>();
  const hosts = new Map<string, number>();
  const domains = new Map<string, number>();
  const sources = new Map<string, number>();
  const values = new Map<string, Set<PoolValue>>();
  for (const name of Object.keys(BACKLINK_FIELD_TYPES)) values.set(name, new Set());
  for (const l of links) {
    bump(urls, l.url_to);
    if (l.host_to !== l.domain_to) bump(hosts, l.host_to);
    bump(domains, l.domain_to);
    bump(sources, l.domain_from);
    const fv = linkFieldValues(l, sourcePage(data.pages, l), 'one_thousand', null);
    for (const [name, v] of Object.entries(fv)) {
      const set = values.get(name);
      if (set === undefined || v === null) continue;
      if (Array.isArray(v)) for (const e of v) set.add(e);
      else set.add(v as PoolValue);
    }
  }
  const times = new Set<number>();
  for (const name of ['first_seen', 'prev_seen', 'last_seen']) {
    for (const t of values.get(name) ?? []) times.add(t as number);
  }
  return {
    links,
    urls: byCount(urls),
    hosts: byCount(hosts),
    domains: byCount(domains),
    sourceDomains: byCount(sources),
    values: new Map([...values.entries()].map(([k, s]) => [k, sortValues(s)])),
    times: sortValues(times) as number[],
  };
}
