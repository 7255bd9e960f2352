/**
 * @module The Moz Links API v2 `link_intersect` front: request parsing, paging tokens and the
 * whole call (used by the HTTP route and the MCP tool).
 */
export type { MozAnswer, MozBody, MozError } from './moz-response.js';
export { mozResponse } from './moz-response.js';
export type { TokenCheck, TokenCodec } from './next-token.js';
export { createTokenCodec, DEFAULT_TOKEN_TTL_SECONDS } from './next-token.js';
export type { MozRequest, MozScope } from './parse-request.js';
export {
  DEFAULT_MOZ_LIMIT,
  MAX_MOZ_LIMIT,
  MAX_MOZ_TARGETS,
  mozRequestShape,
  parseMozRequest,
  scopeSpecs,
} from './parse-request.js';
