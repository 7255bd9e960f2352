/**
 * Turns the store's page and link rows into index columns: dictionary ids (provisional until
 * `finish`), flags, numbers with null sentinels.
 */
import { DictBuilder } from './dict-builder.js';
import { hostKey, LINK_FLAG, NULL_I16, PAGE_FLAG } from './format.js';
import { Growable } from './growable.js';

type Row = Record<string, unknown>;

/** Provisional null id in dictionary columns (the final width decides the stored sentinel). */
export const PENDING_NULL = 0xffffffff;

/** Names of the page dictionary columns. */
export const PAGE_DICTS = [
  'tld',
  'ip',
  'country',
  'platform',
  'title',
  'lang',
  'encoding',
] as const;
/** Names of the link dictionary columns. */
export const LINK_DICTS = [
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

const i16 = (v: unknown): number => {
  if (v === null || v === undefined) return NULL_I16;
  const n = Number(v);
  if (!Number.isInteger(n) || n < -32767 || n > 32767) {
    throw new Error(`link index: value ${String(v)} does not fit a 16-bit column`);
  }
  return n;
};
const f64 = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));
const secs = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const pending = (id: number): number => (id < 0 ? PENDING_NULL : id);
const jsonOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : JSON.stringify(v);

/** Everything collected from the rows, before renumbering. */
export class RowCollector {
  readonly domains = new DictBuilder();
  readonly urls = new DictBuilder();
  /** Keyed by `hostKey(host)`. */
  readonly hosts = new DictBuilder();
  readonly dicts = new Map<string, DictBuilder>();
  readonly pageIds = new Map<string, number>();
  readonly pageUrls: string[] = [];
  readonly pageCols = {
    domain: new Growable(Uint32Array),
    flags: new Growable(Uint8Array),
    status: new Growable(Int16Array),
    size: new Growable(Float64Array),
    internal_links: new Growable(Float64Array),
    external_links: new Growable(Float64Array),
    page_rank: new Growable(Int16Array),
  };
  readonly pageDictCols = new Map<string, Growable<Uint32Array>>();
  readonly linkCols = {
    page: new Growable(Uint32Array),
    url: new Growable(Uint32Array),
    host: new Growable(Uint32Array),
    domain_to: new Growable(Uint32Array),
    flags: new Growable(Uint16Array),
    rank: new Growable(Int16Array),
    page_from_rank: new Growable(Int16Array),
    domain_from_rank: new Growable(Int16Array),
    backlink_spam_score: new Growable(Int16Array),
    url_to_spam_score: new Growable(Int16Array),
    url_to_status_code: new Growable(Int16Array),
    first_seen: new Growable(Uint32Array),
    prev_seen: new Growable(Uint32Array),
    last_seen: new Growable(Uint32Array),
    links_count: new Growable(Uint32Array),
  };
  readonly linkDictCols = new Map<string, Growable<Uint32Array>>();

  constructor() {
    for (const d of [...PAGE_DICTS, ...LINK_DICTS]) this.dicts.set(d, new DictBuilder());
    for (const d of PAGE_DICTS) this.pageDictCols.set(d, new Growable(Uint32Array));
    for (const d of LINK_DICTS) this.linkDictCols.set(d, new Growable(Uint32Array));
  }

  #dict(name: string, col: Map<string, Growable<Uint32Array>>, v: string | null): void {
    (col.get(name) as Growable<Uint32Array>).push(
      pending((this.dicts.get(name) as DictBuilder).add(v)),
    );
  }

  /** Add source pages, in url order. */
  addPages(rows: Row[]): void {
    const c = this.pageCols;
    for (const r of rows) {
      const url = String(r.url);
      this.pageIds.set(url, this.pageUrls.length);
      this.pageUrls.push(url);
      c.domain.push(this.domains.add(String(r.domain ?? '')));
      c.flags.push(r.is_ip === true ? PAGE_FLAG.isIp : 0);
      c.status.push(i16(r.status));
      c.size.push(f64(r.size));
      c.internal_links.push(f64(r.internal_links));
      c.external_links.push(f64(r.external_links));
      c.page_rank.push(i16(r.page_rank));
      const platform = Array.isArray(r.platform_type) ? r.platform_type : null;
      const dc = this.pageDictCols;
      this.#dict('tld', dc, (r.tld as string | null) ?? null);
      this.#dict('ip', dc, (r.ip as string | null) ?? null);
      this.#dict('country', dc, (r.country as string | null) ?? null);
      this.#dict('platform', dc, jsonOrNull(platform));
      this.#dict('title', dc, (r.title as string | null) ?? null);
      this.#dict('lang', dc, (r.lang as string | null) ?? null);
      this.#dict('encoding', dc, (r.encoding as string | null) ?? null);
    }
  }

  /** Add links, in link order. */
  addLinks(rows: Row[]): void {
    const c = this.linkCols;
    const dc = this.linkDictCols;
    for (const r of rows) {
      const page = this.pageIds.get(String(r.url_from));
      if (page === undefined) throw new Error(`link index: no page row for ${String(r.url_from)}`);
      c.page.push(page);
      c.url.push(this.urls.add(String(r.url_to)));
      c.host.push(this.hosts.add(hostKey(String(r.host_to ?? ''))));
      c.domain_to.push(pending(this.domains.add((r.domain_to as string | null) ?? null)));
      let flags = 0;
      if (r.dofollow === true) flags |= LINK_FLAG.dofollow;
      if (r.is_lost === true) flags |= LINK_FLAG.lost;
      if (r.is_new === true) flags |= LINK_FLAG.new;
      if (r.is_indirect_link === true) flags |= LINK_FLAG.indirect;
      if (r.is_internal === true) flags |= LINK_FLAG.internal;
      if (r.original === true) flags |= LINK_FLAG.original;
      if (r.is_broken === true) flags |= LINK_FLAG.broken;
      if (r.url_from_https === true) flags |= LINK_FLAG.fromHttps;
      if (r.url_to_https === true) flags |= LINK_FLAG.toHttps;
      c.flags.push(flags);
      c.rank.push(i16(r.rank));
      c.page_from_rank.push(i16(r.page_from_rank));
      c.domain_from_rank.push(i16(r.domain_from_rank));
      c.backlink_spam_score.push(i16(r.backlink_spam_score));
      c.url_to_spam_score.push(i16(r.url_to_spam_score));
      c.url_to_status_code.push(i16(r.url_to_status_code));
      c.first_seen.push(secs(r.first_seen));
      c.prev_seen.push(secs(r.prev_seen));
      c.last_seen.push(secs(r.last_seen));
      c.links_count.push(Number(r.links_count ?? 0));
      this.#dict('item_type', dc, String(r.item_type));
      this.#dict('anchor', dc, (r.anchor as string | null) ?? null);
      this.#dict('alt', dc, (r.alt as string | null) ?? null);
      this.#dict('text_pre', dc, (r.text_pre as string | null) ?? null);
      this.#dict('text_post', dc, (r.text_post as string | null) ?? null);
      this.#dict('semantic_location', dc, String(r.semantic_location ?? ''));
      this.#dict('redirect_target', dc, (r.url_to_redirect_target as string | null) ?? null);
      const attrs = Array.isArray(r.attributes) ? r.attributes : [];
      this.#dict('attributes', dc, JSON.stringify(attrs));
      this.#dict('path', dc, jsonOrNull(r.indirect_link_path));
    }
  }
}
