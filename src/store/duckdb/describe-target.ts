/**
 * `LinkStore.describeTarget` on DuckDB: the page-facts columns of one page, or their summary
 * over a host's or registrable domain's pages, read from the published `pages` table.
 */

import type { FactsTarget, PageFacts, SiteFacts, TargetFacts } from '../types.js';
import { checkBuiltTables } from './built-tables.js';
import type { DuckDBSession, Row } from './session.js';

/** Describe a page, host or domain of the last build; null when it has no page there. */
export async function describeTarget(
  session: DuckDBSession,
  target: FactsTarget,
  topPages: number,
): Promise<TargetFacts | null> {
  if (!(await checkBuiltTables(session))) return null;
  if (target.kind === 'page') return describePage(session, target.url);
  return describeSite(session, target, topPages);
}

async function describePage(session: DuckDBSession, url: string): Promise<PageFacts | null> {
  const r = await session.one(
    `SELECT url, host, domain, status, spam_score, spam_signals, host_spam_score,
            domain_spam_score, page_rank, domain_rank, platform_type, host_ip, country,
            is_technical
     FROM pages WHERE url = ?`,
    [url],
  );
  if (r === undefined) return null;
  return {
    kind: 'page',
    url: String(r.url),
    host: String(r.host ?? ''),
    domain: String(r.domain ?? ''),
    status: num(r.status),
    spamScore: num(r.spam_score),
    spamSignals: num(r.spam_signals),
    hostSpamScore: num(r.host_spam_score),
    domainSpamScore: num(r.domain_spam_score),
    pageRank: num(r.page_rank),
    domainRank: num(r.domain_rank),
    platformTypes: strings(r.platform_type),
    hostIp: str(r.host_ip),
    country: str(r.country),
    isTechnical: r.is_technical === true,
  };
}

async function describeSite(
  session: DuckDBSession,
  target: Exclude<FactsTarget, { kind: 'page' }>,
  topPages: number,
): Promise<SiteFacts | null> {
  // Column names come from this fixed choice, never from input.
  const isHost = target.kind === 'host';
  const column = isHost ? 'host' : 'domain';
  const name = isHost ? target.host : target.domain;
  const r = await session.one(
    `SELECT count(*) AS pages, count(spam_score) AS scored, any_value(domain) AS domain,
            any_value(${isHost ? 'host_spam_score' : 'domain_spam_score'}) AS mean,
            max(domain_rank) AS domain_rank, any_value(platform_type) AS platform_type,
            any_value(host_ip) AS host_ip, any_value(country) AS country,
            bool_or(is_technical) AS is_technical
     FROM pages WHERE ${column} = ?`,
    [name],
  );
  if (r === undefined || Number(r.pages ?? 0) === 0) return null;
  const signals = await session.all(
    `SELECT b AS bit, count(*) AS pages
     FROM (SELECT spam_signals, unnest(range(0, 32)) AS b FROM pages
           WHERE ${column} = ? AND spam_signals IS NOT NULL)
     WHERE (CAST(spam_signals AS BIGINT) >> b) & 1 = 1
     GROUP BY b ORDER BY b`,
    [name],
  );
  const top = await session.all(
    `SELECT url, spam_score, spam_signals FROM pages
     WHERE ${column} = ? AND spam_score IS NOT NULL
     ORDER BY spam_score DESC, url LIMIT ?`,
    [name, topPages],
  );
  return {
    kind: target.kind,
    name,
    domain: String(r.domain ?? name),
    pages: Number(r.pages),
    pagesScored: Number(r.scored ?? 0),
    spamScore: num(r.mean),
    signalPages: signals.map((s: Row) => ({ bit: Number(s.bit), pages: Number(s.pages) })),
    topPages: top.map((t: Row) => ({
      url: String(t.url),
      spamScore: Number(t.spam_score),
      spamSignals: Number(t.spam_signals),
    })),
    domainRank: num(r.domain_rank),
    platformTypes: strings(r.platform_type),
    hostIp: isHost ? str(r.host_ip) : null,
    country: isHost ? str(r.country) : null,
    isTechnical: r.is_technical === true,
  };
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function strings(v: unknown): string[] | null {
  return Array.isArray(v) ? v.map(String) : null;
}
