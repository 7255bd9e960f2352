/**
 * The prospect table: the verify action above it, sortable headers (`aria-sort`), one ✓ column
 * per competitor (as the check says once the rows are verified), a button per row that opens
 * the evidence below it, and the pager.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type {
  ExploreQuery,
  ProspectSort,
  ProspectSortField,
  ProspectsResponse,
} from '../../../src/api/native/types.js';
import { formatCount, formatDay, formatScore, prospectHref, shortTarget } from '../format.js';
import type { PageParams } from '../url-state.js';
import { useVerify } from '../use-verify.js';
import { MAX_VERIFY } from '../verdict.js';
import { EvidencePanel } from './evidence-panel.js';
import { Pager } from './pager.js';
import { VerifyBar } from './verify-bar.js';
import { CheckLine, TickCell } from './verify-cells.js';

/** Props of `ProspectTable`. */
export interface ProspectTableProps {
  data: ProspectsResponse;
  /** The key of the prospects request `data` answers (the question, its run, sort and page). */
  answerKey: string;
  query: ExploreQuery;
  params: PageParams;
  /**
   * `data` is an earlier sort or window of the question, shown dimmed while the asked one
   * loads: its evidence, sort and paging controls are disabled, its evidence panels closed.
   */
  loading: boolean;
  onGo: (p: PageParams) => void;
}

interface Column {
  field: ProspectSortField;
  label: string;
  /** The direction of a first click: the useful end first (high ranks, low spam, A–Z). */
  first: ProspectSort['dir'];
  numeric: boolean;
  title?: string;
}

const COLUMNS: readonly Column[] = [
  { field: 'prospect', label: 'Prospect', first: 'asc', numeric: false },
  { field: 'domain_rank', label: 'Domain rank', first: 'desc', numeric: true, title: '0–100' },
  { field: 'page_rank', label: 'Page rank', first: 'desc', numeric: true, title: '0–100' },
  { field: 'spam_score', label: 'Spam', first: 'asc', numeric: true, title: 'Spam score 0–100' },
  {
    field: 'matches',
    label: 'Matches',
    first: 'desc',
    numeric: true,
    title: 'How many competitors it links to',
  },
  {
    field: 'backlinks',
    label: 'Backlinks',
    first: 'desc',
    numeric: true,
    title: 'Counted backlinks to the competitors',
  },
  { field: 'first_seen', label: 'First seen', first: 'desc', numeric: false },
];

/** The table, its caption line and the pager. */
export function ProspectTable({
  data,
  answerKey,
  query,
  params,
  loading,
  onGo,
}: ProspectTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { sort } = params;
  // A new question, sort or page closes every evidence panel.
  const windowKey = `${data.generation}|${data.offset}|${sort.field}.${sort.dir}|${data.total}`;
  useEffect(() => setOpen(new Set()), [windowKey]);
  const pages = useMemo(
    () => (data.mode === 'pages' ? data.items.slice(0, MAX_VERIFY).map((r) => r.prospect) : []),
    [data],
  );
  const verify = useVerify(answerKey, query, pages);

  const toggle = (p: string) => {
    const next = new Set(open);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    setOpen(next);
  };
  const onSort = (c: Column) => {
    const dir = sort.field === c.field ? (sort.dir === 'asc' ? 'desc' : 'asc') : c.first;
    onGo({ ...params, sort: { field: c.field, dir }, offset: 0 });
  };
  const span = COLUMNS.length + 2 + data.competitors.length;
  return (
    <div class={loading ? 'table-block is-loading' : 'table-block'}>
      <VerifyBar
        mode={data.mode}
        count={Math.min(data.items.length, MAX_VERIFY)}
        shown={data.items.length}
        request={verify.request}
        disabled={loading}
        onVerify={verify.start}
      />
      <div class="table-scroll">
        <table class={`prospects mode-${data.mode}`}>
          <caption class="visually-hidden">
            Prospects, sorted by {COLUMNS.find((c) => c.field === sort.field)?.label ?? sort.field}{' '}
            {sort.dir === 'asc' ? 'ascending' : 'descending'}
            {loading && ': loading, the rows shown are the earlier ones'}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="col-expand">
                <span class="visually-hidden">Evidence</span>
              </th>
              {COLUMNS.map((c) => {
                const active = sort.field === c.field;
                return (
                  <th
                    key={c.field}
                    scope="col"
                    class={c.numeric ? 'num' : c.field === 'prospect' ? 'prospect' : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      class="sort"
                      title={c.title}
                      onClick={() => onSort(c)}
                      disabled={loading}
                      data-sort={c.field}
                    >
                      <span class="sort-label">{c.label}</span>
                      <span class="sort-mark" aria-hidden="true">
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" class="plain-head">
                Last seen
              </th>
              {data.competitors.map((t, i) => (
                <th key={`${i}:${t}`} scope="col" class="tick-col" title={`Links to ${t}`}>
                  <span class="cnum">{i + 1}</span>
                  <span class="tick-name">{shortTarget(t)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((row, r) => {
              const isOpen = !loading && open.has(row.prospect);
              const evId = `ev-${data.offset + r}`;
              const href = prospectHref(row.prospect, data.mode);
              const check = verify.byUrl.get(row.prospect);
              return [
                <tr
                  key={row.prospect}
                  class={isOpen ? 'row is-open' : 'row'}
                  data-prospect={row.prospect}
                >
                  <td class="col-expand">
                    <button
                      type="button"
                      class="expand"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? evId : undefined}
                      aria-label={`Evidence for ${row.prospect}`}
                      onClick={() => toggle(row.prospect)}
                      disabled={loading}
                    >
                      <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                    </button>
                  </td>
                  <th scope="row" class="prospect">
                    {href === undefined ? (
                      <span class="url">{row.prospect}</span>
                    ) : (
                      <a class="url" href={href} target="_blank" rel="noopener noreferrer">
                        {data.mode === 'pages'
                          ? row.prospect.replace(/^https?:\/\//, '')
                          : row.prospect}
                      </a>
                    )}
                    {row.title !== null && row.title !== '' && (
                      <span class="page-title">{row.title}</span>
                    )}
                    {check !== undefined && <CheckLine check={check} now={verify.now} />}
                  </th>
                  <td class="num">{formatScore(row.domainRank)}</td>
                  <td class="num">{formatScore(row.pageRank)}</td>
                  <td class="num">{formatScore(row.spamScore)}</td>
                  <td class="num">
                    {row.matches}
                    <span class="of"> / {data.competitors.length}</span>
                  </td>
                  <td class="num">{formatCount(row.backlinks)}</td>
                  <td class="date" title={row.firstSeen ?? undefined}>
                    {formatDay(row.firstSeen)}
                  </td>
                  <td class="date" title={row.lastSeen ?? undefined}>
                    {formatDay(row.lastSeen)}
                  </td>
                  {data.competitors.map((t, i) => (
                    <TickCell
                      key={`${i}:${t}`}
                      linked={row.linked[i] === true}
                      target={check?.targets[i]}
                      name={shortTarget(t)}
                    />
                  ))}
                </tr>,
                isOpen && (
                  <tr key={`${row.prospect}#ev`} id={evId} class="evidence-row">
                    <td colSpan={span}>
                      <EvidencePanel
                        query={query}
                        prospect={row.prospect}
                        generation={data.generation}
                      />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      <Pager
        offset={data.offset}
        shown={data.items.length}
        total={data.total}
        limit={params.limit}
        disabled={loading}
        onOffset={(offset) => onGo({ ...params, offset })}
        onLimit={(limit) => onGo({ ...params, limit, offset: 0 })}
      />
    </div>
  );
}
