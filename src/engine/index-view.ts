/**
 * Typed access to a loaded index generation: the columns the engine reads, by meaning.
 */
import type { AnyColumn } from '../link-index/format.js';
import type { LinkIndexData, StringHeap } from '../link-index/index.js';
import { nullIdFor } from '../link-index/index.js';

/** A dictionary-encoded column: ids (null = `nul`) into a sorted heap. */
export interface DictColumn {
  ids: AnyColumn;
  nul: number;
  heap: StringHeap;
}

/** Everything the engine reads, resolved once at load. */
export interface IndexView {
  nLinks: number;
  nPages: number;
  nDomains: number;
  link: {
    page: Uint32Array;
    url: Uint32Array;
    host: Uint32Array;
    domainTo: DictColumn;
    flags: Uint16Array;
    rank: Int16Array;
    pageFromRank: Int16Array;
    domainFromRank: Int16Array;
    spam: Int16Array;
    urlToSpam: Int16Array;
    urlToStatus: Int16Array;
    firstSeen: Uint32Array;
    prevSeen: Uint32Array;
    lastSeen: Uint32Array;
    linksCount: Uint32Array;
    itemType: DictColumn;
    anchor: DictColumn;
    alt: DictColumn;
    textPre: DictColumn;
    textPost: DictColumn;
    semantic: DictColumn;
    redirect: DictColumn;
    attributes: DictColumn;
    path: DictColumn;
  };
  page: {
    url: StringHeap;
    domain: Uint32Array;
    flags: Uint8Array;
    status: Int16Array;
    size: Float64Array;
    internalLinks: Float64Array;
    externalLinks: Float64Array;
    pageRank: Int16Array;
    /** What one dofollow link from the page passes (0–1000). */
    pagePass: Int16Array;
    spamScore: Int16Array;
    /** Bit mask over `SPAM_SIGNALS`. */
    spamSignals: Uint32Array;
    hostSpamScore: Int16Array;
    /** Page p's links are `[linkStart[p], linkStart[p + 1])`. */
    linkStart: Uint32Array;
    tld: DictColumn;
    ip: DictColumn;
    country: DictColumn;
    platform: DictColumn;
    title: DictColumn;
    lang: DictColumn;
    encoding: DictColumn;
  };
  /** Per domain id; -32768 for domains without source pages or before ranks were built. */
  domain: { name: StringHeap; rank: Int16Array; pass: Int16Array; spamScore: Int16Array };
  urls: {
    name: StringHeap;
    offsets: Uint32Array;
    postings: Uint32Array;
    /** Source page and flags of each posting, in posting order. */
    postPage: Uint32Array;
    postFlags: Uint16Array;
    host: Uint32Array;
  };
  hosts: {
    keys: string[];
    offsets: Uint32Array;
    postings: Uint32Array;
    postPage: Uint32Array;
    postFlags: Uint16Array;
  };
}

/** Build the view of a loaded generation. */
export function createIndexView(d: LinkIndexData): IndexView {
  const col = <T extends AnyColumn>(n: string) => d.column(n) as T;
  const dict = (column: string, heap: string): DictColumn => {
    const e = d.manifest.columns[column];
    if (e === undefined) throw new Error(`index column ${column} missing`);
    return { ids: d.column(column), nul: nullIdFor(e.type), heap: d.heap(heap) };
  };
  const domainHeap = d.heap('domain_name');
  const domainTo = dict('link_domain_to', 'domain_name');
  return {
    nLinks: d.manifest.counts.links,
    nPages: d.manifest.counts.pages,
    nDomains: d.manifest.counts.domains,
    link: {
      page: col('link_page'),
      url: col('link_url'),
      host: col('link_host'),
      domainTo: { ...domainTo, heap: domainHeap },
      flags: col('link_flags'),
      rank: col('link_rank'),
      pageFromRank: col('link_page_from_rank'),
      domainFromRank: col('link_domain_from_rank'),
      spam: col('link_backlink_spam_score'),
      urlToSpam: col('link_url_to_spam_score'),
      urlToStatus: col('link_url_to_status_code'),
      firstSeen: col('link_first_seen'),
      prevSeen: col('link_prev_seen'),
      lastSeen: col('link_last_seen'),
      linksCount: col('link_links_count'),
      itemType: dict('link_item_type', 'dict_item_type'),
      anchor: dict('link_anchor', 'dict_anchor'),
      alt: dict('link_alt', 'dict_alt'),
      textPre: dict('link_text_pre', 'dict_text_pre'),
      textPost: dict('link_text_post', 'dict_text_post'),
      semantic: dict('link_semantic_location', 'dict_semantic_location'),
      redirect: dict('link_redirect_target', 'dict_redirect_target'),
      attributes: dict('link_attributes', 'dict_attributes'),
      path: dict('link_path', 'dict_path'),
    },
    page: {
      url: d.heap('page_url'),
      domain: col('page_domain'),
      flags: col('page_flags'),
      status: col('page_status'),
      size: col('page_size'),
      internalLinks: col('page_internal_links'),
      externalLinks: col('page_external_links'),
      pageRank: col('page_page_rank'),
      pagePass: col('page_page_pass'),
      spamScore: col('page_spam_score'),
      spamSignals: col('page_spam_signals'),
      hostSpamScore: col('page_host_spam_score'),
      linkStart: col('page_link_start'),
      tld: dict('page_tld', 'dict_tld'),
      ip: dict('page_ip', 'dict_ip'),
      country: dict('page_country', 'dict_country'),
      platform: dict('page_platform', 'dict_platform'),
      title: dict('page_title', 'dict_title'),
      lang: dict('page_lang', 'dict_lang'),
      encoding: dict('page_encoding', 'dict_encoding'),
    },
    domain: {
      name: domainHeap,
      rank: col('domain_rank'),
      pass: col('domain_pass'),
      spamScore: col('domain_spam_score'),
    },
    urls: {
      name: d.heap('url_name'),
      offsets: col('url_offsets'),
      postings: col('url_postings'),
      postPage: col('url_post_page'),
      postFlags: col('url_post_flags'),
      host: col('url_host'),
    },
    hosts: {
      keys: d.hostKeys,
      offsets: col('host_offsets'),
      postings: col('host_postings'),
      postPage: col('host_post_page'),
      postFlags: col('host_post_flags'),
    },
  };
}

/** The string of a dictionary column at row `i`, or null. */
export function dictText(c: DictColumn, i: number): string | null {
  const id = c.ids[i] as number;
  return id === c.nul ? null : c.heap.get(id);
}
