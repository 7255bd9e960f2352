/**
 * The overlap view: how many prospects link to 1, 2, … N competitors, the largest sets of
 * prospects sharing exactly the same competitors, and per-competitor counts and freshness.
 */
import type { OverlapResponse } from '../../../src/api/native/types.js';
import { formatMs, shortTarget } from '../format.js';
import type { RequestState } from '../use-request.js';
import { Bars } from './bars.js';
import { FreshnessTable } from './freshness-table.js';
import { ErrorBox, Loading } from './status.js';

/** Props of `OverlapView`. */
export interface OverlapViewProps {
  overlap: RequestState<OverlapResponse>;
  /** Competitor names, in the query's order. */
  labels: readonly string[];
  /** Run the question again with "links to at least k". */
  onMinMatching: (k: number) => void;
}

/** The overlap view. */
export function OverlapView({ overlap, labels, onMinMatching }: OverlapViewProps) {
  if (overlap.error !== null) {
    return <ErrorBox error={overlap.error} title="The overlap could not be computed" />;
  }
  const o = overlap.data;
  if (o === null) return <Loading what="the overlap" />;
  const n = o.byCount.length;
  const atLeast = (k: number) => o.byCount.slice(k - 1).reduce((a, b) => a + b, 0);
  const name = (i: number) => shortTarget(labels[i] ?? o.freshness[i]?.target ?? `#${i + 1}`);
  return (
    <div class={overlap.loading ? 'overlap is-loading' : 'overlap'}>
      <section class="panel" aria-labelledby="ov-count">
        <h3 id="ov-count">Prospects by how many competitors they link to</h3>
        <p class="hint">
          Counted with “at least 1”, the other options as asked · {formatMs(o.tookMs)}
        </p>
        <Bars
          label="Prospects by number of competitors linked"
          bars={o.byCount.map((count, i) => ({
            key: String(i + 1),
            label: `${i + 1} of ${n}`,
            value: count,
            extra: (
              <button
                type="button"
                class="link-button"
                onClick={() => onMinMatching(i + 1)}
                disabled={atLeast(i + 1) === 0}
                title={`List the ${atLeast(i + 1)} prospects linking to at least ${i + 1}`}
              >
                list ≥ {i + 1}
              </button>
            ),
          }))}
        />
      </section>
      <section class="panel" aria-labelledby="ov-combos">
        <h3 id="ov-combos">Largest combinations</h3>
        {o.combinations.length === 0 ? (
          <p class="hint">No prospect links to any of the competitors with these options.</p>
        ) : (
          <Bars
            label="Prospects sharing exactly these competitors"
            bars={o.combinations.map((c) => ({
              key: c.competitors.join(','),
              label: (
                <span class="combo" title={c.competitors.map(name).join(' + ')}>
                  {c.competitors.map((i) => (
                    <span key={i} class="chip">
                      <span class="cnum">{i + 1}</span> {name(i)}
                    </span>
                  ))}
                </span>
              ),
              value: c.prospects,
            }))}
          />
        )}
      </section>
      <section class="panel" aria-labelledby="ov-fresh">
        <h3 id="ov-fresh">Per competitor</h3>
        <p class="hint">
          Prospects: those linking to this competitor (my sites and the link options applied).
          Backlinks and dates: everything the index holds for it, whatever the options.
        </p>
        <FreshnessTable freshness={o.freshness} prospects={o.perCompetitor} />
      </section>
    </div>
  );
}
