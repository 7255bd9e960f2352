/**
 * @module engine: the query API the fronts call (`Engine`), answered from the link index.
 */

export { popcount } from './collect.js';
export { budgetedEngine, QueryTimeoutError, runWithin } from './deadline.js';
export type {
  Evidence,
  EvidenceLink,
  IndexFacts,
  Overlap,
  ProspectPage,
  ProspectRow,
  ProspectSink,
  ProspectSort,
  ProspectSortField,
  TargetFreshness,
} from './explore-types.js';
export { PROSPECT_SORT_FIELDS } from './explore-types.js';
export { excludeScopeMask, scopeOf, splitFlagFilter } from './flag-filter.js';
export { nullResult, numericValue } from './link-predicate.js';
export type {
  MozDomainRow,
  MozPageRow,
  MozQuery,
  MozResult,
  MozSort,
  MozSourcePage,
} from './moz-types.js';
export {
  engineFromData,
  LinkIndexEngine,
  openEngine,
  openLinkIndexEngine,
  type PagePlan,
} from './open-engine.js';
export type {
  Backlink,
  CountMap,
  DomainIntersectionItem,
  DomainTargetStats,
  Engine,
  IndexInfo,
  IndirectHop,
  IntersectionResult,
  PageIntersectionItem,
} from './types.js';
export { formatSeconds } from './values.js';
