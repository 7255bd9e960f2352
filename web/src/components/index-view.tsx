/**
 * The Index view: what the served index holds (captures, pages, links, domains, crawl days, the
 * last build) and how fresh the current competitors' backlinks are.
 */
import type { ExploreQuery, IndexSummary, OverlapResponse } from '../../../src/api/native/types.js';
import { formatCount, formatDateTime, formatDay, plural } from '../format.js';
import { countryName, languageName, platformName } from '../names.js';
import type { RequestState } from '../use-request.js';
import { FreshnessTable } from './freshness-table.js';
import { ErrorBox, Loading } from './status.js';

/** Props of `IndexView`. */
export interface IndexViewProps {
  summary: RequestState<IndexSummary>;
  query: ExploreQuery | null;
  overlap: RequestState<OverlapResponse>;
}

/** The view. */
export function IndexView({ summary, query, overlap }: IndexViewProps) {
  if (summary.error !== null) {
    return <ErrorBox error={summary.error} title="The index summary could not be loaded" />;
  }
  const s = summary.data ?? summary.stale?.data ?? null;
  if (s === null) return <Loading what="the index summary" />;
  const count = (n: number | null) => (n === null ? '—' : formatCount(n));
  const facts: Array<[string, string]> = [
    ['Captures', count(s.captures)],
    ['Sources read', count(s.sources)],
    ['Pages', count(s.pages)],
    ['Links', count(s.links)],
    ['Referring domains', count(s.referringDomains)],
    ['Domains', count(s.domains)],
    ['Hosts', count(s.hosts)],
    ['Target URLs', count(s.targetUrls)],
  ];
  return (
    <div class="index-view">
      <h1>What is in the index</h1>
      <p class="meta">
        Built <time dateTime={s.builtAt}>{formatDateTime(s.builtAt)}</time> · generation{' '}
        <code>{s.generation}</code>
      </p>
      <dl class="facts">
        {facts.map(([k, v]) => (
          <div key={k} class="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <section class="panel" aria-labelledby="ix-crawls">
        <h2 id="ix-crawls">Crawls</h2>
        <p>
          Captures from <strong>{formatDateTime(s.firstCapture)}</strong> to{' '}
          <strong>{formatDateTime(s.lastCapture)}</strong>
          {s.crawlDates.length > 0 && <> on {plural(s.crawlDates.length, 'day')}</>}.
        </p>
        {s.crawlDates.length > 0 && (
          <ul class="chips" aria-label="Crawl days">
            {s.crawlDates.map((d) => (
              <li key={d} class="chip">
                <time dateTime={d}>{formatDay(d)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="ix-fresh">
        <h2 id="ix-fresh">Freshness of the current competitors</h2>
        {query === null ? (
          <p class="hint">
            Ask a question in Explore to see how fresh its competitors’ backlinks are.
          </p>
        ) : overlap.error !== null ? (
          <ErrorBox error={overlap.error} title="Freshness could not be loaded" />
        ) : overlap.data === null ? (
          <Loading what="freshness" />
        ) : (
          <FreshnessTable freshness={overlap.data.freshness} />
        )}
      </section>
      <section class="panel" aria-labelledby="ix-top">
        <h2 id="ix-top">Most linked-to domains</h2>
        <ol class="top-targets">
          {s.topTargets.map((t) => (
            <li key={t.domain}>
              <span class="url">{t.domain}</span>{' '}
              <span class="hint">{plural(t.backlinks, 'backlink')}</span>
            </li>
          ))}
        </ol>
      </section>
      <section class="panel" aria-labelledby="ix-seen">
        <h2 id="ix-seen">Seen in the index</h2>
        <SeenList title="Languages" values={s.languages} name={languageName} />
        <SeenList title="Countries" values={s.countries} name={countryName} />
        <SeenList title="Platform types" values={s.platforms} name={platformName} />
      </section>
    </div>
  );
}

function SeenList(p: { title: string; values: readonly string[]; name: (c: string) => string }) {
  return (
    <>
      <h3>{p.title}</h3>
      {p.values.length === 0 ? (
        <p class="hint">none recorded</p>
      ) : (
        <ul class="chips" aria-label={p.title}>
          {p.values.map((v) => (
            <li key={v} class="chip">
              {p.name(v)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
