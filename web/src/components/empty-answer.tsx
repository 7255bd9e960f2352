/**
 * What to try when no prospect matches: fewer required competitors, no link filters; and which
 * competitors have no backlinks in this index at all (a typo or the wrong scope).
 */
import type { ExploreQuery, OverlapResponse } from '../../../src/api/native/types.js';
import { hasLinkFilters, withoutLinkFilters } from '../draft.js';
import { shortTarget } from '../format.js';

/** Props of `EmptyAnswer`. */
export interface EmptyAnswerProps {
  query: ExploreQuery;
  overlap: OverlapResponse | null;
  onRun: (q: ExploreQuery) => void;
}

/** The empty state of the prospect table. */
export function EmptyAnswer({ query, overlap, onRun }: EmptyAnswerProps) {
  const n = query.competitors.length;
  const strict = n > 1 && (query.minMatching === null || query.minMatching > 1);
  const unlinked = (overlap?.freshness ?? []).filter((f) => f.backlinks === 0);
  const reachable = overlap?.byCount.reduce((a, b) => a + b, 0);
  return (
    <div class="empty" role="status">
      <p class="empty-title">No prospects for this question.</p>
      <ul>
        {unlinked.map((f) => (
          <li key={f.target}>
            Nothing in this index links to <strong>{shortTarget(f.target)}</strong>: check the
            spelling and the scope (a host without “with subdomains” misses <code>www.</code> and
            other subdomains).
          </li>
        ))}
        {strict && reachable !== undefined && reachable > 0 && (
          <li>{reachable.toLocaleString('en-US')} prospects link to at least one of them.</li>
        )}
        {query.mySites.length > 0 && (
          <li>Prospects that already link to one of my sites are left out.</li>
        )}
      </ul>
      <p class="empty-actions">
        {strict && (
          <button
            type="button"
            class="secondary"
            onClick={() => onRun({ ...query, minMatching: 1 })}
          >
            Try at least 1 of {n}
          </button>
        )}
        {hasLinkFilters(query) && (
          <button type="button" class="secondary" onClick={() => onRun(withoutLinkFilters(query))}>
            Remove the link filters
          </button>
        )}
      </p>
    </div>
  );
}
