/**
 * Does a link's URL point at a target spec (docs/intersection-semantics.md §Targets), decided
 * from the URL alone: a page is that exact normalised URL, a prefix the URLs starting with it, a
 * host or domain its host (and, with subdomains, every host under it; without, its `www.` twin).
 */
import type { TargetSpec } from './intersect-query.js';

/** True when `url` (normalised, absolute) is a link to `spec`. */
export function urlMatchesTarget(spec: TargetSpec, url: string): boolean {
  if (spec.kind === 'page') return url === spec.value;
  if (spec.kind === 'prefix') return url.startsWith(spec.value);
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  if (host === spec.value) return true;
  return spec.includeSubdomains ? host.endsWith(`.${spec.value}`) : host === `www.${spec.value}`;
}
