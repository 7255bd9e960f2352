/**
 * RobotsRules from a robots.txt body (robots-parser, RFC 9309 matching) and the two blanket
 * rule sets RFC 9309 prescribes when there is no file to read.
 */
import robotsParserModule from 'robots-parser';
import type { RobotsRules } from '../types.js';

// The package is CommonJS exporting the function itself; its typings declare an ESM default.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/**
 * The product token robots.txt groups are matched on: the leading `[A-Za-z_-]` run of a
 * User-Agent (RFC 9309 §2.2.1), e.g. `linkgap` for `linkgap/0.1 (+https://…)`.
 */
export function productToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? '*';
}

function isRobotsTxt(url: string): boolean {
  try {
    return new URL(url).pathname === '/robots.txt';
  } catch {
    return false;
  }
}

/**
 * Rules of `text`, the robots.txt at `robotsUrl`, for `userAgent`'s group (else `*`).
 * `isAllowed` is true for URLs of another origin (these rules do not speak for them) and for
 * /robots.txt itself; `crawlDelayMs` is the group's Crawl-delay (seconds, fractions kept) in ms.
 */
export function parseRobotsRules(robotsUrl: string, text: string, userAgent: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const token = productToken(userAgent);
  const delay = Number(robot.getCrawlDelay(token));
  return {
    isAllowed: (url) => isRobotsTxt(url) || robot.isAllowed(url, token) !== false,
    crawlDelayMs: Number.isFinite(delay) && delay >= 0 ? Math.round(delay * 1000) : null,
    source: 'fetched',
  };
}

/** 4xx: "unavailable", crawl anything (RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: RobotsRules = Object.freeze({
  isAllowed: () => true,
  crawlDelayMs: null,
  source: 'unavailable',
});

/** 5xx or network failure: "unreachable", crawl nothing for now (RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: RobotsRules = Object.freeze({
  isAllowed: (url: string) => isRobotsTxt(url),
  crawlDelayMs: null,
  source: 'unreachable',
});
