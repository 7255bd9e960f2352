/**
 * An editable list of sites (competitors or my sites): one row per site with its text, its
 * scope and a remove button, and an add button below.
 */
import type { SiteEntry, SiteScope } from '../../../src/api/native/types.js';
import type { FieldError } from '../draft.js';
import { FieldMessage, invalidProps } from './field-error.js';

/** What each scope means, in the words of the form. */
export const SCOPE_LABELS: Record<SiteScope, string> = {
  auto: 'auto',
  subdomains: 'with subdomains',
  host: 'this host only',
  page: 'exact page',
  prefix: 'every URL under',
};

/** Props of `SiteList`. */
export interface SiteListProps {
  /** `c` (competitors) or `m` (my sites): the id prefix of the inputs. */
  prefix: 'c' | 'm';
  /** A row's name, e.g. `competitor`. */
  noun: string;
  rows: SiteEntry[];
  scopes: readonly SiteScope[];
  max: number;
  placeholder: string;
  errors: readonly FieldError[];
  onRows: (rows: SiteEntry[]) => void;
}

/** The rows and the add button; the caller draws the fieldset around them. */
export function SiteList(p: SiteListProps) {
  const set = (i: number, patch: Partial<SiteEntry>) =>
    p.onRows(p.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    p.onRows(p.rows.filter((_, j) => j !== i));
    // Keep the keyboard where it was: on the row that took this one's place, or the add button.
    requestAnimationFrame(() => {
      const next =
        document.getElementById(`${p.prefix}-${Math.min(i, p.rows.length - 2)}-value`) ??
        document.getElementById(`${p.prefix}-add`);
      next?.focus();
    });
  };
  const add = () => {
    p.onRows([...p.rows, { value: '', scope: 'auto' }]);
    requestAnimationFrame(() =>
      document.getElementById(`${p.prefix}-${p.rows.length}-value`)?.focus(),
    );
  };
  return (
    <>
      <ol class="site-rows">
        {p.rows.map((row, i) => {
          const id = `${p.prefix}-${i}`;
          return (
            <li class="site-row" key={i}>
              <label for={`${id}-value`} class="row-label">
                <span class="visually-hidden">
                  {p.noun[0]?.toUpperCase()}
                  {p.noun.slice(1)}{' '}
                </span>
                {i + 1}
              </label>
              <input
                id={`${id}-value`}
                type="text"
                inputMode="url"
                autoComplete="off"
                autoCapitalize="off"
                spellcheck={false}
                placeholder={i === 0 ? p.placeholder : ''}
                value={row.value}
                onInput={(e) => set(i, { value: e.currentTarget.value })}
                {...invalidProps(p.errors, `${id}-value`)}
              />
              <label for={`${id}-scope`} class="visually-hidden">
                Scope of {p.noun} {i + 1}
              </label>
              <select
                id={`${id}-scope`}
                value={row.scope}
                onChange={(e) => set(i, { scope: e.currentTarget.value as SiteScope })}
                {...invalidProps(p.errors, `${id}-scope`)}
              >
                {p.scopes.map((s) => (
                  <option key={s} value={s}>
                    {SCOPE_LABELS[s]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="icon-button"
                aria-label={`Remove ${p.noun} ${i + 1}`}
                title={`Remove ${p.noun} ${i + 1}`}
                onClick={() => remove(i)}
              >
                <span aria-hidden="true">×</span>
              </button>
              <FieldMessage errors={p.errors} id={`${id}-value`} />
              <FieldMessage errors={p.errors} id={`${id}-scope`} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`${p.prefix}-add`}
        class="link-button"
        onClick={add}
        disabled={p.rows.length >= p.max}
      >
        + Add {p.noun}
        {p.rows.length >= p.max ? ` (at most ${p.max})` : ''}
      </button>
    </>
  );
}
