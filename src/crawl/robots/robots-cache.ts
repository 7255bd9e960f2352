/**
 * robots.txt per origin, fetched once and cached (RFC 9309): 2xx → its rules, 4xx → allow all,
 * 5xx / 429 / network → disallow all for now and ask again soon, redirects followed up to 5 hops.
 */
import type { Fetcher, RobotsRules } from '../types.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobotsRules } from './robots-rules.js';

/** Options of {@link createRobotsCache}. */
export interface RobotsCacheOptions {
  /** Fetches robots.txt (its retries apply; the cache asks for at most `maxBytes`). */
  fetcher: Fetcher;
  /** Our User-Agent; its product token (`linkgap` of `linkgap/0.1 …`) picks the group. */
  userAgent: string;
  /** How long fetched (2xx) and unavailable (4xx) rules are kept, ms (default 24 h). */
  ttlMs?: number;
  /** When an unreachable robots.txt is asked for again, ms (default 1 min). */
  unreachableRetryMs?: number;
  /** Most robots.txt bytes read (default 500 KiB, RFC 9309's minimum). */
  maxBytes?: number;
  /** Redirect hops followed (default 5); more is "unavailable". */
  maxRedirects?: number;
  /** Clock, ms (default Date.now). */
  now?: () => number;
}

/** robots.txt rules by origin. */
export interface RobotsCache {
  /** The rules of `url`'s origin; concurrent calls for one origin share one fetch. */
  rulesFor(url: string): Promise<RobotsRules>;
  /** `(await rulesFor(url)).isAllowed(url)`. */
  isAllowed(url: string): Promise<boolean>;
}

interface Entry {
  rules: RobotsRules;
  expiresAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A {@link RobotsCache}. When a refresh finds the file unreachable but the origin had rules
 * (fetched or unavailable), those are kept until the next attempt (RFC 9309 §2.4 allows a stale
 * copy while the file is unreachable).
 * @example const robots = createRobotsCache({ fetcher, userAgent: 'linkgap/0.1' });
 * if (await robots.isAllowed(url)) …
 */
export function createRobotsCache(opts: RobotsCacheOptions): RobotsCache {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? DAY_MS;
  const retry = opts.unreachableRetryMs ?? 60_000;
  const maxBytes = opts.maxBytes ?? 500 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<RobotsRules>>();

  async function load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let url = robotsUrl;
    for (let hop = 0; ; hop++) {
      const o = await opts.fetcher.fetch(url, { maxBodyBytes: maxBytes });
      if (!o.ok) return DISALLOW_ALL;
      const { status, headers, body } = o.response;
      if (status >= 200 && status < 300) {
        const text = new TextDecoder('utf-8').decode(body);
        return parseRobotsRules(robotsUrl, text, opts.userAgent);
      }
      if (status >= 300 && status < 400) {
        const location = headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
        const next = location === undefined ? undefined : URL.parse(location, url);
        if (next === null || next === undefined || hop >= maxRedirects) return ALLOW_ALL;
        url = next.href;
        continue;
      }
      // 429 asks us to slow down: treat it as the server error it stands for.
      if (status >= 400 && status < 500 && status !== 429) return ALLOW_ALL;
      return DISALLOW_ALL;
    }
  }

  async function refresh(origin: string): Promise<RobotsRules> {
    let rules = await load(origin).catch(() => DISALLOW_ALL);
    const previous = cache.get(origin)?.rules;
    const unreachable = rules.source === 'unreachable';
    if (unreachable && previous !== undefined && previous.source !== 'unreachable')
      rules = previous;
    cache.set(origin, { rules, expiresAt: now() + (unreachable ? retry : ttl) });
    return rules;
  }

  function rulesFor(url: string): Promise<RobotsRules> {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return Promise.resolve(DISALLOW_ALL);
    }
    const hit = cache.get(origin);
    if (hit !== undefined && hit.expiresAt > now()) return Promise.resolve(hit.rules);
    let p = pending.get(origin);
    if (p === undefined) {
      p = refresh(origin).finally(() => pending.delete(origin));
      pending.set(origin, p);
    }
    return p;
  }

  return {
    rulesFor,
    isAllowed: async (url) => (await rulesFor(url)).isAllowed(url),
  };
}
