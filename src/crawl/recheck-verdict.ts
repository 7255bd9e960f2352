/**
 * What a fresh fetch of a referring page says about the backlinks the index holds for it: per
 * target, the link is still there (with the anchor as seen now) or removed; for the page, it
 * answered, is gone (4xx/5xx), redirects elsewhere, could not be fetched, or robots.txt forbids it.
 */
import type { QueryTarget } from '../core/query/intersect-query.js';
import { urlMatchesTarget } from '../core/query/target-match.js';
import type { FrontierResult, StoredCapture } from '../store/index.js';

/** The page's state now. */
export type PageVerdict = 'ok' | 'gone' | 'redirected' | 'unreachable' | 'disallowed';

/** One target's link from the page, now. */
export interface TargetCheck {
  /** The target's key (`1`, `2`, …) and the string given for it. */
  key: string;
  target: string;
  /** Did the index have a link from this page to the target. */
  indexed: boolean;
  /** `links`: the page links to it now; `removed`: the index had a link, the page has none now. */
  verdict: 'links' | 'removed' | 'absent' | 'unknown';
  /** Anchors (or the item type in brackets, for images and other links) of the links now. */
  anchors: string[];
}

/** One page's recheck. */
export interface PageCheck {
  url: string;
  /** ISO 8601 UTC of the fetch, or null when it was not fetched. */
  checkedAt: string | null;
  status: number | null;
  page: PageVerdict;
  /** Where a 3xx points. */
  redirect: string | null;
  /** Why a fetch failed or was refused. */
  error: string | null;
  targets: TargetCheck[];
}

/** The verdict of one page from its visit; `indexed` = the target keys the index had links to. */
export function pageCheck(
  url: string,
  targets: readonly QueryTarget[],
  indexed: ReadonlySet<string>,
  capture: StoredCapture | null,
  result: FrontierResult | null,
): PageCheck {
  const status = result?.status ?? null;
  let page: PageVerdict;
  if (result === null || result.state === 'failed') page = 'unreachable';
  else if (result.state === 'disallowed') page = 'disallowed';
  else if (status !== null && status >= 300 && status < 400 && status !== 304) page = 'redirected';
  else if (status !== null && status >= 400) page = 'gone';
  else page = 'ok';
  const readable = page === 'ok' && capture !== null && capture.revisit === undefined;
  return {
    url,
    checkedAt: result?.fetchedAt ?? null,
    status,
    page,
    redirect: capture?.redirect_location ?? null,
    error: result?.error ?? null,
    targets: targets.map((t) => {
      const has = indexed.has(t.key);
      if (!readable) {
        // A 304 says the page did not change: the indexed links stand.
        const same = page === 'ok' && capture?.revisit !== undefined;
        return {
          key: t.key,
          target: t.raw,
          indexed: has,
          verdict: same ? (has ? 'links' : 'absent') : 'unknown',
          anchors: [],
        };
      }
      const links = (capture as StoredCapture).links.filter((l) => urlMatchesTarget(t, l.url));
      return {
        key: t.key,
        target: t.raw,
        indexed: has,
        verdict: links.length > 0 ? 'links' : has ? 'removed' : 'absent',
        anchors: [...new Set(links.map((l) => l.anchor || `(${l.item_type})`))],
      };
    }),
  };
}
