/**
 * A link to another view of the same state: a real `href` (open in a new tab, copy the link),
 * handled in place on a plain click.
 */
import type { ComponentChildren } from 'preact';
import { formatPageSearch, type PageParams, type View } from '../url-state.js';

/** Props of `ViewLink`. */
export interface ViewLinkProps {
  params: PageParams;
  view: View;
  current: boolean;
  onView: (v: View) => void;
  children: ComponentChildren;
}

/** A navigation link marked `aria-current="page"` when it shows the current view. */
export function ViewLink({ params, view, current, onView, children }: ViewLinkProps) {
  const search = formatPageSearch({ ...params, view });
  return (
    <a
      href={search === '' ? '/' : search}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        onView(view);
      }}
    >
      {children}
    </a>
  );
}
