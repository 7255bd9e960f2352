/**
 * The native JSON API of the link-gap explorer (`/api/v1/…`): request and response shapes.
 * Pure types, imported by the server (src/api/native) and by the web UI (web/), so both sides
 * compile against one contract. docs/http-api.md §Native API describes every route.
 */

import type {
  Evidence,
  EvidenceLink,
  IndexFacts,
  Overlap,
  ProspectRow,
  ProspectSort,
  ProspectSortField,
  TargetFreshness,
} from '../../engine/explore-types.js';

export type {
  Evidence,
  EvidenceLink,
  IndexFacts,
  Overlap,
  ProspectRow,
  ProspectSort,
  ProspectSortField,
  TargetFreshness,
};

/**
 * How a competitor or my-site entry matches:
 * - `auto`: an http(s) URL is that exact page; a host or domain includes its subdomains;
 * - `subdomains`: the entry's host (or domain) and every subdomain of it;
 * - `host`: the entry's host only (and its `www.` twin);
 * - `page`: the exact URL (the entry must be an http(s) URL);
 * - `prefix`: every URL starting with the entry (my sites only; an http(s) URL).
 */
export type SiteScope = 'auto' | 'subdomains' | 'host' | 'page' | 'prefix';

/** A competitor or one of my sites: a domain, host or URL (≤ 1000 chars) and its scope. */
export interface SiteEntry {
  value: string;
  scope: SiteScope;
}

/** One row per referring page, or per referring registrable domain. */
export type ExploreMode = 'pages' | 'domains';

/** Which backlinks count: seen at the last visit (live, the default), gone (lost), or both. */
export type ExploreStatus = 'live' | 'lost' | 'all';

/**
 * The question the explorer asks. Every link option narrows which backlinks to a competitor
 * count; a prospect must link (with counted backlinks) to at least `minMatching` competitors and
 * have no page (pages mode: itself; domains mode: any page of the domain) linking to my sites.
 */
export interface ExploreQuery {
  /** 1–20. */
  competitors: SiteEntry[];
  /** 0–10. */
  mySites: SiteEntry[];
  mode: ExploreMode;
  /** 1..competitors.length; null = all of them. */
  minMatching: number | null;
  dofollowOnly: boolean;
  /** 0–100: backlinks from sources whose domain rank is at least this; null = any. */
  minDomainRank: number | null;
  /** 0–100: backlinks from pages whose spam score is at most this (unscored pages kept). */
  maxSpamScore: number | null;
  /** Source page language (ISO 639-1, e.g. `en`); null = any. */
  language: string | null;
  /** Source host's country (ISO 3166-1 alpha-2, e.g. `DE`); null = any. */
  country: string | null;
  /** Source domain platform type (`blogs`, `cms`, `ecommerce`, `message-boards`, …); null = any. */
  platform: string | null;
  /** `YYYY-MM-DD`: backlinks first seen on or after that day (UTC); null = any. */
  firstSeenAfter: string | null;
  excludeTechnicalHosts: boolean;
  status: ExploreStatus;
}

/** `POST /api/v1/prospects` body. */
export interface ProspectsRequest {
  query: ExploreQuery;
  /** Default: matches desc. */
  sort?: ProspectSort;
  /** 0..1,000,000; default 0. */
  offset?: number;
  /** 1..1000; default 50. */
  limit?: number;
}

/** The served index generation an answer came from. */
export interface GenerationRef {
  generation: string;
  /** ISO 8601 UTC. */
  builtAt: string;
}

/** `POST /api/v1/prospects` answer. */
export interface ProspectsResponse extends GenerationRef {
  mode: ExploreMode;
  /** Per competitor: the normalised target it became (`page https://a.com/x`, `domain a.com`). */
  competitors: string[];
  /** Every prospect matching (no cap). */
  total: number;
  offset: number;
  items: ProspectRow[];
  /** Server-side query time in milliseconds. */
  tookMs: number;
}

/** `POST /api/v1/overlap` body. */
export interface OverlapRequest {
  query: ExploreQuery;
  /** Largest combinations listed (1..100, default 10). */
  combinations?: number;
}

/**
 * Prospects by how many competitors they link to, computed with `minMatching` = 1 (link
 * options and my sites applied); `combinations[].competitors` are 0-based competitor indexes.
 */
export interface OverlapResponse extends GenerationRef, Overlap {
  tookMs: number;
}

/** `POST /api/v1/evidence` body: every counted backlink from one prospect to each competitor. */
export interface EvidenceRequest {
  query: ExploreQuery;
  /** A `ProspectRow.prospect` of the same query (page URL or registrable domain). */
  prospect: string;
  /** Backlinks listed per competitor (1..1000, default 200); the count is always exact. */
  limit?: number;
}

/** `POST /api/v1/evidence` answer: per competitor, in the query's order. */
export interface EvidenceResponse extends GenerationRef, Evidence {
  tookMs: number;
}

/** `GET /api/v1/index` answer: what is in the served index (src/engine/explore-types.ts). */
export type IndexSummary = IndexFacts;

/** Every error of the native API (HTTP 4xx/5xx): a code, words, and the field at fault. */
export interface NativeError {
  error: {
    /** `invalid_request`, `unauthorized`, `not_found`, `method_not_allowed`, `too_large`, `rate_limited`, `internal`. */
    code: string;
    message: string;
    /** Path of the offending field (`query.competitors.2.value`), when one is at fault. */
    field?: string;
  };
}

/** `POST /api/v1/verify` body: fetch these referring pages now and check their links (pages mode). */
export interface VerifyRequest {
  query: ExploreQuery;
  /** 1–50 `ProspectRow.prospect` page URLs of the same query (pages in the index). */
  prospects: string[];
}

/** One target's link from a verified page, now. */
export interface VerifiedTarget {
  key: string;
  target: string;
  /** Did the index have a link from this page to the competitor. */
  indexed: boolean;
  /** `links`: the page links to it now; `removed`: indexed but gone now; `absent`; `unknown` (page not read). */
  verdict: 'links' | 'removed' | 'absent' | 'unknown';
  /** Anchors of the links now (`(image)` for image links). */
  anchors: string[];
}

/** One verified page. */
export interface VerifiedPage {
  url: string;
  /** ISO 8601 UTC of the fetch; null when it was not fetched. */
  checkedAt: string | null;
  status: number | null;
  /** `ok`, `gone` (4xx/5xx), `redirected`, `unreachable` (network, timeout), `disallowed` (robots.txt). */
  page: 'ok' | 'gone' | 'redirected' | 'unreachable' | 'disallowed';
  redirect: string | null;
  error: string | null;
  /** Per competitor, in the query's order. */
  targets: VerifiedTarget[];
}

/** `POST /api/v1/verify` answer: live checks, not stored (`linkgap recheck` stores and rebuilds). */
export interface VerifyResponse extends GenerationRef {
  checks: VerifiedPage[];
  tookMs: number;
}
