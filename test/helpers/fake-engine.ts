/**
 * A fake `Engine` for API tests: records the queries it gets and answers with small fixed
 * results built from them (one item per target, shapes as in src/engine/types.ts).
 */
import type { IntersectQuery } from '../../src/core/query/intersect-query.js';
import type { IndexFacts, ProspectRow } from '../../src/engine/explore-types.js';
import type { MozPageRow, MozQuery } from '../../src/engine/moz-types.js';
import type {
  Backlink,
  DomainIntersectionItem,
  DomainTargetStats,
  Engine,
  IndexInfo,
  IntersectionResult,
  PageIntersectionItem,
} from '../../src/engine/types.js';

/** A fake engine and what it saw. */
export interface FakeEngine extends Engine {
  queries: IntersectQuery[];
  /** The `linkIntersect` queries seen. */
  mozQueries: MozQuery[];
  /** How many Moz rows `linkIntersect` has in all (rows `src<i>.example.org/`). */
  mozTotal: number;
  closed: boolean;
  /** Make the next query throw this error. */
  failNext: Error | null;
  /** How many prospects `prospects` / `exportProspects` have in all (`https://p<i>.example.org/`). */
  prospectTotal: number;
  /** Make `exportProspects` throw once it has sent this many rows (null = never). */
  failExportAfter: number | null;
}

/** Fake prospect `i` of a query with `targets` targets: it links to every target. */
export function fakeProspect(i: number, targets: number): ProspectRow {
  return {
    prospect: `https://p${i}.example.org/`,
    title: `Prospect ${i}`,
    domainRank: 40,
    pageRank: 30,
    spamScore: i % 2 === 0 ? null : 5,
    matches: targets,
    linked: Array.from({ length: targets }, () => true),
    backlinks: targets,
    firstSeen: '2021-05-02 10:11:12 +00:00',
    lastSeen: '2023-03-14 09:13:44 +00:00',
  };
}

const FAKE_FACTS: Omit<IndexFacts, 'generation' | 'builtAt'> = {
  links: 1234,
  pages: 100,
  referringDomains: 10,
  domains: 12,
  hosts: 14,
  targetUrls: 300,
  captures: 150,
  sources: 2,
  firstCapture: '2026-01-01T00:00:00Z',
  lastCapture: '2026-04-01T00:00:00Z',
  crawlDates: ['2026-01-01', '2026-04-01'],
  languages: ['en', 'de'],
  countries: ['US'],
  platforms: ['blogs'],
  topTargets: [{ domain: 'example.com', backlinks: 40 }],
};

/** A backlink from `url_from` to `url_to` with plausible values (floats for `.ai` rounding). */
export function fakeBacklink(urlFrom: string, urlTo: string): Backlink {
  return {
    type: 'backlinks_page_intersection',
    domain_from: new URL(urlFrom).hostname,
    url_from: urlFrom,
    url_from_https: urlFrom.startsWith('https:'),
    domain_to: new URL(urlTo).hostname,
    url_to: urlTo,
    url_to_https: urlTo.startsWith('https:'),
    tld_from: 'com',
    is_new: false,
    is_lost: false,
    backlink_spam_score: 2,
    rank: 312,
    page_from_rank: 420,
    domain_from_rank: 615,
    domain_from_platform_type: ['blogs'],
    domain_from_is_ip: false,
    domain_from_ip: '203.0.113.7',
    domain_from_country: null,
    page_from_external_links: 38,
    page_from_internal_links: 0,
    page_from_size: 83123,
    page_from_encoding: 'utf-8',
    page_from_language: 'en',
    page_from_title: 'Links',
    page_from_status_code: 200,
    first_seen: '2021-05-02 10:11:12 +00:00',
    prev_seen: null,
    last_seen: '2023-03-14 09:13:44 +00:00',
    item_type: 'anchor',
    attributes: null,
    dofollow: true,
    original: true,
    alt: null,
    anchor: 'Read more',
    text_pre: '',
    text_post: 'and others',
    semantic_location: 'article',
    links_count: 1,
    group_count: 0,
    is_broken: false,
    url_to_status_code: 200,
    url_to_spam_score: 3,
    url_to_redirect_target: null,
    is_indirect_link: false,
    indirect_link_path: null,
  };
}

function fakeStats(domain: string): DomainTargetStats {
  return {
    type: 'backlinks_domain_intersection',
    target: domain,
    rank: 204,
    backlinks: 3,
    first_seen: '2019-03-10 07:41:05 +00:00',
    lost_date: null,
    backlinks_spam_score: 4,
    broken_backlinks: 0,
    broken_pages: 0,
    referring_domains: 1,
    referring_domains_nofollow: 0,
    referring_main_domains: 1,
    referring_main_domains_nofollow: 0,
    referring_ips: 1,
    referring_subnets: 1,
    referring_pages: 2,
    referring_pages_nofollow: 0,
    referring_links_tld: { org: 3 },
    referring_links_types: { anchor: 3 },
    referring_links_attributes: {},
    referring_links_platform_types: { blogs: 3 },
    referring_links_semantic_locations: { article: 2, '': 1 },
    referring_links_countries: {},
  };
}

function targetsOf(q: IntersectQuery): Record<string, string> {
  return Object.fromEntries(q.targets.map((t) => [t.key, t.raw]));
}

