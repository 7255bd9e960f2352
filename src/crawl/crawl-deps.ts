/**
 * The crawl loop's options, seams and reports (run-crawl.ts): what to crawl, what it runs on
 * (store, fetcher, robots, host gate, archive, clock), its progress and its summary.
 */
import type { LinkStore } from '../store/index.js';
import type { CrawlScopeKind } from './crawl-scope.js';
import type { CrawlVisit } from './crawl-visit.js';
import type { FetchedResponse, Fetcher, RobotsRules } from './types.js';

/** What to crawl. */
export interface CrawlOptions {
  seeds: readonly string[];
  scope: CrawlScopeKind;
  /** Distinct pages the crawl fetches in all (across resumed runs; recrawls not counted). */
  maxPages: number;
  /** Links followed from a seed at most this many times. */
  maxDepth: number;
  concurrency: number;
  /** Minimum ms between two requests to one host (robots Crawl-delay may ask for more). */
  perHostDelayMs: number;
  /** Re-fetch pages fetched longer ago than this (ms), with conditional requests; null = never. */
  recrawlAfterMs: number | null;
}

/** The robots.txt rules of a URL's origin. */
export interface RobotsSource {
  rulesFor(url: string): Promise<RobotsRules>;
}

/** Runs a task for a host once the host's delay since its last request has passed. */
export interface HostGate {
  run<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T>;
}

/** Where responses are archived (WARC: `CrawlWarcWriter`); a 304 is written as a revisit. */
export interface ResponseArchive {
  write(
    r: FetchedResponse,
    opts?: { revisitOf?: { url: string; date: string; payloadDigest?: string } },
  ): Promise<unknown>;
}

/** What the loop runs on. */
export interface CrawlDeps {
  store: LinkStore;
  fetcher: Fetcher;
  robots: RobotsSource;
  gate: HostGate;
  archive: ResponseArchive | null;
  now: () => number;
  /** Stop taking URLs; in-flight fetches finish and are committed. */
  signal?: AbortSignal;
  /** Each visit's outcome, as it happens (recheck reads the captures from it). */
  onVisit?: (v: CrawlVisit) => void;
  onProgress?: (p: CrawlProgress) => void;
}

/** Progress, after each commit. */
export interface CrawlProgress {
  fetched: number;
  queued: number;
  activeHosts: number;
  errors: Record<string, number>;
  elapsedMs: number;
}

/** What a run did. */
export interface CrawlSummary {
  crawl: string;
  /** Fetches this run (responses and failures). */
  fetched: number;
  captures: number;
  notModified: number;
  disallowed: number;
  /** Failures by class (timeout, network, dns, tls, too-large, protocol). */
  errors: Record<string, number>;
  /** Responses by status class (`2xx`, `3xx`, …). */
  statuses: Record<string, number>;
  discovered: number;
  interrupted: boolean;
  seconds: number;
  frontier: { queued: number; done: number; failed: number; disallowed: number };
}
