/**
 * The backlink fields as per-link accessors, so filters and order keys read them straight from
 * the index columns. Numbers, times (seconds) and booleans (0/1) read as numbers with NaN for
 * null; strings as ids of a sorted dictionary (id order = string order); arrays as ids of a
 * dictionary of JSON arrays.
 */
import type { RankScale } from '../core/query/intersect-query.js';
import { LINK_FLAG, NULL_I16, PAGE_FLAG } from '../link-index/index.js';
import type { DictColumn, IndexView } from './index-view.js';
import { scaleRankValue } from './values.js';

/** A field read per link. */
export type LinkField =
  | { kind: 'num'; get(link: number): number }
  | { kind: 'str'; id(link: number): number; text(id: number): string; size: number }
  | { kind: 'array'; id(link: number): number; items(id: number): string[]; size: number };

/** The fields of the backlink object, by name. */
export type LinkFields = ReadonlyMap<string, LinkField>;

const BACKLINK_TYPE = 'backlinks_page_intersection';

/** Build the accessors for one rank scale. */
export function createLinkFields(v: IndexView, scale: RankScale): LinkFields {
  const L = v.link;
  const P = v.page;
  const m = new Map<string, LinkField>();
  const flag = (bit: number) => (l: number) => ((L.flags[l] as number) & bit ? 1 : 0);
  const i16 = (a: Int16Array, rank: boolean) => {
    if (!rank || scale === 'one_thousand') {
      return (i: number) => {
        const x = a[i] as number;
        return x === NULL_I16 ? Number.NaN : x;
      };
    }
    const table = new Float64Array(1001).map((_, r) => scaleRankValue(r, scale) as number);
    return (i: number) => {
      const x = a[i] as number;
      if (x === NULL_I16) return Number.NaN;
      return x >= 0 && x <= 1000 ? (table[x] as number) : (scaleRankValue(x, scale) as number);
    };
  };
  const num = (name: string, get: (l: number) => number) => m.set(name, { kind: 'num', get });
  const linkDict = (name: string, c: DictColumn) =>
    m.set(name, {
      kind: 'str',
      id: (l) => {
        const x = c.ids[l] as number;
        return x === c.nul ? -1 : x;
      },
      text: (id) => c.heap.get(id),
      size: c.heap.count,
    });
  const pageDict = (name: string, c: DictColumn) =>
    m.set(name, {
      kind: 'str',
      id: (l) => {
        const x = c.ids[L.page[l] as number] as number;
        return x === c.nul ? -1 : x;
      },
      text: (id) => c.heap.get(id),
      size: c.heap.count,
    });
  const pageNum = (name: string, get: (p: number) => number) =>
    num(name, (l) => get(L.page[l] as number));
  const arrays = (c: DictColumn, perPage: boolean) => {
    const cache = new Map<number, string[]>();
    return {
      kind: 'array' as const,
      id: (l: number) => {
        const x = c.ids[perPage ? (L.page[l] as number) : l] as number;
        return x === c.nul ? -1 : x;
      },
      items: (id: number) => {
        let a = cache.get(id);
        if (a === undefined) {
          a = JSON.parse(c.heap.get(id)) as string[];
          cache.set(id, a);
        }
        return a;
      },
      size: c.heap.count,
    };
  };

  m.set('type', { kind: 'str', id: () => 0, text: () => BACKLINK_TYPE, size: 1 });
  m.set('domain_from', {
    kind: 'str',
    id: (l) => P.domain[L.page[l] as number] as number,
    text: (id) => v.domain.name.get(id),
    size: v.domain.name.count,
  });
  m.set('url_from', {
    kind: 'str',
    id: (l) => L.page[l] as number,
    text: (id) => P.url.get(id),
    size: P.url.count,
  });
  num('url_from_https', flag(LINK_FLAG.fromHttps));
  linkDict('domain_to', L.domainTo);
  m.set('url_to', {
    kind: 'str',
    id: (l) => L.url[l] as number,
    text: (id) => v.urls.name.get(id),
    size: v.urls.name.count,
  });
  num('url_to_https', flag(LINK_FLAG.toHttps));
  pageDict('tld_from', P.tld);
  num('is_new', flag(LINK_FLAG.new));
  num('is_lost', flag(LINK_FLAG.lost));
  num('backlink_spam_score', i16(L.spam, false));
  num('rank', i16(L.rank, true));
  num('page_from_rank', i16(L.pageFromRank, true));
  num('domain_from_rank', i16(L.domainFromRank, true));
  m.set('domain_from_platform_type', arrays(P.platform, true));
  pageNum('domain_from_is_ip', (p) => ((P.flags[p] as number) & PAGE_FLAG.isIp ? 1 : 0));
  pageDict('domain_from_ip', P.ip);
  pageDict('domain_from_country', P.country);
  pageNum('page_from_external_links', (p) => P.externalLinks[p] as number);
  pageNum('page_from_internal_links', (p) => P.internalLinks[p] as number);
  pageNum('page_from_size', (p) => P.size[p] as number);
  pageDict('page_from_encoding', P.encoding);
  pageDict('page_from_language', P.lang);
  pageDict('page_from_title', P.title);
  const status = i16(P.status, false);
  pageNum('page_from_status_code', status);
  num('first_seen', (l) => L.firstSeen[l] as number);
  num('prev_seen', (l) => {
    const s = L.prevSeen[l] as number;
    return s === 0 ? Number.NaN : s;
  });
  num('last_seen', (l) => L.lastSeen[l] as number);
  linkDict('item_type', L.itemType);
  m.set('attributes', arrays(L.attributes, false));
  num('dofollow', flag(LINK_FLAG.dofollow));
  num('original', flag(LINK_FLAG.original));
  linkDict('alt', L.alt);
  linkDict('anchor', L.anchor);
  linkDict('text_pre', L.textPre);
  linkDict('text_post', L.textPost);
  linkDict('semantic_location', L.semantic);
  num('links_count', (l) => L.linksCount[l] as number);
  num('group_count', () => 0);
  num('is_broken', flag(LINK_FLAG.broken));
  num('url_to_status_code', i16(L.urlToStatus, false));
  num('url_to_spam_score', i16(L.urlToSpam, false));
  linkDict('url_to_redirect_target', L.redirect);
  num('is_indirect_link', flag(LINK_FLAG.indirect));
  return m;
}
