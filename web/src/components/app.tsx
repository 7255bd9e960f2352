/**
 * The explorer's root: keeps the page URL and the screen in step (every run, sort, page and
 * view is a history entry, so back/forward, reload and a pasted link show the same rows), and
 * owns the API requests the screens share.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_EXPLORE_QUERY } from '../../../src/api/native/explore-params.js';
import type { ExploreQuery, IndexSummary } from '../../../src/api/native/types.js';
import { fetchIndexSummary, fetchOverlap, fetchProspects } from '../api-client.js';
import {
  draftFromQuery,
  type FieldError,
  type FormDraft,
  fieldId,
  filledCompetitors,
  queryFromDraft,
} from '../draft.js';
import {
  formatPageSearch,
  type PageParams,
  parsePageState,
  queryKey,
  type View,
} from '../url-state.js';
import { useRequest } from '../use-request.js';
import { AskForm } from './ask-form.js';
import { IndexView } from './index-view.js';
import { Results } from './results.js';
import { ViewLink } from './view-link.js';

interface LocationState {
  params: PageParams;
  draft: FormDraft;
  errors: FieldError[];
}

function readLocation(): LocationState {
  const s = parsePageState(window.location.search);
  const r = queryFromDraft(s.draft);
  return {
    params: {
      query: r.ok ? r.query : null,
      sort: s.sort,
      offset: s.offset,
      limit: s.limit,
      view: s.view,
    },
    draft: s.draft,
    // A URL without competitors is a fresh form, not a mistake.
    errors: !r.ok && filledCompetitors(s.draft) > 0 ? r.errors : [],
  };
}

/**
 * The "try an example" question from the index's most linked-to domains: the top three are the
 * competitors, the fourth plays my site; referring domains linking to at least two of them.
 */
export function exampleQuery(summary: IndexSummary): ExploreQuery | null {
  const top = summary.topTargets.map((t) => ({ value: t.domain, scope: 'auto' as const }));
  const competitors = top.slice(0, 3);
  if (competitors.length === 0) return null;
  return {
    ...DEFAULT_EXPLORE_QUERY,
    competitors,
    mySites: top.slice(3, 4),
    minMatching: competitors.length > 1 ? 2 : null,
  };
}

/** The whole explorer. */
export function App() {
  const initial = useMemo(readLocation, []);
  const [params, setParams] = useState<PageParams>(initial.params);
  const [draft, setDraft] = useState<FormDraft>(initial.draft);
  const [formErrors, setFormErrors] = useState<FieldError[]>(initial.errors);
  // Edited since the last run: the server's complaint about a field no longer applies to it.
  const [edited, setEdited] = useState(false);
  // Bumped by every explicit run, so asking the same question again asks the server again.
  const [run, setRun] = useState(0);
  const [summaryTick, setSummaryTick] = useState(0);

  useEffect(() => {
    const onPop = () => {
      const s = readLocation();
      setParams(s.params);
      setDraft(s.draft);
      setFormErrors(s.errors);
      setEdited(false);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = (next: PageParams, resetDraft = false) => {
    const search = formatPageSearch(next);
    window.history.pushState(null, '', search === '' ? window.location.pathname : search);
    setParams(next);
    if (resetDraft && next.query !== null) {
      setDraft(draftFromQuery(next.query));
      setEdited(false);
    }
  };

  const { query, sort, offset, limit, view } = params;
  const qKey = query === null ? null : `${queryKey(query)}#${run}`;

  // The summary of the previous generation stays usable while the new one loads.
  const summary = useRequest(
    `index#${summaryTick}`,
    (signal) => fetchIndexSummary(signal),
    'index',
  );
  const summaryData = summary.data ?? summary.stale?.data ?? null;
  // Another sort or page of the same run keeps its rows on screen (dimmed) while it loads; a
  // new question or run does not.
  const prospects = useRequest(
    query !== null && view !== 'index'
      ? `${qKey}|${sort.field}.${sort.dir}|${offset}|${limit}`
      : null,
    (signal) => fetchProspects({ query: query as ExploreQuery, sort, offset, limit }, signal),
    qKey,
  );
  const emptyAnswer = prospects.data !== null && prospects.data.total === 0;
  const overlap = useRequest(
    query !== null && (view !== 'prospects' || emptyAnswer) ? qKey : null,
    (signal) => fetchOverlap({ query: query as ExploreQuery, combinations: 10 }, signal),
  );

  // serve follows new builds: when an answer comes from a newer generation, re-read the summary.
  const generation = prospects.data?.generation ?? overlap.data?.generation;
  useEffect(() => {
    const known = summary.data?.generation;
    if (generation !== undefined && known !== undefined && generation !== known) {
      setSummaryTick((t) => t + 1);
    }
  }, [generation, summary.data?.generation]);

  useEffect(() => {
    const names = query?.competitors.map((c) => c.value).join(', ');
    document.title =
      view === 'index'
        ? 'Index · linkgap'
        : names === undefined
          ? 'linkgap · link-gap explorer'
          : `${names} · link gap · linkgap`;
  }, [query, view]);

  const submit = (q: ExploreQuery, to: View = view === 'index' ? 'prospects' : view) => {
    setFormErrors([]);
    setRun((r) => r + 1);
    go({ query: q, sort, offset: 0, limit, view: to }, true);
  };
  const onSubmit = () => {
    const r = queryFromDraft(draft);
    if (!r.ok) {
      setFormErrors(r.errors);
      focusLater(r.errors[0]?.id);
      return;
    }
    submit(r.query);
  };
  const onExample = () => {
    if (summaryData === null) return;
    const q = exampleQuery(summaryData);
    if (q !== null) submit(q);
  };
  const onView = (v: View) => go({ ...params, view: v });
  const onDraft = (d: FormDraft) => {
    setDraft(d);
    setEdited(true);
    // Checked again on the next run; until then a fixed input should not stay red.
    if (formErrors.length > 0) setFormErrors([]);
  };

  const apiError = prospects.error ?? null;
  const serverFieldError: FieldError[] =
    apiError?.field !== undefined && !edited
      ? [{ id: fieldId(apiError.field), message: withoutPath(apiError.message, apiError.field) }]
      : [];

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <p class="brand">
          <span class="logo" aria-hidden="true" />
          linkgap <span class="brand-sub">link-gap explorer</span>
        </p>
        <nav aria-label="Main" class="main-nav">
          <ViewLink params={params} view="prospects" current={view !== 'index'} onView={onView}>
            Explore
          </ViewLink>
          <ViewLink params={params} view="index" current={view === 'index'} onView={onView}>
            Index
          </ViewLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view === 'index' ? (
          <IndexView summary={summary} query={query} overlap={overlap} />
        ) : (
          <>
            <AskForm
              draft={draft}
              onDraft={onDraft}
              errors={[...formErrors, ...serverFieldError]}
              summary={summaryData}
              busy={prospects.loading}
              onSubmit={onSubmit}
              onExample={onExample}
            />
            {query !== null && (
              <Results
                params={params}
                query={query}
                prospects={prospects}
                overlap={overlap}
                onGo={go}
                onRun={(q) => submit(q)}
                onList={(q) => submit(q, 'prospects')}
              />
            )}
          </>
        )}
      </main>
    </>
  );
}

/** `query.x: must be…` → `must be…`: beside its input the path says nothing. */
function withoutPath(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** Focus an input after the render that shows its error. */
function focusLater(id: string | undefined): void {
  if (id === undefined) return;
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
