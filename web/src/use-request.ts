/**
 * @module A hook running one API request per key: a new key aborts the request in flight. An
 * answer is only ever handed out with the key it belongs to; the previous answer survives a new
 * key only as `stale`, only while the new one loads, and only when both keys share a `group`
 * (the same question in another sort or window, so the table can dim instead of emptying).
 * The state transitions are the pure `nextRequestState`.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, isAbort } from './api-client.js';

/** Where a keyed request stands. */
export interface RequestState<T> {
  /** The key asked for last (`null`: nothing asked); `data` and `error` belong to it. */
  key: string | null;
  /** The group of `key` (see `useRequest`). */
  group: string | null;
  /** The answer for `key`: `null` while it loads or when it failed. */
  data: T | null;
  /** Why `key` failed. */
  error: ApiError | null;
  loading: boolean;
  /**
   * While `key` loads: the last answer of an earlier key of the same group, with that key.
   * `null` otherwise (never set next to `data` or `error`).
   */
  stale: { key: string; data: T } | null;
}

/** What happens to a keyed request. */
export type RequestEvent<T> =
  | { type: 'reset' }
  | { type: 'start'; key: string; group: string }
  | { type: 'done'; key: string; data: T }
  | { type: 'fail'; key: string; error: ApiError };

/** Nothing asked. */
export function idleRequestState<T>(): RequestState<T> {
  return { key: null, group: null, data: null, error: null, loading: false, stale: null };
}

/** The state after `e`. An answer or failure for another key than the current one is dropped. */
export function nextRequestState<T>(s: RequestState<T>, e: RequestEvent<T>): RequestState<T> {
  switch (e.type) {
    case 'reset':
      return idleRequestState();
    case 'start': {
      let stale: RequestState<T>['stale'] = null;
      if (s.group !== null && s.group === e.group) {
        // The answer on screen, or the one kept while the previous key was loading.
        if (s.data !== null && s.key !== null) stale = { key: s.key, data: s.data };
        else if (s.loading) stale = s.stale;
      }
      return { key: e.key, group: e.group, data: null, error: null, loading: true, stale };
    }
    case 'done':
      if (e.key !== s.key) return s;
      return { ...s, data: e.data, error: null, loading: false, stale: null };
    case 'fail':
      if (e.key !== s.key) return s;
      return { ...s, data: null, error: e.error, loading: false, stale: null };
  }
}

/**
 * Runs `run` whenever `key` changes (not when `key` is `null`). `run` must use the signal it is
 * given; its closure is read when the key changes, so put everything it depends on in the key.
 * `group` (default: the key itself) says which earlier answers may stay on screen, dimmed, as
 * `stale` while the next one loads.
 */
export function useRequest<T>(
  key: string | null,
  run: (signal: AbortSignal) => Promise<T>,
  group: string | null = key,
): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>(idleRequestState);
  const wanted = group ?? key;
  useEffect(() => {
    const step = (e: RequestEvent<T>) => setState((s) => nextRequestState(s, e));
    if (key === null) {
      step({ type: 'reset' });
      return undefined;
    }
    const ctl = new AbortController();
    step({ type: 'start', key, group: wanted ?? key });
    run(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) step({ type: 'done', key, data });
      },
      (e: unknown) => {
        if (ctl.signal.aborted || isAbort(e)) return;
        const error =
          e instanceof ApiError
            ? e
            : new ApiError(`Something went wrong: ${String(e)}`, 0, 'internal');
        step({ type: 'fail', key, error });
      },
    );
    return () => ctl.abort();
  }, [key]);
  return currentRequestState(state, key, wanted);
}

/**
 * `s` as it stands for `key`: when the key has just changed and the effect that starts its
 * request has not run yet, the state that request will start from, so not even one render
 * shows an answer under a key it does not belong to.
 */
export function currentRequestState<T>(
  s: RequestState<T>,
  key: string | null,
  group: string | null = key,
): RequestState<T> {
  if (s.key === key) return s;
  if (key === null) return idleRequestState();
  return nextRequestState(s, { type: 'start', key, group: group ?? key });
}
