/**
 * Link rows read back from ClickHouse as a column stream (`IndexColumnSource`), so they can be
 * laid out by the link index writer exactly as a DuckDB build is: pages in URL order, every
 * dictionary in the writer's order, links page-major in their original link order (`seq`).
 */
import type {
  IndexChunk,
  IndexColumnSink,
  IndexDictionary,
  StepProgress,
  StoreStats,
} from '../store/index.js';
import { INDEX_DICTIONARIES } from '../store/index.js';

/** A link row as ClickHouse answers it (JSON; Float64 NaN arrives as null). */
export type StoredLinkRow = Record<string, unknown>;

/** The columns a hydrated row must carry (everything `readIndexColumns` sends). */
export const HYDRATED_COLUMNS = [
  'seq',
  'url_from',
  'domain_from',
  'url_to',
  'host_to',
  'domain_to',
  'flags',
  'item_type',
  'anchor',
  'alt',
  'text_pre',
  'text_post',
  'semantic_location',
  'redirect_target',
  'attributes',
  'path',
  'rank',
  'page_from_rank',
  'domain_from_rank',
  'backlink_spam_score',
  'url_to_spam_score',
  'url_to_status_code',
  'first_seen',
  'prev_seen',
  'last_seen',
  'links_count',
  'tld',
  'ip',
  'country',
  'platform',
  'title',
  'lang',
  'encoding',
  'is_ip',
  'is_technical',
  'spam_signals',
  'status',
  'page_rank',
  'page_pass',
  'domain_rank',
  'domain_pass',
  'spam_score',
  'host_spam_score',
  'domain_spam_score',
  'size',
  'internal_links',
  'external_links',
] as const;

/** Which row column fills each dictionary (domain: both ends of the link). */
const DICT_SOURCES: Record<IndexDictionary, readonly string[]> = {
  domain: ['domain_from', 'domain_to'],
  page_url: ['url_from'],
  url: ['url_to'],
  host: ['host_to'],
  tld: ['tld'],
  ip: ['ip'],
  country: ['country'],
  platform: ['platform'],
  title: ['title'],
  lang: ['lang'],
  encoding: ['encoding'],
  item_type: ['item_type'],
  anchor: ['anchor'],
  alt: ['alt'],
  text_pre: ['text_pre'],
  text_post: ['text_post'],
  semantic_location: ['semantic_location'],
  redirect_target: ['redirect_target'],
  attributes: ['attributes'],
  path: ['path'],
};

const PAGE_DICT_COLUMNS = [
  'tld',
  'ip',
  'country',
  'platform',
  'title',
  'lang',
  'encoding',
] as const;
const PAGE_INT_COLUMNS = [
  'is_ip',
  'is_technical',
  'spam_signals',
  'status',
  'page_rank',
  'page_pass',
  'domain_rank',
  'domain_pass',
  'spam_score',
  'host_spam_score',
  'domain_spam_score',
] as const;
const PAGE_DOUBLE_COLUMNS = ['size', 'internal_links', 'external_links'] as const;
/** Link dictionary columns: the row's column, its dictionary, the sink's column. */
const LINK_DICT_COLUMNS: ReadonlyArray<readonly [string, IndexDictionary, string]> = [
  ['url_to', 'url', 'url'],
  ['host_to', 'host', 'host'],
  ['domain_to', 'domain', 'domain_to'],
  ...(
    [
      'item_type',
      'anchor',
      'alt',
      'text_pre',
      'text_post',
      'semantic_location',
      'redirect_target',
      'attributes',
      'path',
    ] as const
  ).map((c) => [c, c, c] as const),
];
const LINK_INT_COLUMNS = [
  'flags',
  'rank',
  'page_from_rank',
  'domain_from_rank',
  'backlink_spam_score',
  'url_to_spam_score',
  'url_to_status_code',
  'first_seen',
  'prev_seen',
  'last_seen',
  'links_count',
] as const;

