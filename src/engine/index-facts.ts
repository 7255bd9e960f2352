/**
 * The facts of a loaded index for the explorer: the manifest's counts and capture summary, the
 * values seen on source pages (languages, countries, platform types, most frequent first) and
 * the most linked-to domains as example competitors. Computed once per generation.
 */
import { isTechnicalHost, TECHNICAL_HOSTS } from '../build/technical-hosts/index.js';
import { hostFacts } from '../core/url/registrable-domain.js';
import type { Manifest } from '../link-index/index.js';
import { LINK_FLAG } from '../link-index/index.js';
import type { IndexFacts } from './explore-types.js';
import type { DictColumn, IndexView } from './index-view.js';

/** How many example competitors are listed. */
const TOP_TARGETS = 8;

/** The index's facts. */
export function indexFacts(v: IndexView, m: Manifest): IndexFacts {
  const s = m.store;
  return {
    generation: m.generation,
    builtAt: m.builtAt,
    links: m.counts.links,
    pages: m.counts.pages,
    referringDomains: m.counts.referringDomains,
    domains: m.counts.domains,
    hosts: m.counts.hosts,
    targetUrls: m.counts.urls,
    captures: s?.captures ?? null,
    sources: s?.sources ?? null,
    firstCapture: s?.firstCapture ?? null,
    lastCapture: s?.lastCapture ?? null,
    crawlDates: s?.crawlDates ?? [],
    languages: byFrequency(v.page.lang),
    countries: byFrequency(v.page.country),
    platforms: byFrequency(v.page.platform, (text) => JSON.parse(text) as string[]),
    topTargets: topTargets(v),
  };
}

/** The distinct values of a page dictionary column, most pages first (ties by value). */
function byFrequency(c: DictColumn, split?: (text: string) => string[]): string[] {
  const perId = new Map<number, number>();
  for (let i = 0; i < c.ids.length; i++) {
    const id = c.ids[i] as number;
    if (id !== c.nul) perId.set(id, (perId.get(id) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [id, n] of perId) {
    const text = c.heap.get(id);
    for (const value of split === undefined ? [text] : split(text)) {
      if (value !== '' && value !== 'unknown') counts.set(value, (counts.get(value) ?? 0) + n);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

/** The registrable domains of the technical hosts (`googleapis.com` for `fonts.googleapis.com`). */
const TECHNICAL_DOMAINS: ReadonlySet<string> = new Set(
  TECHNICAL_HOSTS.map((h) => hostFacts(h.host).domain),
);

/**
 * Example competitors: registrable domains by live external backlinks pointing at them, among
 * the domains crawled in the index (a site one competes with, not a widget or CDN only linked
 * to) and not on or under the technical-host list.
 */
function topTargets(v: IndexView): Array<{ domain: string; backlinks: number }> {
  const { ids, nul, heap } = v.link.domainTo;
  const counts = new Uint32Array(heap.count);
  const skip = LINK_FLAG.internal | LINK_FLAG.lost | LINK_FLAG.fromTechnical;
  for (let l = 0; l < v.nLinks; l++) {
    if (((v.link.flags[l] as number) & skip) !== 0) continue;
    const id = ids[l] as number;
    if (id !== nul) counts[id] = (counts[id] as number) + 1;
  }
  const crawled = new Uint8Array(heap.count);
  for (let p = 0; p < v.nPages; p++) crawled[v.page.domain[p] as number] = 1;
  const best: number[] = [];
  for (let d = 0; d < counts.length; d++) {
    if ((counts[d] as number) === 0 || crawled[d] === 0) continue;
    const name = heap.get(d);
    if (!isTechnicalHost(name) && !TECHNICAL_DOMAINS.has(name)) best.push(d);
  }
  best.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  return best
    .slice(0, TOP_TARGETS)
    .map((d) => ({ domain: heap.get(d), backlinks: counts[d] as number }));
}
