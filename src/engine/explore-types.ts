/**
 * What the engine answers for the link-gap explorer (the native API, src/api/native): compact
 * prospect rows, the overlap between competitors, per-target freshness, one prospect's evidence
 * and the facts of the index. Ranks are on the 0–100 scale; times are
 * `YYYY-MM-DD hh:mm:ss +00:00`. Pure: the web UI imports it too.
 */

/** Sortable columns of the prospect table. */
export const PROSPECT_SORT_FIELDS = [
  'matches',
  'domain_rank',
  'page_rank',
  'spam_score',
  'backlinks',
  'first_seen',
  'prospect',
] as const;

/** A sortable column of the prospect table. */
export type ProspectSortField = (typeof PROSPECT_SORT_FIELDS)[number];

/**
 * A sort: the column and its direction; ties fall back to matches desc, domain rank desc, then
 * index order (unique, so windows never overlap; not URL order in page mode).
 */
export interface ProspectSort {
  field: ProspectSortField;
  dir: 'asc' | 'desc';
}

/** One prospect: a referring page (page source) or registrable domain (domain source). */
export interface ProspectRow {
  /** The page URL, or the registrable domain. */
  prospect: string;
  /** Pages: the page title; domains: null. */
  title: string | null;
  /** 0–100; null when unknown. */
  domainRank: number | null;
  /** 0–100: the page's rank (pages) or the best rank of its linking pages (domains). */
  pageRank: number | null;
  /** 0–100: the page's (pages) or the domain's (domains) spam score; null = never scored. */
  spamScore: number | null;
  /** How many competitors it links to. */
  matches: number;
  /** Per competitor, in the query's order: does it link to it. */
  linked: boolean[];
  /** Counted backlinks to the competitors (a link matching two competitors counts twice). */
  backlinks: number;
  /** Earliest first-seen time of those backlinks. */
  firstSeen: string | null;
  /** Latest last-seen time of those backlinks. */
  lastSeen: string | null;
}

/** Where an export's rows go (`Engine.exportProspects`). */
export interface ProspectSink {
  /** Once, when the plan is made and before any rows: how many rows will follow. */
  begin(total: number): Promise<void> | void;
  /** The next rows, in order; awaited before the next chunk is built. */
  rows(rows: ProspectRow[]): Promise<void> | void;
}

/** One window of prospects. */
export interface ProspectPage {
  /** Every prospect matching (no cap). */
  total: number;
  items: ProspectRow[];
}

/** How recent one target's backlinks in the index are. */
export interface TargetFreshness {
  /** The normalised target (`domain a.com`, `host blog.a.com`, `page https://a.com/x`). */
  target: string;
  /** Backlinks in the index pointing to it (any status, any link option). */
  backlinks: number;
  /** Of those, live ones. */
  liveBacklinks: number;
  /** Distinct referring pages of its live backlinks. */
  referringPages: number;
  /** When a page linking to it was last crawled; null = no backlinks. */
  lastSeen: string | null;
  /** The earliest first-seen of its backlinks. */
  firstSeen: string | null;
}

/** Prospects by how many targets they link to (the query with `minMatching` = 1). */
export interface Overlap {
  /** `byCount[i]` = prospects linking to exactly `i + 1` targets (length = targets). */
  byCount: number[];
  /** The largest sets of prospects sharing exactly the same targets (0-based), biggest first. */
  combinations: Array<{ competitors: number[]; prospects: number }>;
  /** Per target: prospects linking to it. */
  perCompetitor: number[];
  freshness: TargetFreshness[];
}

/** One backlink shown as evidence. */
export interface EvidenceLink {
  urlFrom: string;
  urlTo: string;
  anchor: string | null;
  alt: string | null;
  textPre: string | null;
  textPost: string | null;
  /** rel values and other link attributes (`nofollow`, `ugc`, `sponsored`, …). */
  rel: string[];
  dofollow: boolean;
  itemType: string;
  semanticLocation: string | null;
  isIndirect: boolean;
  isLost: boolean;
  /** 0–100. */
  rank: number | null;
  firstSeen: string;
  lastSeen: string;
}

/** Every counted backlink from one prospect, per target. */
export interface Evidence {
  prospect: string;
  competitors: Array<{ target: string; total: number; links: EvidenceLink[] }>;
}

/** Facts of the loaded index for the explorer's index page and form choices. */
export interface IndexFacts {
  generation: string;
  builtAt: string;
  links: number;
  pages: number;
  referringDomains: number;
  domains: number;
  hosts: number;
  targetUrls: number;
  captures: number | null;
  sources: number | null;
  firstCapture: string | null;
  lastCapture: string | null;
  crawlDates: string[];
  /** Values seen on source pages, most frequent first. */
  languages: string[];
  countries: string[];
  platforms: string[];
  /** The most linked-to registrable domains (external links). */
  topTargets: Array<{ domain: string; backlinks: number }>;
}
