/** Previous / next through the prospect rows, and the page size. */
import { rangeLabel } from '../format.js';
import { MAX_OFFSET, PAGE_SIZES } from '../url-state.js';

/** Props of `Pager`. */
export interface PagerProps {
  offset: number;
  shown: number;
  total: number;
  limit: number;
  /** Every control off (the rows above are loading). */
  disabled?: boolean;
  onOffset: (offset: number) => void;
  onLimit: (limit: number) => void;
}

/** The pager under the table. */
export function Pager({
  offset,
  shown,
  total,
  limit,
  disabled = false,
  onOffset,
  onLimit,
}: PagerProps) {
  const last = Math.min(Math.max(0, Math.floor((total - 1) / limit) * limit), MAX_OFFSET);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav class="pager" aria-label="Pages of prospects">
      <p class="pager-range" aria-live="polite">
        Rows {rangeLabel(offset, shown, total)}
        <span class="hint">
          {' '}
          · page {page.toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
        </span>
      </p>
      <div class="pager-buttons">
        <button
          type="button"
          class="secondary"
          disabled={disabled || offset === 0}
          onClick={() => onOffset(0)}
        >
          <span aria-hidden="true">«</span> First
        </button>
        <button
          type="button"
          class="secondary"
          disabled={disabled || offset === 0}
          onClick={() => onOffset(Math.max(0, offset - limit))}
        >
          <span aria-hidden="true">‹</span> Previous
        </button>
        <button
          type="button"
          class="secondary"
          disabled={disabled || offset + limit >= total || offset + limit > MAX_OFFSET}
          onClick={() => onOffset(offset + limit)}
        >
          Next <span aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          class="secondary"
          disabled={disabled || offset >= last}
          onClick={() => onOffset(last)}
        >
          Last <span aria-hidden="true">»</span>
        </button>
        <label for="page-size" class="page-size">
          Rows per page{' '}
          <select
            id="page-size"
            value={String(limit)}
            disabled={disabled}
            onChange={(e) => onLimit(Number(e.currentTarget.value))}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
    </nav>
  );
}
