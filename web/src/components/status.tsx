/** Loading and error messages shared by every view. */
import type { ApiError } from '../api-client.js';

/** A polite "loading" line for screen readers and eyes. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** An API failure in words, with the field at fault when the server named one. */
export function ErrorBox({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div class="error-box" role="alert">
      <p class="error-title">{title ?? 'The question could not be answered'}</p>
      <p>
        {error.message}
        {error.field !== undefined && <span class="hint"> (field: {error.field})</span>}
      </p>
    </div>
  );
}
