/**
 * The differential test's dataset: a small generated web (3 snapshots, so links come and go),
 * ingested and built into a DuckDB file, with the columns the build does not compute yet
 * (ranks, spam scores and signals, platform types, countries, technical hosts) filled
 * deterministically, whatever the build computed, so the comparison
 * covers them too; some page IPs are varied (null, IPv6 in two spellings, other hosts of the
 * same or another subnet) to exercise the domain stats' IP and subnet counts.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateWeb } from '../../src/generate/index.js';
import { createInputReaders, ingest } from '../../src/ingest/index.js';
import { createDuckDBStore } from '../../src/store/index.js';

/** Deterministic values (DuckDB `hash`), some null, some equal, for the not-yet-built columns. */
const ENRICH_SQL = [
  `UPDATE pages SET
     page_rank = CASE WHEN hash(url || '#r') % 7 = 0 THEN NULL
                      ELSE CAST(hash(url || '#r') % 1001 AS INTEGER) END,
     spam_score = CASE WHEN hash(url || '#s') % 9 = 0 THEN NULL
                       ELSE CAST(hash(url || '#s') % 101 AS INTEGER) END,
     spam_signals = CASE WHEN hash(url || '#s') % 9 = 0 THEN NULL
                         ELSE CAST(hash(url || '#m') % 33554432 AS INTEGER) END,
     domain_rank = CASE WHEN hash(domain || '#d') % 8 = 0 THEN NULL
                        ELSE CAST(hash(domain || '#d') % 1001 AS INTEGER) END,
     domain_pass = CASE WHEN hash(domain || '#d') % 8 = 0 THEN NULL
                        ELSE CAST(hash(domain || '#q') % 1001 AS INTEGER) END,
     is_technical = hash(host || '#t') % 6 = 0,
     host_ip = CASE WHEN hash(url || '#h') % 4 = 0 THEN '192.0.2.' || CAST(hash(host) % 9 AS VARCHAR) END,
     platform_type = CASE hash(coalesce(domain, url) || '#p') % 5
                       WHEN 0 THEN NULL WHEN 1 THEN CAST([] AS VARCHAR[])
                       WHEN 2 THEN ['blogs'] WHEN 3 THEN ['cms', 'blogs', 'news']
                       ELSE ['ecommerce', 'organization'] END,
     country = CASE hash(url || '#c') % 5
                 WHEN 0 THEN NULL WHEN 1 THEN 'US' WHEN 2 THEN 'DE' WHEN 3 THEN 'FR' ELSE 'JP' END,
     ip = CASE hash(url || '#i') % 10
            WHEN 0 THEN NULL
            WHEN 1 THEN '2001:db8::' || CAST(hash(url) % 5 AS VARCHAR)
            WHEN 2 THEN '2001:0db8:0:0:0:0:0:' || CAST(hash(url) % 5 AS VARCHAR)
            WHEN 3 THEN regexp_replace(ip, '[.][0-9]+$', '.' || CAST(hash(url) % 250 + 1 AS VARCHAR))
            WHEN 4 THEN regexp_replace(ip, '[.][0-9]+[.][0-9]+$',
                                       '.' || CAST(hash(url) % 3 AS VARCHAR) || '.9')
            ELSE ip END`,
  `UPDATE links SET
     rank = CASE WHEN NOT dofollow THEN 0
                 WHEN hash(url_from || url_to || item_type || '#l') % 6 = 0 THEN NULL
                 ELSE CAST(hash(url_from || url_to || item_type || '#l') % 1001 AS INTEGER) END,
     page_from_rank = (SELECT p.page_rank FROM pages p WHERE p.url = links.url_from),
     domain_from_rank = (SELECT p.domain_rank FROM pages p WHERE p.url = links.url_from),
     backlink_spam_score = (SELECT p.spam_score FROM pages p WHERE p.url = links.url_from),
     url_to_spam_score = (SELECT p.spam_score FROM pages p WHERE p.url = links.url_to)`,
];

/** Generate, ingest, build and enrich; returns the DuckDB file's path. */
export async function buildDifferentialDb(
  dir: string,
  seed: number,
  links: number,
): Promise<string> {
  const web = await generateWeb({
    outDir: join(dir, 'web'),
    links,
    seed,
    snapshots: 3,
    format: 'ndjson',
  });
  const dbPath = join(dir, 'links.duckdb');
  const store = await createDuckDBStore({ path: dbPath, threads: 1 });
  const readers = createInputReaders(0);
  try {
    await ingest(store, web.files, { readers });
    await store.build();
  } finally {
    await readers.close();
    await store.close();
  }
  const instance = await DuckDBInstance.create(dbPath);
  try {
    const conn = await instance.connect();
    for (const sql of ENRICH_SQL) await conn.run(sql);
    conn.closeSync();
  } finally {
    instance.closeSync();
  }
  return dbPath;
}
