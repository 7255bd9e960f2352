/**
 * Types of the synthetic-web generator: its options and summary (public), and the plan, page
 * facts and page documents it builds internally.
 */
import type { ItemType, PageSignals } from '../core/types.js';
import type { Software } from './names.js';
import type { Lang } from './words.js';

/** Progress report: `done` of `total` units of `phase`, `bytes` written so far in total. */
export interface GenerateProgress {
  phase: string;
  done: number;
  total: number;
  bytes: number;
}

/** Output format of the crawl files. */
export type GenerateFormat = 'warc' | 'ndjson';

/** Options of {@link generateWeb}. */
export interface GenerateOptions {
  /** Directory to write into (created if missing; existing generator files are overwritten). */
  outDir: string;
  /** Page slots (URLs of pages) in the web, default 2,000. Ignored when `links` is given. */
  pages?: number;
  /** Target number of link occurrences in the last snapshot (>= 1,000; hit within ±10%). */
  links?: number;
  /** PRNG seed (a 32-bit integer), default 1. */
  seed?: number;
  /** Crawl snapshots, about 3 months apart, default 2. */
  snapshots?: number;
  /** `warc` (default): gzipped WARC/1.1; `ndjson`: captures NDJSON, the fast path. */
  format?: GenerateFormat;
  onProgress?: (p: GenerateProgress) => void;
}

/** A most-linked domain, counted in the last snapshot over external links. */
export interface LinkedDomain {
  domain: string;
  /** Distinct registrable domains with at least one page linking here. */
  referringDomains: number;
  /** Link occurrences pointing here from other domains. */
  links: number;
}

/** What {@link generateWeb} wrote. */
export interface GenerateSummary {
  /** Sites with at least one capture. */
  sites: number;
  /** Distinct URLs captured over all snapshots. */
  pages: number;
  /** Captures written over all snapshots (a revisit counts as a capture). */
  captures: number;
  /** Link occurrences written over all snapshots (as listed in the truth). */
  links: number;
  /** Snapshot start dates, ISO 8601 UTC. */
  snapshots: string[];
  /** Absolute paths of the data files (WARC or captures NDJSON), in crawl order. */
  files: string[];
  /** Total size of `files` in bytes. */
  bytes: number;
  /** Absolute path of `truth.captures.ndjson`. */
  truthFile: string;
}

/** What kind of site a plan entry is; it drives templates, paths and link habits. */
export type SiteKind = 'blog' | 'shop' | 'news' | 'wiki' | 'forum' | 'corporate' | 'spam';

/** One site of the planned web: one host (plus its http:// and www. duplicates). */
export interface Site {
  index: number;
  /** Registrable domain. */
  domain: string;
  /** Host serving the site (`domain`, or `www.`/`blog.`/`shop.` + domain). */
  host: string;
  /** `https://host` (or `http://host` for the few http-only sites). */
  origin: string;
  kind: SiteKind;
  /** False for "dark" sites: linked to, never fetched. */
  captured: boolean;
  /** Page slots (URLs) of the site; slot 0 is the home page. */
  pages: number;
  /** Slots 0..core-1 are home, sections, about, contact, privacy: always live pages. */
  core: number;
  /** Section slugs (nav entries between home and about). */
  sections: string[];
  /** `<html lang>`; undefined for the sites that omit it. */
  lang: Lang | undefined;
  /** Language the text is written in. */
  textLang: Lang;
  /** Second language of a bilingual site (odd article slots), with hreflang alternates. */
  altLang: Lang | undefined;
  charset: 'utf-8' | 'windows-1251';
  software: Software | undefined;
  ip: string;
  server: string;
  /** http://host answers 301 to https://host for the home page and some pages. */
  httpUpgrade: boolean;
  /** www.host serves 200 duplicates that declare a canonical. */
  wwwDup: boolean;
  selfCanonical: boolean;
  fonts: boolean;
  /** Every page says `<meta name="robots" content="nofollow">`. */
  robotsNofollow: boolean;
  brand: string;
  name: string;
  /** Seconds between two fetches of the site's pages. */
  pace: number;
  /** Spam cluster id, or -1. */
  cluster: number;
  blogroll: number[];
  sponsors: number[];
  social: number[];
  founded: number;
  /** Holds the forced 2-hop redirect chain and the meta refresh page. */
  showcase: boolean;
}

/** Status of a page slot over the snapshots. */
export type PageKind = 'page' | 'moved' | 'gone' | 'error' | 'flaky' | 'refresh';

/** Facts of one page slot, derived from the seed alone (cheap: one hash, no allocation of text). */
export interface PageFacts {
  kind: PageKind;
  /** First snapshot in which the URL exists. */
  birth: number;
  /** First snapshot in which the URL answers 404 (snapshots when it lives on forever). */
  death: number;
  /** Slot that a moved or refresh page points to (always a lower slot: no cycles). */
  target: number;
  /** Redirect status of a moved page; error status of an error page. */
  status: number;
  /** Snapshot in which a flaky page answers 503. */
  flakyAt: number;
  hasHttp: boolean;
  hasRef: boolean;
  hasWww: boolean;
  chunked: boolean;
  gzip: boolean;
  /** Snapshot from which the text is rewritten (snapshots when never). */
  editAt: number;
  robots: boolean;
}