/** The fake. `info` is what `/health` reports. */
export function createFakeEngine(
  info: IndexInfo = {
    generation: 'g-test-1',
    builtAt: '2026-11-23T10:00:00.000Z',
    links: 1234,
    pages: 100,
    domains: 10,
  },
): FakeEngine {
  const engine: FakeEngine = {
    queries: [],
    mozQueries: [],
    mozTotal: 3,
    closed: false,
    failNext: null,
    prospectTotal: 3,
    failExportAfter: null,
    async prospects(q) {
      engine.queries.push(q);
      throwIfAsked(engine);
      const end = Math.min(engine.prospectTotal, q.offset + q.limit);
      const items: ProspectRow[] = [];
      for (let i = q.offset; i < end; i++) items.push(fakeProspect(i, q.targets.length));
      return { total: engine.prospectTotal, items };
    },
    async exportProspects(q, _sort, sink, chunk = 1000) {
      engine.queries.push(q);
      throwIfAsked(engine);
      await sink.begin(engine.prospectTotal);
      for (let i = 0; i < engine.prospectTotal; i += chunk) {
        if (engine.failExportAfter !== null && i >= engine.failExportAfter) {
          throw new Error('export failed half-way');
        }
        const end = Math.min(engine.prospectTotal, i + chunk);
        const rows: ProspectRow[] = [];
        for (let j = i; j < end; j++) rows.push(fakeProspect(j, q.targets.length));
        await sink.rows(rows);
      }
      return engine.prospectTotal;
    },
    async overlap(q) {
      engine.queries.push(q);
      throwIfAsked(engine);
      const n = q.targets.length;
      return {
        byCount: Array.from({ length: n }, (_, i) => (i === n - 1 ? engine.prospectTotal : 0)),
        combinations: [
          { competitors: Array.from({ length: n }, (_, i) => i), prospects: engine.prospectTotal },
        ],
        perCompetitor: Array.from({ length: n }, () => engine.prospectTotal),
        freshness: q.targets.map((t) => ({
          target: `${t.kind} ${t.value}`,
          backlinks: 5,
          liveBacklinks: 4,
          referringPages: 3,
          lastSeen: '2023-03-14 09:13:44 +00:00',
          firstSeen: '2021-05-02 10:11:12 +00:00',
        })),
      };
    },
    async evidence(q, prospect) {
      engine.queries.push(q);
      throwIfAsked(engine);
      if (!prospect.includes('example.org')) return null;
      return {
        prospect,
        competitors: q.targets.map((t) => {
          const b = fakeBacklink('https://p0.example.org/', `https://${t.value}/`);
          return {
            target: `${t.kind} ${t.value}`,
            total: 1,
            links: [
              {
                urlFrom: b.url_from,
                urlTo: b.url_to,
                anchor: b.anchor,
                alt: b.alt,
                textPre: b.text_pre,
                textPost: b.text_post,
                rel: [],
                dofollow: b.dofollow,
                itemType: b.item_type,
                semanticLocation: b.semantic_location,
                isIndirect: false,
                isLost: false,
                rank: 31,
                firstSeen: b.first_seen,
                lastSeen: b.last_seen,
              },
            ],
          };
        }),
      };
    },
    async facts() {
      throwIfAsked(engine);
      return { generation: info.generation, builtAt: info.builtAt, ...FAKE_FACTS };
    },
    async pageIntersection(q): Promise<IntersectionResult<PageIntersectionItem>> {
      engine.queries.push(q);
      throwIfAsked(engine);
      const item: PageIntersectionItem = {
        page_intersection: Object.fromEntries(
          q.targets.map((t) => [
            t.key,
            [fakeBacklink('https://blog.example.org/post', `https://${t.value}/`)],
          ]),
        ),
        summary: { intersections_count: q.targets.length },
      };
      const items = [item].slice(q.offset, q.offset + q.limit);
      return { targets: targetsOf(q), total_count: 1, items_count: items.length, items };
    },
    async domainIntersection(q): Promise<IntersectionResult<DomainIntersectionItem>> {
      engine.queries.push(q);
      throwIfAsked(engine);
      const items: DomainIntersectionItem[] = ['example.org', 'example.net'].map((d) => ({
        domain_intersection: Object.fromEntries(q.targets.map((t) => [t.key, fakeStats(d)])),
        summary: { intersections_count: q.targets.length },
      }));
      const page = items.slice(q.offset, q.offset + q.limit);
      return { targets: targetsOf(q), total_count: 2, items_count: page.length, items: page };
    },
    async linkIntersect(q) {
      engine.mozQueries.push(q);
      throwIfAsked(engine);
      const rows: MozPageRow[] = [];
      const end = Math.min(engine.mozTotal, q.offset + q.limit);
      for (let i = q.offset; i < end; i++) {
        rows.push({
          page: `src${i}.example.org/`,
          title: `Source ${i}`,
          domain_authority: 50,
          spam_score: -1,
          matching_target_indexes: Array.from({ length: q.positives }, (_, k) => k),
        });
      }
      return { total: engine.mozTotal, results: rows };
    },
    info: () => info,
    async close() {
      engine.closed = true;
    },
  };
  return engine;
}

function throwIfAsked(engine: FakeEngine): void {
  const e = engine.failNext;
  if (e !== null) {
    engine.failNext = null;
    throw e;
  }
}
