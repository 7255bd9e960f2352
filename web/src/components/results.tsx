/**
 * The Answer: how many prospects and how long it took, the export links, the competitor legend,
 * and the prospect table or the overlap view below.
 */
import type {
  ExploreQuery,
  OverlapResponse,
  ProspectsResponse,
} from '../../../src/api/native/types.js';
import { exportHref } from '../api-client.js';
import { formatMs, plural, shortTarget } from '../format.js';
import type { PageParams } from '../url-state.js';
import type { RequestState } from '../use-request.js';
import { EmptyAnswer } from './empty-answer.js';
import { OverlapView } from './overlap-view.js';
import { ProspectTable } from './prospect-table.js';
import { ErrorBox, Loading } from './status.js';
import { ViewLink } from './view-link.js';

/** Props of `Results`. */
export interface ResultsProps {
  params: PageParams;
  query: ExploreQuery;
  prospects: RequestState<ProspectsResponse>;
  overlap: RequestState<OverlapResponse>;
  onGo: (p: PageParams) => void;
  onRun: (q: ExploreQuery) => void;
  /** Run `q` and show its prospect table. */
  onList: (q: ExploreQuery) => void;
}

/** Describes the question in one line: `domains linking to at least 2 of 3 competitors`. */
export function describeQuery(q: ExploreQuery): string {
  const n = q.competitors.length;
  const what = q.mode === 'domains' ? 'referring domains' : 'referring pages';
  const k =
    n === 1
      ? 'the competitor'
      : q.minMatching === null || q.minMatching >= n
        ? `all ${n} competitors`
        : `at least ${q.minMatching} of ${n} competitors`;
  const mine =
    q.mySites.length === 0
      ? ''
      : ` and not to ${q.mySites.length === 1 ? q.mySites[0]?.value : `any of my ${q.mySites.length} sites`}`;
  return `${what} linking to ${k}${mine}`;
}

/**
 * The results region. Totals, timings and export links are shown only with the answer to the
 * question described; while the next sort or page of the same question loads, the rows before
 * it stay dimmed and inert; a new question or a failed one shows no earlier rows at all.
 */
export function Results({ params, query, prospects, overlap, onGo, onRun, onList }: ResultsProps) {
  const data = prospects.data;
  const stale = prospects.loading ? (prospects.stale?.data ?? null) : null;
  const labels = data?.competitors ?? query.competitors.map((c) => c.value);
  const onView = (view: PageParams['view']) => onGo({ ...params, view });
  return (
    <section class="results" aria-labelledby="results-title" aria-busy={prospects.loading}>
      <div class="results-head">
        <div>
          <h2 id="results-title" aria-live="polite">
            {data !== null
              ? plural(data.total, 'prospect')
              : prospects.loading
                ? 'Searching…'
                : 'Prospects'}
          </h2>
          <p class="meta">
            {describeQuery(query)}
            {data !== null && <> · {formatMs(data.tookMs)}</>}
          </p>
        </div>
        {data !== null && (
          <p class="exports">
            <span>Download all:</span>{' '}
            <a class="button secondary" href={exportHref('csv', query, params.sort)} download>
              CSV
            </a>{' '}
            <a class="button secondary" href={exportHref('json', query, params.sort)} download>
              JSON
            </a>
          </p>
        )}
      </div>
      <ol class="legend" aria-label="Competitors">
        {labels.map((t, i) => (
          <li key={`${i}:${t}`} title={t}>
            <span class="cnum">{i + 1}</span> {shortTarget(t)}
          </li>
        ))}
      </ol>
      <nav class="tabs" aria-label="Result views">
        <ViewLink
          params={params}
          view="prospects"
          current={params.view === 'prospects'}
          onView={onView}
        >
          Prospects
        </ViewLink>
        <ViewLink
          params={params}
          view="overlap"
          current={params.view === 'overlap'}
          onView={onView}
        >
          Overlap
        </ViewLink>
      </nav>
      {prospects.error !== null && <ErrorBox error={prospects.error} />}
      {params.view === 'overlap' ? (
        <OverlapView
          overlap={overlap}
          labels={labels}
          onMinMatching={(k) => onList({ ...query, minMatching: k })}
        />
      ) : data === null ? (
        stale !== null && stale.total > 0 ? (
          <ProspectTable
            data={stale}
            answerKey={prospects.stale?.key ?? ''}
            query={query}
            params={params}
            loading
            onGo={onGo}
          />
        ) : (
          prospects.loading && <Loading what="prospects" />
        )
      ) : data.total === 0 ? (
        <EmptyAnswer query={query} overlap={overlap.data} onRun={onRun} />
      ) : (
        <ProspectTable
          data={data}
          answerKey={prospects.key ?? ''}
          query={query}
          params={params}
          loading={false}
          onGo={onGo}
        />
      )}
    </section>
  );
}