/** Where a link sits: its nearest enclosing HTML5 sectioning element, "" in `<head>`. */
export type SemanticLoc = '' | 'header' | 'nav' | 'article' | 'section' | 'aside' | 'footer';

/** One link occurrence of a page document, with what the HTML writer needs to render it. */
export interface DocLink {
  /** Normalised absolute URL (what an extractor must report). */
  url: string;
  /** The href as written in the HTML (unescaped; may be relative, carry a fragment …). */
  href: string;
  type: ItemType;
  anchor: string;
  /** Inner HTML of the anchor when it is not simply the escaped anchor text. */
  anchorHtml?: string;
  alt?: string;
  /** The rel attribute as written (case and duplicates kept). */
  relAttr?: string;
  /** rel tokens: lower-case, source order, deduplicated. */
  rel?: string[];
  hreflang?: string;
  blank?: boolean;
  img?: string;
  loc: SemanticLoc;
  /** Index of the (synthetic) site linked to, when it is another site. */
  to?: number;
}

/** A paragraph, list item or heading: text runs and links in order. */
export interface Block {
  tag: 'p' | 'li' | 'h1' | 'h2' | 'h3' | 'div';
  cls?: string;
  parts: Array<string | DocLink>;
}

/** A sectioning element of the body and what it holds. */
export interface Region {
  tag: 'header' | 'nav' | 'article' | 'section' | 'aside' | 'footer';
  cls?: string;
  blocks: Block[];
  children?: Region[];
  /** Set on sitewide regions reused by every page of a site: renderings memoised on first use. */
  shared?: SharedRender;
}

/** Memoised renderings of a sitewide region. */
export interface SharedRender {
  html?: string;
  /** Link JSON objects (UTF-8) joined by commas: full and truth forms, and how many. */
  full?: Uint8Array;
  truth?: Uint8Array;
  links?: number;
  /** Sites linked from the region (`DocLink.to`), in document order. */
  targets?: number[];
  /** Contact evidence bits of the region (page-signals.ts). */
  contact?: number;
}

/** Everything a page's HTML (and its capture record) is made from. */
export interface PageDoc {
  title: string;
  lang: Lang | undefined;
  charset: 'utf-8' | 'windows-1251';
  description?: string;
  generator?: string;
  robots?: string;
  /** Head links in document order: meta refresh, canonical, alternates, stylesheets, icon. */
  head: DocLink[];
  /** OpenGraph and Twitter tags (og:title = the title, og:type, twitter:card). */
  og: boolean;
  /** `<script src>` in the head after the links: site-relative paths or absolute URLs. */
  scripts: string[];
  /** Types of the page's JSON-LD block (none when empty). */
  schemaTypes: string[];
  /** What ingest reads from the page besides links (but `text_chars`), set once it is built. */
  signals?: PageSignals;
  /** Body regions in document order; `main` wraps those flagged by `mainFrom`..`mainTo`. */
  body: Region[];
  mainFrom: number;
  mainTo: number;
}

/** One fetch the crawl makes: the HTTP answer and, for 200 pages, the document. */
export interface CaptureSpec {
  url: string;
  /** Seconds since the epoch. */
  fetchedAt: number;
  status: number;
  /** Location header as sent (3xx). */
  location?: string;
  /** Normalised absolute redirect target (3xx). */
  redirect?: string;
  doc?: PageDoc;
  chunked: boolean;
  gzip: boolean;
  /** Key of this URL across snapshots: site, slot and variant (0 http, 1 main, 2 ref, 3 www). */
  site: number;
  slot: number;
  variant: number;
}

/** The planned web: every site, crawl order and link-target distributions. */
export interface WebPlan {
  seed: number;
  snapshots: number;
  sites: Site[];
  /** Indices of captured sites, in crawl order. */
  crawl: number[];
  /** First global page slot of each crawled site, plus the total at the end. */
  slotStart: Float64Array;
  /** Cumulative link popularity over `popSites` (normal sites, captured or dark). */
  popCdf: Float64Array;
  popSites: Int32Array;
  /** Spam clusters: member site indices. */
  clusters: number[][];
  /** Per spam cluster, the ordinary sites it promotes. */
  money: number[][];
  /** Start of each snapshot, seconds since the epoch. */
  snapshotTimes: number[];
  /**
   * Memo of sitewide regions by site: 4 variants (main/www origin × main/second language) of
   * [header, aside, footer]. Holds a few sites at a time.
   */
  chrome: Map<number, Array<Region | undefined | null>>;
}
