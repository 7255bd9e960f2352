/**
 * The link index's collected column stream (what a store's `readIndexColumns` sends) as rows of the ClickHouse link table: dictionary ids become strings, each link carries its
 * source page's columns, the words of text fields and the subnet of the page's IP are computed
 * once here, with the engine's own functions.
 */
import { wordsOf } from '../core/filter/words.js';
import { subnetOf } from '../core/url/subnet.js';
import { hostKey, LINK_FLAG } from '../link-index/index.js';
import type { IndexCollector } from '../link-index/index-collector.js';
import type { IndexDictionary } from '../store/index.js';

/** One row of the link table (see `LINK_TABLE_COLUMNS`). */
export type LinkRow = Record<string, string | number | string[] | null>;

/** Page columns sent as dictionary ids. */
const PAGE_DICTS = ['tld', 'ip', 'country', 'platform', 'title', 'lang', 'encoding'] as const;
/** Page columns sent as integers. */
const PAGE_INTS = [
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
const PAGE_DOUBLES = ['size', 'internal_links', 'external_links'] as const;
const LINK_DICTS = [
  'item_type',
  'anchor',
  'alt',
  'text_pre',
  'text_post',
  'semantic_location',
  'redirect_target',
  'attributes',
  'path',
] as const;
const LINK_INTS = [
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

/** A JSON array of strings, or [] (null, '[]' and anything unreadable). */
function listOf(json: string | null): string[] {
  if (json === null) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map((x) => String(x)) : [];
  } catch {
    return [];
  }
}

/** JSON numbers cannot be NaN: the link table's doubles travel as the string "nan". */
function double(x: number): number | string {
  return Number.isNaN(x) ? 'nan' : x;
}

/**
 * Link rows from a collected column stream: `rows(from, to)` gives links `[from, to)` in link
 * order, `seq` = link id. Page columns are converted once per page and shared by its links.
 */
export class LinkRowBuilder {
  readonly #c: IndexCollector;
  readonly #pages = new Map<number, Record<string, string | number | string[] | null>>();

  constructor(collected: IndexCollector) {
    this.#c = collected;
  }

  /** How many links there are. */
  get count(): number {
    return this.#c.linkCount;
  }

  #text(name: IndexDictionary, id: number): string | null {
    if (id < 0) return null;
    const v = this.#c.dictionary(name)[id];
    if (v === undefined) throw new Error(`clickhouse rows: ${name} id ${id} out of range`);
    return v;
  }

  #page(p: number): Record<string, string | number | string[] | null> {
    let row = this.#pages.get(p);
    if (row !== undefined) return row;
    const c = this.#c;
    row = {
      url_from: this.#text('page_url', p),
      domain_from: this.#text('domain', c.pageColumn('domain')[p] as number) ?? '',
    };
    for (const d of PAGE_DICTS) row[d] = this.#text(d, c.pageColumn(d)[p] as number);
    for (const n of PAGE_INTS) row[n] = c.pageColumn(n)[p] as number;
    for (const n of PAGE_DOUBLES) row[n] = double(c.pageDouble(n)[p] as number);
    row.platform_list = listOf(row.platform as string | null);
    row.subnet = row.ip === null ? null : subnetOf(row.ip as string);
    row.title_words = row.title === null ? [] : wordsOf(row.title as string);
    // Links are page-major: a page's row is needed only while its links are read.
    this.#pages.clear();
    this.#pages.set(p, row);
    return row;
  }

  /** Links `[from, to)` as rows. */
  rows(from: number, to: number): LinkRow[] {
    const c = this.#c;
    const out: LinkRow[] = [];
    const page = c.linkColumn('page');
    const flags = c.linkColumn('flags');
    for (let l = from; l < Math.min(to, c.linkCount); l++) {
      const p = this.#page(page[l] as number);
      const host = this.#text('host', c.linkColumn('host')[l] as number) ?? '';
      let f = flags[l] as number;
      if (p.is_technical === 1) f |= LINK_FLAG.fromTechnical;
      const row: LinkRow = {
        seq: l,
        url_to: this.#text('url', c.linkColumn('url')[l] as number) ?? '',
        host_to: host,
        host_key: hostKey(host),
        domain_to: this.#text('domain', c.linkColumn('domain_to')[l] as number) ?? '',
        flags: f,
      };
      for (const d of LINK_DICTS) row[d] = this.#text(d, c.linkColumn(d)[l] as number);
      for (const n of LINK_INTS) row[n] = c.linkColumn(n)[l] as number;
      row.attributes_list = listOf(row.attributes as string | null);
      for (const w of ['anchor', 'alt', 'text_pre', 'text_post'] as const) {
        const s = row[w] as string | null;
        row[`${w}_words`] = s === null ? [] : wordsOf(s);
      }
      Object.assign(row, p);
      out.push(row);
    }
    return out;
  }
}
