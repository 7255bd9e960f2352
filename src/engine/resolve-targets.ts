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

/** The posting slices of the links a spec matches (docs/intersection-semantics.md §Targets). */
export function resolveSpec(v: IndexView, spec: TargetSpec): PostingSlice[] {
  const out: PostingSlice[] = [];
  const urls = (a: number, b: number) => {
    const from = v.urls.offsets[a] as number;
    const to = v.urls.offsets[b] as number;
    if (to > from) out.push({ postings: v.urls.postings, from, to });
  };
  const hosts = ([a, b]: [number, number]) => {
    const from = v.hosts.offsets[a] as number;
    const to = v.hosts.offsets[b] as number;
    if (to > from) out.push({ postings: v.hosts.postings, from, to });
  };
  switch (spec.kind) {
    case 'page': {
      const id = v.urls.name.find(spec.value);
      if (id >= 0) urls(id, id + 1);
      break;
    }
    case 'prefix': {
      const [a, b] = v.urls.name.prefixRange(spec.value);
      if (b > a) urls(a, b);
      break;
    }
    default:
      if (spec.includeSubdomains) hosts(hostRange(v.hosts.keys, spec.value, true));
      else {
        hosts(hostRange(v.hosts.keys, spec.value, false));
        hosts(hostRange(v.hosts.keys, `www.${spec.value}`, false));
      }
  }
  return out;
}
