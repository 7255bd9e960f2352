/**
 * One polite request, as the crawl loop and the live checker both make it: robots.txt first
 * (itself a request to the host, so through the host gate), then — when robots.txt allows the
 * URL — the fetch through the gate after the host's delay (ours, or a longer Crawl-delay, capped).
 */
import type { HostGate, RobotsSource } from './crawl-deps.js';
import type { Fetcher, FetchOutcome, RobotsRules, Validators } from './types.js';

/** A robots.txt Crawl-delay above this (a day, say) would stall a host: it is capped. */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** What a polite request gave: refused by robots.txt (with its rules), or the fetch outcome. */
export type PoliteOutcome =
  | { refused: true; rules: RobotsRules }
  | { refused: false; outcome: FetchOutcome };

/** Ask robots.txt, then fetch `url` of `host` no sooner than its delay allows. */
export async function fetchPolitely(
  deps: { gate: HostGate; robots: RobotsSource; fetcher: Fetcher },
  url: string,
  host: string,
  perHostDelayMs: number,
  validators?: Validators,
): Promise<PoliteOutcome> {
  const rules = await deps.gate.run(host, 0, () => deps.robots.rulesFor(url));
  if (!rules.isAllowed(url)) return { refused: true, rules };
  const delay = Math.max(perHostDelayMs, Math.min(rules.crawlDelayMs ?? 0, MAX_CRAWL_DELAY_MS));
  const outcome = await deps.gate.run(host, delay, () =>
    deps.fetcher.fetch(url, validators === undefined ? {} : { validators }),
  );
  return { refused: false, outcome };
}
