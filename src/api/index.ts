/**
 * @module api
 * The HTTP fronts: the Hono app (DataForSEO routes, health, OpenAPI, docs), auth, config, the
 * reloading engine and the Node server wrapper.
 */
export {
  type AppOptions,
  createApp,
  DEFAULT_BODY_LIMIT,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
} from './app.js';
export {
  type AuthConfig,
  authenticate,
  authenticateToken,
  type CredentialEntry,
  createAuthConfig,
  credentialCount,
  hashSecret,
  parseApiKeysEnv,
  replaceCredentials,
} from './auth.js';
export { FREE, type Pricing } from './dataforseo/pricing.js';
export { createJsonLogger, type Logger, SILENT_LOGGER } from './logger.js';
export { createTokenCodec, mozResponse, parseMozRequest, type TokenCodec } from './moz/index.js';
export { createReloadingEngine, pointerReader, type ReloadingEngine } from './reloading-engine.js';
export { isLoopbackHost, type RunningServer, startHttpServer } from './server.js';
export { parseServerConfig, type ServerConfigFile } from './server-config.js';
