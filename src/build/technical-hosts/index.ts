/**
 * @module The technical-host list (CDNs, fonts, analytics, tag managers, social widgets,
 * namespaces) and its lookup.
 */
export { isTechnicalHost, technicalHostEntry } from './is-technical-host.js';
export type { TechnicalCategory, TechnicalHost } from './technical-host-list.js';
export { TECHNICAL_HOSTS } from './technical-host-list.js';
