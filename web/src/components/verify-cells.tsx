/**
 * A prospect row's marks: the line under a verified page (when it was checked and its state)
 * and the ✓ / ✗ / – cell of each competitor, as indexed or as the page is now.
 */
import type { VerifiedPage, VerifiedTarget } from '../../../src/api/native/types.js';
import { formatAgo, formatDateTime } from '../format.js';
import { pageStateLabel, pageTone, tickView } from '../verdict.js';

/** `Checked 2 min ago · gone 404` under the prospect, the exact time in the `title`. */
export function CheckLine({ check, now }: { check: VerifiedPage; now: number }) {
  const state = pageStateLabel(check);
  return (
    <span class={`check-line tone-${pageTone(check)}`}>
      {check.checkedAt === null ? (
        'Not fetched'
      ) : (
        <>
          Checked{' '}
          <time dateTime={check.checkedAt} title={formatDateTime(check.checkedAt, true)}>
            {formatAgo(check.checkedAt, now)}
          </time>
        </>
      )}
      {' · '}
      <span class="check-state" title={state}>
        {state}
      </span>
    </span>
  );
}

/** One competitor's cell: `linked` as indexed, `target` the check of it (if any). */
export function TickCell({
  linked,
  target,
  name,
}: {
  linked: boolean;
  target: VerifiedTarget | undefined;
  name: string;
}) {
  const v = tickView(linked, target, name);
  return (
    <td class={`tick ${v.cls}`} title={target === undefined ? undefined : v.words}>
      <span aria-hidden="true">{v.mark}</span>
      {v.note !== null && (
        <span class="tick-note" aria-hidden="true">
          {v.note}
        </span>
      )}
      <span class="visually-hidden">{v.words}</span>
    </td>
  );
}
