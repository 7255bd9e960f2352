/**
 * Which discovered URLs a crawl follows: its scope (the seeds' hosts, their registrable
 * domains, or anything), its depth limit, the link types that lead to pages (anchors,
 * redirects, canonicals, meta refreshes — not images, scripts or styles), and the page's and
 * link's robots directives (`nofollow`/`noindex`/`none` in meta robots or X-Robots-Tag stop all
 * following from a page; `rel=nofollow` stops that link). Links are recorded either way.
 */
import type { Capture } from '../core/types.js';
import { hostFacts } from '../core/url/registrable-domain.js';

/** The crawl scope. */
export type CrawlScopeKind = 'host' | 'domain' | 'any';

/** Item types that point at pages to crawl. */
const FOLLOWED_TYPES: ReadonlySet<string> = new Set(['anchor', 'redirect', 'canonical', 'meta']);

/** A predicate on discovered URLs' hosts for the seeds' hosts. */
export function scopeTest(
  kind: CrawlScopeKind,
  seedHosts: readonly string[],
): (host: string) => boolean {
  if (kind === 'any') return () => true;
  const bare = (h: string) => (h.startsWith('www.') ? h.slice(4) : h);
  if (kind === 'host') {
    const hosts = new Set(seedHosts.map(bare));
    return (h) => hosts.has(bare(h));
  }
  const domains = new Set(seedHosts.map((h) => hostFacts(h).domain));
  return (h) => domains.has(hostFacts(h).domain);
}

/** True when the page's robots directives forbid following its links. */
export function pageForbidsFollowing(c: Capture): boolean {
  const words = `${c.meta?.robots ?? ''},${c.meta?.['x-robots-tag'] ?? ''}`
    .toLowerCase()
    .split(/[\s,]+/);
  return words.includes('nofollow') || words.includes('noindex') || words.includes('none');
}

/** The URLs of a capture to follow (in document order, once each), or none. */
export function linksToFollow(c: Capture, inScope: (host: string) => boolean): string[] {
  if (pageForbidsFollowing(c)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of c.links) {
    if (!FOLLOWED_TYPES.has(l.item_type) || l.rel?.includes('nofollow')) continue;
    if (!/^https?:\/\//.test(l.url) || seen.has(l.url)) continue;
    let host: string;
    try {
      host = new URL(l.url).hostname;
    } catch {
      continue;
    }
    if (!inScope(host)) continue;
    seen.add(l.url);
    out.push(l.url);
  }
  return out;
}
