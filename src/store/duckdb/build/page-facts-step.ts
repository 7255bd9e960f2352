/**
 * The page-facts build step: spam score and platform types of every page with a 2xx HTML
 * capture (src/build/spam, src/build/platform), host and domain spam means, domain platform
 * types, host IP and its country (src/build/country), the technical-host flag
 * (src/build/technical-hosts), and the spam scores of links. Fills only its own columns of
 * `pages_next` and `links_next`, so it composes with the other steps in any order after 'links'.
 */

import type { CountryTable } from '../../../build/country/index.js';
import { loadCountryTable, lookupCountry } from '../../../build/country/index.js';
import { pagePlatformTypes } from '../../../build/platform/index.js';
import { scorePage } from '../../../build/spam/index.js';
import { isTechnicalHost } from '../../../build/technical-hosts/index.js';
import type { PageSignals } from '../../../core/types.js';
import type { DuckDBSession, Row } from '../session.js';
import {
  DISTINCT_HOST_IPS_SQL,
  DOMAIN_PLATFORMS_SQL,
  FILL_LINKS_SQL,
  FILL_PAGES_SQL,
  HOST_IPS_SQL,
  LOOKUP_TABLES_SQL,
  PAGE_FACTS_TABLE_SQL,
  PAGE_HOSTS_SQL,
  SCORED_PAGES_SQL,
} from './page-facts-sql.js';

/** Options of the step (tests pass a small country table). */
export interface PageFactsOptions {
  countries?: () => Promise<CountryTable>;
}

/** Run the step on the `pages_next` and `links_next` of the build in progress. */
export async function runPageFactsStep(
  session: DuckDBSession,
  opts: PageFactsOptions = {},
): Promise<void> {
  await scorePages(session);
  await session.exec(HOST_IPS_SQL);
  for (const sql of LOOKUP_TABLES_SQL) await session.exec(sql);
  await lookupCountries(session, await (opts.countries ?? loadCountryTable)());
  await markTechnicalHosts(session);
  await session.exec(DOMAIN_PLATFORMS_SQL);
  await session.exec(FILL_PAGES_SQL);
  for (const sql of FILL_LINKS_SQL) await session.exec(sql);
}

async function scorePages(session: DuckDBSession): Promise<void> {
  await session.exec(PAGE_FACTS_TABLE_SQL);
  const app = await session.connection.createAppender('b_page_facts');
  try {
    await session.stream(SCORED_PAGES_SQL, [], (rows) => {
      for (const row of rows) {
        const url = String(row.url);
        const meta = stringValues(parseObject<Record<string, unknown>>(row.meta));
        const signals = parseObject<PageSignals>(row.signals);
        const title = typeof row.title === 'string' ? row.title : null;
        const spam = scorePage({
          url,
          title,
          meta,
          signals,
          internalLinks: Number(row.internal_links ?? 0),
          externalLinks: Number(row.external_links ?? 0),
        });
        app.appendVarchar(url);
        app.appendSmallInt(spam.score);
        app.appendInteger(spam.mask);
        app.appendVarchar(pagePlatformTypes({ url, meta, signals }).join(','));
        app.endRow();
      }
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
}

async function lookupCountries(session: DuckDBSession, table: CountryTable): Promise<void> {
  const app = await session.connection.createAppender('b_ip_country');
  try {
    await session.stream(DISTINCT_HOST_IPS_SQL, [], (rows: Row[]) => {
      for (const row of rows) {
        const ip = String(row.ip);
        const country = lookupCountry(table, ip);
        if (country === null) continue;
        app.appendVarchar(ip);
        app.appendVarchar(country);
        app.endRow();
      }
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
}

async function markTechnicalHosts(session: DuckDBSession): Promise<void> {
  const app = await session.connection.createAppender('b_technical_hosts');
  try {
    await session.stream(PAGE_HOSTS_SQL, [], (rows: Row[]) => {
      for (const row of rows) {
        const host = String(row.host);
        if (!isTechnicalHost(host)) continue;
        app.appendVarchar(host);
        app.endRow();
      }
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
}

/** The string-valued entries of a meta object (ingest writes only strings; be safe anyway). */
function stringValues(o: Record<string, unknown> | null): Record<string, string> | null {
  if (o === null) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A JSON object column, or null when absent or not an object (never throws). */
function parseObject<T>(value: unknown): T | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as T)
      : null;
  } catch {
    return null;
  }
}
