/**
 * One prospect's evidence: every backlink from that page (or from any page of that registrable
 * domain) to each target that counts under the query's link scope and filters, best rank first.
 * Read from the prospect's own pages' links (stored together per page), not the targets'
 * postings, so it costs the prospect's size, not the competitors'.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { describeTarget } from '../core/query/target-label.js';
import { hostFacts } from '../core/url/registrable-domain.js';
import { NULL_I16 } from '../link-index/index.js';
import { buildBacklink } from './backlink.js';
import type { DomainPages } from './domain-candidates.js';
import type { Evidence, EvidenceLink } from './explore-types.js';
import type { IndexView } from './index-view.js';

/** The unit id of a prospect string (page URL or registrable domain), or -1. */
export function prospectUnit(
  v: IndexView,
  domainPages: DomainPages,
  prospect: string,
  domainMode: boolean,
): number {
  if (domainMode) return v.domain.name.find(prospect);
  let host: string;
  try {
    host = new URL(prospect).hostname;
  } catch {
    return -1;
  }
  const d = v.domain.name.find(hostFacts(host).domain);
  if (d < 0) return -1;
  const { offsets, ids } = domainPages;
  for (let i = offsets[d] as number; i < (offsets[d + 1] as number); i++) {
    const p = ids[i] as number;
    if (v.page.url.get(p) === prospect) return p;
  }
  return -1;
}

/** The evidence of unit `u` (a page, or a domain in domain mode); `limit` links per target. */
export function runEvidence(
  v: IndexView,
  q: IntersectQuery,
  prospect: string,
  pages: number[],
  linksOfPages: (pages: number[]) => number[][][],
  limit: number,
): Evidence {
  const rankOf = (l: number) => {
    const r = v.link.rank[l] as number;
    return r === NULL_I16 ? -1 : r;
  };
  const perTarget: number[][] = q.targets.map(() => []);
  for (const lists of linksOfPages(pages)) {
    lists.forEach((links, t) => {
      for (const l of links) (perTarget[t] as number[]).push(l);
    });
  }
  const competitors = q.targets.map((t, i) => {
    const links = perTarget[i] as number[];
    links.sort((a, b) => rankOf(b) - rankOf(a) || a - b);
    return {
      target: describeTarget(t),
      total: links.length,
      links: links.slice(0, limit).map((l) => evidenceLink(v, l)),
    };
  });
  return { prospect, competitors };
}

function evidenceLink(v: IndexView, l: number): EvidenceLink {
  const b = buildBacklink(v, l, {
    rankScale: 'one_hundred',
    internalListLimit: 1000,
    explainSpam: false,
  });
  return {
    urlFrom: b.url_from,
    urlTo: b.url_to,
    anchor: b.anchor,
    alt: b.alt,
    textPre: b.text_pre,
    textPost: b.text_post,
    rel: b.attributes ?? [],
    dofollow: b.dofollow,
    itemType: b.item_type,
    semanticLocation: b.semantic_location === '' ? null : b.semantic_location,
    isIndirect: b.is_indirect_link,
    isLost: b.is_lost,
    rank: b.rank,
    firstSeen: b.first_seen,
    lastSeen: b.last_seen,
  };
}
