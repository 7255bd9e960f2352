/**
 * The writer's side of `LinkStore.readIndexColumns`: orders the dictionaries (UTF-16 string
 * order, hosts by reversed labels) and gathers the page and link columns.
 */
import type { IndexChunk, IndexColumnSink, IndexDictionary } from '../store/index.js';
import { hostKey } from './format.js';
import { Growable } from './growable.js';

/** Page columns as the store sends them. */
export const PAGE_COLUMNS = [
  'domain',
  'tld',
  'ip',
  'country',
  'platform',
  'title',
  'lang',
  'encoding',
  'is_ip',
  'status',
  'page_rank',
] as const;
/** Page columns sent as doubles. */
export const PAGE_DOUBLES = ['size', 'internal_links', 'external_links'] as const;
/** Link columns as the store sends them. */
export const LINK_COLUMNS = [
  'page',
  'url',
  'host',
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
] as const;

/** UTF-16 code unit order (what `<` does on strings). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collects everything `readIndexColumns` hands over. */
export class IndexCollector implements IndexColumnSink {
  readonly dictionaries = new Map<IndexDictionary, string[]>();
  readonly pageInts = new Map<string, Growable<Int32Array>>();
  readonly pageDoubles = new Map<string, Growable<Float64Array>>();
  readonly linkInts = new Map<string, Growable<Int32Array>>();
  pageCount = 0;
  linkCount = 0;

  constructor() {
    for (const c of PAGE_COLUMNS) this.pageInts.set(c, new Growable(Int32Array));
    for (const c of PAGE_DOUBLES) this.pageDoubles.set(c, new Growable(Float64Array));
    for (const c of LINK_COLUMNS) this.linkInts.set(c, new Growable(Int32Array, 1 << 16));
  }

  expect(pages: number, links: number): void {
    for (const c of PAGE_COLUMNS) this.pageInts.set(c, new Growable(Int32Array, pages + 1));
    for (const c of PAGE_DOUBLES) this.pageDoubles.set(c, new Growable(Float64Array, pages + 1));
    for (const c of LINK_COLUMNS) this.linkInts.set(c, new Growable(Int32Array, links + 1));
  }

  orderDictionary(name: IndexDictionary, values: string[]): string[] {
    let ordered: string[];
    if (name === 'host') {
      ordered = values
        .map(hostKey)
        .sort(compareStrings)
        .map((k) => k.split('\u0001').reverse().join('.'));
    } else {
      ordered = values.sort(compareStrings);
    }
    this.dictionaries.set(name, ordered);
    return ordered;
  }

  pages(chunk: IndexChunk): void {
    const page = column(chunk, 'page');
    for (let i = 0; i < page.length; i++) {
      if (page[i] !== this.pageCount + i) throw new Error('link index: pages out of order');
    }
    this.pageCount += page.length;
    for (const [name, g] of this.pageInts) g.pushAll(column(chunk, name));
    for (const [name, g] of this.pageDoubles) g.pushAll(column(chunk, name));
  }

  links(chunk: IndexChunk): void {
    for (const [name, g] of this.linkInts) g.pushAll(column(chunk, name));
    this.linkCount += column(chunk, 'page').length;
  }

  /** The dictionary's values in id order. */
  dictionary(name: IndexDictionary): string[] {
    return this.dictionaries.get(name) ?? [];
  }

  pageColumn(name: string): Int32Array {
    return (this.pageInts.get(name) as Growable<Int32Array>).view();
  }

  pageDouble(name: string): Float64Array {
    return (this.pageDoubles.get(name) as Growable<Float64Array>).view();
  }

  linkColumn(name: string): Int32Array {
    return (this.linkInts.get(name) as Growable<Int32Array>).view();
  }
}

function column(chunk: IndexChunk, name: string): Int32Array | Float64Array {
  const c = chunk[name];
  if (c === undefined) throw new Error(`link index: the store sent no column ${name}`);
  return c;
}
