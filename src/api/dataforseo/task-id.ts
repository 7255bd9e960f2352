/**
 * Task ids in DataForSEO's shape: `MMDDhhmm-XXXX-FFFF-0000-<12 hex>` (spec/dataforseo.md §7).
 */
import { randomBytes } from 'node:crypto';
import type { IntersectionEndpoint } from './parse-task.js';

/** DataForSEO's per-function code (the third group of a task id). */
export const FUNCTION_CODE: Readonly<Record<IntersectionEndpoint, string>> = {
  page_intersection: '0287',
  domain_intersection: '0268',
};

/** The second group: DataForSEO's varies by server; ours is constant. */
const SERVER_CODE = '1535';

/**
 * A new task id: UTC month, day, hour, minute of `now`, the server group, the function code,
 * `0000` and 12 random hex digits.
 * @example newTaskId('page_intersection', new Date('2026-03-21T19:12:00Z'))
 *   // '03211912-1535-0287-0000-fd766e2cbfdc'
 */
export function newTaskId(endpoint: IntersectionEndpoint, now: Date = new Date()): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const stamp =
    two(now.getUTCMonth() + 1) +
    two(now.getUTCDate()) +
    two(now.getUTCHours()) +
    two(now.getUTCMinutes());
  return `${stamp}-${SERVER_CODE}-${FUNCTION_CODE[endpoint]}-0000-${randomBytes(6).toString('hex')}`;
}
