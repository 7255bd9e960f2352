/**
 * @module The "verify these prospects" action of one answer window: a click asks
 * `POST /api/v1/verify` for the pages on screen; the checks belong to that window's key (the
 * question, its run, sort and page), so another question or page drops them and aborts a check
 * in flight, and they are looked up by page URL. One check at a time (`useRequest`'s key).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExploreQuery, VerifiedPage, VerifyResponse } from '../../src/api/native/types.js';
import { fetchVerify } from './api-client.js';
import { type RequestState, useRequest } from './use-request.js';

/** What `useVerify` gives the table. */
export interface VerifyState {
  request: RequestState<VerifyResponse>;
  /** The checks of the answer window, by page URL (empty until they arrive). */
  byUrl: ReadonlyMap<string, VerifiedPage>;
  /** The clock the relative check times are shown against (ticks each 30 s once checked). */
  now: number;
  /** Check `pages` now (ignored while a check runs). */
  start: () => void;
}

/**
 * The checks of the answer window `answerKey` (the prospects request's key), whose page URLs
 * are `pages` (at most 50; none in domains mode).
 */
export function useVerify(
  answerKey: string,
  query: ExploreQuery,
  pages: readonly string[],
): VerifyState {
  // The click that asked, for which window; a counter so the same window can be checked again.
  const [asked, setAsked] = useState<{ key: string; n: number } | null>(null);
  useEffect(() => setAsked(null), [answerKey]);
  const key = asked !== null && asked.key === answerKey ? `${answerKey}#verify${asked.n}` : null;
  const request = useRequest(key, (signal) =>
    fetchVerify({ query, prospects: [...pages] }, signal),
  );
  const checks = request.data?.checks;
  const byUrl = useMemo(() => new Map((checks ?? []).map((c) => [c.url, c])), [checks]);

  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (checks === undefined) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [checks]);

  const start = () => {
    if (request.loading || pages.length === 0) return;
    setAsked({ key: answerKey, n: (asked?.n ?? 0) + 1 });
  };
  return { request, byUrl, now, start };
}
