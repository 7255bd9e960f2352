/**
 * @module A hook running one API request per key: a new key aborts the request in flight, and
 * the last good answer stays available while the next one loads (the table dims instead of
 * emptying).
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, isAbort } from './api-client.js';

/** Where a keyed request stands. `data` may belong to an earlier key while `loading`. */
export interface RequestState<T> {
  /** The key `data` (or `error`) belongs to. */
  key: string | null;
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/**
 * Runs `run` whenever `key` changes (not when `key` is `null`). `run` must use the signal it is
 * given; its closure is read when the key changes, so put everything it depends on in the key.
 */
export function useRequest<T>(
  key: string | null,
  run: (signal: AbortSignal) => Promise<T>,
): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({
    key: null,
    data: null,
    error: null,
    loading: false,
  });
  useEffect(() => {
    if (key === null) {
      setState({ key: null, data: null, error: null, loading: false });
      return undefined;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    run(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ key, data, error: null, loading: false });
      },
      (e: unknown) => {
        if (ctl.signal.aborted || isAbort(e)) return;
        const error =
          e instanceof ApiError
            ? e
            : new ApiError(`Something went wrong: ${String(e)}`, 0, 'internal');
        setState((s) => ({ key, data: s.data, error, loading: false }));
      },
    );
    return () => ctl.abort();
  }, [key]);
  return state;
}
