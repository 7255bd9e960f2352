/**
 * Above the prospect table: the "Verify these N prospects" button, what the check is doing
 * (progress, then the summary line), and its failure. Domains cannot be fetched, so in domains
 * mode the button is off with a word why.
 */
import type { ExploreMode, VerifyResponse } from '../../../src/api/native/types.js';
import { formatMs, plural } from '../format.js';
import type { RequestState } from '../use-request.js';
import { MAX_VERIFY, verifySummary } from '../verdict.js';
import { ErrorBox } from './status.js';

/** Props of `VerifyBar`. */
export interface VerifyBarProps {
  mode: ExploreMode;
  /** Pages the button checks (the first `MAX_VERIFY` rows shown). */
  count: number;
  /** Rows shown on this page of the table. */
  shown: number;
  request: RequestState<VerifyResponse>;
  /** The table shows earlier rows while the next ones load. */
  disabled: boolean;
  onVerify: () => void;
}

/** The verify action and its outcome. */
export function VerifyBar({ mode, count, shown, request, disabled, onVerify }: VerifyBarProps) {
  const pages = mode === 'pages';
  const { data, loading, error } = request;
  return (
    <div class="verify-bar">
      <button
        type="button"
        class="secondary verify-button"
        disabled={!pages || count === 0 || loading || disabled}
        aria-describedby="verify-status"
        onClick={onVerify}
      >
        {count === 1 ? 'Verify this prospect' : `Verify these ${count} prospects`}
      </button>
      <p id="verify-status" class="verify-status" role="status">
        {!pages ? (
          <span class="hint">Switch to referring pages to verify: domains cannot be fetched.</span>
        ) : loading ? (
          <>
            <span class="spinner" aria-hidden="true" /> Verifying {plural(count, 'page')}…{' '}
            <span class="hint">
              fetched politely (robots.txt, a pause per host): this can take a while
            </span>
          </>
        ) : data !== null ? (
          <>
            <strong class="verify-summary">{verifySummary(data.checks)}</strong>{' '}
            <span class="hint">
              {plural(data.checks.length, 'page')} checked in {formatMs(data.tookMs)}
            </span>
          </>
        ) : (
          <span class="hint">
            Fetches {count < shown ? `the first ${MAX_VERIFY} rows of this page` : 'these pages'}{' '}
            now and checks that they still link.
          </span>
        )}
      </p>
      {error !== null && <ErrorBox error={error} title="The pages could not be verified" />}
    </div>
  );
}
