/**
 * How the native API names a normalised target: `domain a.com`, `host blog.a.com (only)`,
 * `page https://a.com/x`, `prefix https://a.com/docs/`.
 */
import type { TargetSpec } from './intersect-query.js';

/** The label of a target or exclude spec. */
export function describeTarget(t: TargetSpec): string {
  const only = (t.kind === 'domain' || t.kind === 'host') && !t.includeSubdomains ? ' (only)' : '';
  return `${t.kind} ${t.value}${only}`;
}
