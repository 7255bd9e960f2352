/**
 * The rows of `link_gap`: one prospect per result item (referring domain or page) with its
 * domain rank, spam score and the competitors it links to, and their compact text table.
 */
import type { IntersectQuery } from '../../core/query/intersect-query.js';
import type {
  DomainIntersectionItem,
  IntersectionResult,
  PageIntersectionItem,
} from '../../engine/types.js';

/** One prospect. Ranks and scores are 0–100 (the query's `one_hundred` scale). */
export interface GapRow {
  prospect: string;
  domain_rank: number | null;
  spam_score: number | null;
  matching: number;
  links_to: string[];
  backlinks: number;
}

/**
 * Rows of an intersection result. Page items: the page URL, its domain rank and the highest
 * backlink spam score of the listed links; domain items: the domain, the highest `rank` (the
 * rank it passes) and the highest `backlinks_spam_score` over the competitors it links to.
 */
export function gapRows(
  r: IntersectionResult<PageIntersectionItem> | IntersectionResult<DomainIntersectionItem>,
): GapRow[] {
  const targetOf = (key: string): string => r.targets[key] ?? key;
  return r.items.map((item: PageIntersectionItem | DomainIntersectionItem) => {
    if ('page_intersection' in item) {
      const entries = Object.entries(item.page_intersection).filter(([, l]) => l.length > 0);
      const links = entries.flatMap(([, l]) => l);
      return {
        prospect: links[0]?.url_from ?? '',
        domain_rank: maxOf(links.map((l) => l.domain_from_rank)),
        spam_score: maxOf(links.map((l) => l.backlink_spam_score)),
        matching: item.summary.intersections_count,
        links_to: entries.map(([k]) => targetOf(k)),
        backlinks: links.length,
      };
    }
    const entries = Object.entries(item.domain_intersection);
    const stats = entries.map(([, s]) => s);
    return {
      prospect: stats[0]?.target ?? '',
      domain_rank: maxOf(stats.map((s) => s.rank)),
      spam_score: maxOf(stats.map((s) => s.backlinks_spam_score)),
      matching: item.summary.intersections_count,
      links_to: entries.map(([k]) => targetOf(k)),
      backlinks: stats.reduce((n, s) => n + s.backlinks, 0),
    };
  });
}

function maxOf(values: ReadonlyArray<number | null>): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

/** The text answer: one line of summary, then `prospect | domain rank | spam | links to`. */
export function renderGapTable(query: IntersectQuery, total: number, rows: GapRow[]): string {
  const unit = query.source === 'page' ? 'pages' : 'domains';
  const excludes = query.excludes.map((e) => e.raw);
  const head =
    `${total} referring ${unit} link to at least ${query.minMatching} of ${query.targets.length} ` +
    `competitor(s)` +
    (excludes.length > 0 ? ` and not to ${excludes.join(', ')}` : '') +
    `; showing ${rows.length}${rows.length < total ? ` (offset ${query.offset})` : ''}.`;
  if (rows.length === 0) return head;
  const lines = rows.map(
    (r) =>
      `${r.prospect} | ${r.domain_rank ?? '-'} | ${r.spam_score ?? '-'} | ${r.links_to.join(', ')}`,
  );
  return [head, 'prospect | domain rank (0-100) | spam score | links to', ...lines].join('\n');
}
