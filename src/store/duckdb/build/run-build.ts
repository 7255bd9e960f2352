/**
 * The full rebuild: derive hosts, pages and links from all captures into `*_next` tables, then
 * publish them in one transaction. A build that fails half-way leaves the published tables as
 * they were (the `*_next` leftovers are dropped when the store next opens).
 */
import { toIsoSeconds } from '../../../core/time.js';
import { hostFacts } from '../../../core/url/registrable-domain.js';
import type { BuildStats, StepProgress } from '../../types.js';
import type { DuckDBSession } from '../session.js';
import { DIRECT_LINKS_SQL, OBSERVATIONS_SQL, PAGES_SQL, VISITS_SQL } from './history-sql.js';
import { CHAINS_SQL, HOPS_SQL, INDIRECT_LINKS_SQL } from './indirect-sql.js';
import { DISTINCT_HOSTS_SQL, LINKS_SQL, URL_HOSTS_SQL } from './links-sql.js';
import { PAGE_FACTS_TEMP_TABLES } from './page-facts-sql.js';
import { runPageFactsStep } from './page-facts-step.js';
import { writeRanks } from './ranks-step.js';
import { RESOLVED_CAPTURES_VIEW } from './resolved-captures.js';

const TEMP_TABLES = [
  'b_visits',
  'b_url_hosts',
  'b_obs',
  'b_direct',
  'b_hops',
  'b_chains',
  'b_indirect',
  ...PAGE_FACTS_TEMP_TABLES,
];
const PUBLISHED = ['hosts', 'pages', 'links'] as const;

/** Rebuild pages, hosts and links; returns the published build's stats. */
export async function runBuild(
  session: DuckDBSession,
  onProgress?: StepProgress,
): Promise<BuildStats> {
  const started = performance.now();
  const steps: Array<[string, (detail: (step: string) => void) => Promise<unknown>]> = [
    ['captures', () => session.exec(RESOLVED_CAPTURES_VIEW)],
    ['visits', () => session.exec(VISITS_SQL)],
    ['urls', () => session.exec(URL_HOSTS_SQL)],
    ['hosts', () => writeHosts(session)],
    ['pages', () => session.exec(PAGES_SQL)],
    ['observations', () => session.exec(OBSERVATIONS_SQL)],
    ['history', () => session.exec(DIRECT_LINKS_SQL)],
    ['redirects and canonicals', () => session.exec(HOPS_SQL)],
    ['chains', () => session.exec(CHAINS_SQL)],
    ['indirect links', () => session.exec(INDIRECT_LINKS_SQL)],
    ['links', () => session.exec(LINKS_SQL)],
    ['page facts', () => runPageFactsStep(session)],
    ['ranks', (detail) => writeRanks(session, detail)],
  ];
  try {
    for (const [i, [name, run]] of steps.entries()) {
      onProgress?.(name, i, steps.length + 1);
      await run((step) => onProgress?.(`${name}: ${step}`, i, steps.length + 1));
    }
    onProgress?.('publish', steps.length, steps.length + 1);
    const stats = await collectStats(session, (performance.now() - started) / 1000);
    await session.transaction(async () => {
      for (const t of PUBLISHED) {
        await session.exec(`DROP TABLE IF EXISTS ${t}`);
        await session.exec(`ALTER TABLE ${t}_next RENAME TO ${t}`);
      }
      await session.exec('INSERT INTO builds VALUES (CAST(? AS TIMESTAMP), ?, ?)', [
        stats.builtAt,
        stats.seconds,
        JSON.stringify(stats),
      ]);
    });
    return stats;
  } finally {
    for (const t of TEMP_TABLES) await session.exec(`DROP TABLE IF EXISTS ${t}`);
    for (const t of PUBLISHED) await session.exec(`DROP TABLE IF EXISTS ${t}_next`);
  }
}

async function writeHosts(session: DuckDBSession): Promise<void> {
  await session.exec(
    `CREATE TABLE hosts_next (host VARCHAR NOT NULL, domain VARCHAR NOT NULL, tld VARCHAR NOT NULL,
       is_ip BOOLEAN NOT NULL)`,
  );
  const app = await session.connection.createAppender('hosts_next');
  try {
    await session.stream(DISTINCT_HOSTS_SQL, [], (rows) => {
      for (const row of rows) {
        const host = String(row.host ?? '');
        const f = hostFacts(host);
        app.appendVarchar(host);
        app.appendVarchar(f.domain);
        app.appendVarchar(f.tld);
        app.appendBoolean(f.isIp);
        app.endRow();
      }
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
}

async function collectStats(session: DuckDBSession, seconds: number): Promise<BuildStats> {
  const row = await session.one(
    `SELECT (SELECT count(*) FROM pages_next) AS pages,
       count(*) AS links, count(*) FILTER (WHERE is_indirect_link) AS indirect,
       count(*) FILTER (WHERE NOT is_lost) AS live, count(*) FILTER (WHERE is_lost) AS lost,
       (SELECT count(DISTINCT domain) FROM hosts_next) AS domains,
       (SELECT count(*) FROM hosts_next) AS hosts,
       count(DISTINCT domain_from) AS referring_domains
     FROM links_next`,
  );
  const dates = await session.all(
    `SELECT strftime(CAST(fetched_at AS DATE), '%Y-%m-%d') AS d, count(*) AS n
     FROM captures GROUP BY 1 ORDER BY 1`,
  );
  return {
    builtAt: toIsoSeconds(new Date()),
    pages: Number(row?.pages ?? 0),
    links: Number(row?.links ?? 0),
    indirectLinks: Number(row?.indirect ?? 0),
    liveLinks: Number(row?.live ?? 0),
    lostLinks: Number(row?.lost ?? 0),
    domains: Number(row?.domains ?? 0),
    hosts: Number(row?.hosts ?? 0),
    referringDomains: Number(row?.referring_domains ?? 0),
    crawlDates: summarizeDates(dates.map((d) => String(d.d))),
    seconds: Math.round(seconds * 1000) / 1000,
  };
}

/** Crawl days; a long list is cut to its first and last ten. */
function summarizeDates(days: string[]): string[] {
  if (days.length <= 20) return days;
  return [...days.slice(0, 10), `… ${days.length - 20} more …`, ...days.slice(-10)];
}