/** A nullable string cell ('' is null for `domain_to`, which is never null in the table). */
function text(row: StoredLinkRow, column: string): string | null {
  const v = row[column];
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s === '' && column === 'domain_to' ? null : s;
}

/** Rows of the link table as the source the link index writer reads. */
export class RowsColumnSource {
  readonly #rows: StoredLinkRow[];

  /** `rows`: every row of the units wanted, any order, each with `HYDRATED_COLUMNS`. */
  constructor(rows: StoredLinkRow[]) {
    this.#rows = rows;
  }

  async stats(): Promise<StoreStats> {
    return {
      sources: 0,
      captures: 0,
      captureLinks: 0,
      ingestErrors: 0,
      firstCapture: null,
      lastCapture: null,
      built: null,
    };
  }

  async readIndexColumns(sink: IndexColumnSink, onProgress?: StepProgress): Promise<void> {
    const rows = this.#rows;
    const ids = new Map<IndexDictionary, Map<string, number>>();
    for (const [i, name] of INDEX_DICTIONARIES.entries()) {
      onProgress?.(`dictionary ${name}`, i, INDEX_DICTIONARIES.length + 2);
      const values = new Set<string>();
      for (const r of rows) {
        for (const c of DICT_SOURCES[name]) {
          const v = text(r, c);
          if (v !== null) values.add(v);
        }
      }
      const ordered = sink.orderDictionary(name, [...values]);
      ids.set(name, new Map(ordered.map((v, k) => [v, k])));
    }
    const idOf = (name: IndexDictionary, v: string | null): number =>
      v === null ? -1 : (ids.get(name)?.get(v) ?? -1);
    const pageIds = ids.get('page_url') as Map<string, number>;
    const nPages = pageIds.size;
    sink.expect(nPages, rows.length);

    // One row per page (its first link's copy of the page columns), in page id order.
    const pageRow: StoredLinkRow[] = new Array(nPages);
    for (const r of rows) {
      const p = pageIds.get(String(r.url_from)) as number;
      if (pageRow[p] === undefined) pageRow[p] = r;
    }
    onProgress?.('pages', INDEX_DICTIONARIES.length, INDEX_DICTIONARIES.length + 2);
    const pages: IndexChunk = { page: Int32Array.from({ length: nPages }, (_, i) => i) };
    pages.domain = Int32Array.from(pageRow, (r) => idOf('domain', text(r, 'domain_from')));
    for (const c of PAGE_DICT_COLUMNS) {
      pages[c] = Int32Array.from(pageRow, (r) => idOf(c, text(r, c)));
    }
    for (const c of PAGE_INT_COLUMNS) pages[c] = Int32Array.from(pageRow, (r) => Number(r[c]));
    for (const c of PAGE_DOUBLE_COLUMNS) {
      pages[c] = Float64Array.from(pageRow, (r) => (r[c] === null ? Number.NaN : Number(r[c])));
    }
    sink.pages(pages);

    onProgress?.('links', INDEX_DICTIONARIES.length + 1, INDEX_DICTIONARIES.length + 2);
    const page = Int32Array.from(rows, (r) => pageIds.get(String(r.url_from)) as number);
    const order = Array.from(rows.keys()).sort(
      (a, b) =>
        (page[a] as number) - (page[b] as number) || Number(rows[a]?.seq) - Number(rows[b]?.seq),
    );
    const sorted = order.map((i) => rows[i] as StoredLinkRow);
    const links: IndexChunk = { page: Int32Array.from(order, (i) => page[i] as number) };
    for (const [c, dict, out] of LINK_DICT_COLUMNS) {
      links[out] = Int32Array.from(sorted, (r) => idOf(dict, text(r, c)));
    }
    for (const c of LINK_INT_COLUMNS) links[c] = Int32Array.from(sorted, (r) => Number(r[c]));
    sink.links(links);
  }
}
