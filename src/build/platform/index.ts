/**
 * @module Platform types (cms, blogs, ecommerce, message-boards, wikis, news, organization) of
 * pages and domains from page evidence.
 */

export type { PlatformType } from './platform-rules.js';
export { PLATFORM_TYPES, SOFTWARE_TYPES } from './platform-rules.js';
export type { PlatformInput } from './platform-types.js';
export { domainPlatformTypes, pagePlatformTypes, softwareOfGenerator } from './platform-types.js';
