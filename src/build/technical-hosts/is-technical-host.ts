/**
 * Lookup of the technical-host list: a host is technical when it or one of its parent domains
 * (label by label) is on the list.
 */
import type { TechnicalHost } from './technical-host-list.js';
import { TECHNICAL_HOSTS } from './technical-host-list.js';

const BY_HOST = new Map(TECHNICAL_HOSTS.map((e) => [e.host, e]));

/** The list entry covering a lower-case host (`fonts.gstatic.com` → gstatic.com's), if any. */
export function technicalHostEntry(host: string): TechnicalHost | undefined {
  let h = host.endsWith('.') ? host.slice(0, -1) : host;
  for (;;) {
    const hit = BY_HOST.get(h);
    if (hit !== undefined) return hit;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/** True when the host is on the technical-host list, itself or by a parent domain. */
export function isTechnicalHost(host: string): boolean {
  return technicalHostEntry(host) !== undefined;
}
