/**
 * @module crawl: `createFetcher` (undici), `createRobotsCache` (RFC 9309), `createHostScheduler`
 * (politeness), `CrawlWarcWriter` (WARC/1.1), `parseConnectTo`, `classifyFetchError`, the seams.
 */
export { classifyFetchError, isRetriableClass } from './fetch/classify-fetch-error.js';
export {
  type ConnectToParse,
  type ConnectToRule,
  matchConnectTo,
  parseConnectTo,
} from './fetch/connect-to.js';
export {
  createFetcher,
  DEFAULT_FETCH_MAX_BODY_BYTES,
  DEFAULT_FETCH_TIMEOUT_MS,
  type FetcherOptions,
} from './fetch/create-fetcher.js';
export type { OversizePolicy } from './fetch/fetch-once.js';
export { createLiveChecker, type LiveChecker, type LiveCheckerOptions } from './live-check.js';
export {
  createHostScheduler,
  type HostScheduler,
  type HostSchedulerOptions,
  type HostSchedulerStats,
} from './politeness/host-scheduler.js';
export {
  type PageCheck,
  type PageVerdict,
  pageCheck,
  type TargetCheck,
} from './recheck-verdict.js';
export {
  createRobotsCache,
  type RobotsCache,
  type RobotsCacheOptions,
} from './robots/robots-cache.js';
export { productToken } from './robots/robots-rules.js';
export type {
  FetchErrorClass,
  FetchedResponse,
  Fetcher,
  FetchOptions,
  FetchOutcome,
  RobotsRules,
  Validators,
} from './types.js';
export {
  CrawlWarcWriter,
  type CrawlWarcWriterOptions,
  type WarcWriteResult,
} from './warc/crawl-warc-writer.js';
export type { RevisitOf } from './warc/fetch-records.js';
