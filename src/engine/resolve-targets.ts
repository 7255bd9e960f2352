/**
 * Targets and excludes as slices of posting lists: a page is one URL's postings, a prefix a
 * range of URLs (URL ids are in string order), a host with subdomains a range of hosts (host ids
 * are in reversed-label order), a host without them the host and its `www.` twin.
 */
import type { TargetSpec } from '../core/query/intersect-query.js';
import { hostKey } from '../link-index/index.js';
import type { IndexView } from './index-view.js';

/** Link ids `postings[from … to)`. */
export interface PostingSlice {
  postings: Uint32Array;
  /** Source page and flags per posting (same positions as `postings`). */
  pages: Uint32Array;
  flags: Uint16Array;
  from: number;
  to: number;
}

function lowerBound(keys: readonly string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Host ids `[from, to)` of `host` and (with `subdomains`) every host ending in `.host`. */
export function hostRange(
  keys: readonly string[],
  host: string,
  subdomains: boolean,
): [number, number] {
  const k = hostKey(host);
  const from = lowerBound(keys, k);
  if (!subdomains) return from < keys.length && keys[from] === k ? [from, from + 1] : [from, from];
  const sub = `${k}\u0001`;
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const key = keys[mid] as string;
    if (key === k || key.startsWith(sub)) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

/** A spec as id ranges: hosts `[from, to)` and target URLs `[from, to)`. */
export interface SpecRanges {
  hosts: Array<[number, number]>;
  urls: Array<[number, number]>;
}

/** The host and URL id ranges a spec matches (docs/intersection-semantics.md §Targets). */
export function resolveRanges(v: IndexView, spec: TargetSpec): SpecRanges {
  const r: SpecRanges = { hosts: [], urls: [] };
  const add = (list: Array<[number, number]>, range: [number, number]) => {
    if (range[1] > range[0]) list.push(range);
  };
  switch (spec.kind) {
    case 'page': {
      const id = v.urls.name.find(spec.value);
      if (id >= 0) add(r.urls, [id, id + 1]);
      break;
    }
    case 'prefix':
      add(r.urls, v.urls.name.prefixRange(spec.value));
      break;
    default:
      if (spec.includeSubdomains) add(r.hosts, hostRange(v.hosts.keys, spec.value, true));
      else {
        add(r.hosts, hostRange(v.hosts.keys, spec.value, false));
        add(r.hosts, hostRange(v.hosts.keys, `www.${spec.value}`, false));
      }
  }
  return r;
}

/** The posting slices of the links a spec matches. */
export function resolveSpec(v: IndexView, spec: TargetSpec): PostingSlice[] {
  return toSlices(v, resolveRanges(v, spec));
}

/** Ranges as posting slices (URL ranges and host ranges are contiguous in their postings). */
export function toSlices(v: IndexView, r: SpecRanges): PostingSlice[] {
  const out: PostingSlice[] = [];
  for (const [a, b] of r.urls) {
    const from = v.urls.offsets[a] as number;
    const to = v.urls.offsets[b] as number;
    if (to > from) {
      out.push({
        postings: v.urls.postings,
        pages: v.urls.postPage,
        flags: v.urls.postFlags,
        from,
        to,
      });
    }
  }
  for (const [a, b] of r.hosts) {
    const from = v.hosts.offsets[a] as number;
    const to = v.hosts.offsets[b] as number;
    if (to > from) {
      out.push({
        postings: v.hosts.postings,
        pages: v.hosts.postPage,
        flags: v.hosts.postFlags,
        from,
        to,
      });
    }
  }
  return out;
}
