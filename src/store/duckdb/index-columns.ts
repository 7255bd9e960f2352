/**
 * The built tables as the link index writer needs them: every string column dictionary-encoded
 * with ids the writer chooses (its order), then pages and links as integer columns, links in
 * link order. The statements are fixed (no user values); ids travel as temp tables.
 */
import { type DuckDBDataChunk, DuckDBTypeId } from '@duckdb/node-api';
import { StoreError } from '../errors.js';
import type { IndexChunk, IndexColumnSink, IndexDictionary, StepProgress } from '../types.js';
import { INDEX_DICTIONARIES } from '../types.js';
import { checkBuiltTables } from './built-tables.js';
import type { DuckDBSession } from './session.js';

const NULL_I16 = -32768;

/** Source pages and links with their JSON-encoded list columns. */
const SETUP_SQL = [
  `CREATE OR REPLACE TABLE ix_pages AS
   SELECT url, domain, tld, is_ip, status, size, internal_links, external_links,
          coalesce(host_ip, ip) AS ip, country,
          CAST(to_json(platform_type) AS VARCHAR) AS platform, title, lang, encoding, page_rank,
          page_pass, domain_rank, domain_pass, spam_score, spam_signals, host_spam_score,
          domain_spam_score, is_technical
   FROM pages WHERE url IN (SELECT url_from FROM links)`,
  `CREATE OR REPLACE VIEW ix_links AS
   SELECT *, CAST(to_json(attributes) AS VARCHAR) AS attributes_json,
          CAST(to_json(indirect_link_path) AS VARCHAR) AS path_json
   FROM links`,
];

/** The distinct values of each dictionary. */
const DISTINCT_SQL: Record<IndexDictionary, string> = {
  domain: 'SELECT domain AS s FROM ix_pages UNION SELECT domain_to FROM links',
  page_url: 'SELECT DISTINCT url AS s FROM ix_pages',
  url: 'SELECT DISTINCT url_to AS s FROM links',
  host: 'SELECT DISTINCT host_to AS s FROM links',
  tld: 'SELECT DISTINCT tld AS s FROM ix_pages',
  ip: 'SELECT DISTINCT ip AS s FROM ix_pages',
  country: 'SELECT DISTINCT country AS s FROM ix_pages',
  platform: 'SELECT DISTINCT platform AS s FROM ix_pages',
  title: 'SELECT DISTINCT title AS s FROM ix_pages',
  lang: 'SELECT DISTINCT lang AS s FROM ix_pages',
  encoding: 'SELECT DISTINCT encoding AS s FROM ix_pages',
  item_type: 'SELECT DISTINCT item_type AS s FROM links',
  anchor: 'SELECT DISTINCT anchor AS s FROM links',
  alt: 'SELECT DISTINCT alt AS s FROM links',
  text_pre: 'SELECT DISTINCT text_pre AS s FROM links',
  text_post: 'SELECT DISTINCT text_post AS s FROM links',
  semantic_location: `SELECT DISTINCT coalesce(semantic_location, '') AS s FROM links`,
  redirect_target: 'SELECT DISTINCT url_to_redirect_target AS s FROM links',
  attributes: 'SELECT DISTINCT attributes_json AS s FROM ix_links',
  path: 'SELECT DISTINCT path_json AS s FROM ix_links',
};

const id = (dict: IndexDictionary, alias: string, as: string = dict) =>
  `coalesce(${alias}.id, -1) AS ${as}`;
const join = (dict: IndexDictionary, alias: string, expr: string) =>
  `LEFT JOIN ix_d_${dict} ${alias} ON ${alias}.s = ${expr}`;
const i16 = (c: string, expr = c) => `CAST(coalesce(${expr}, ${NULL_I16}) AS INTEGER) AS ${c}`;
const secs = (c: string) => `CAST(coalesce(floor(epoch(${c})), 0) AS INTEGER) AS ${c}`;
const f64 = (c: string) => `coalesce(CAST(x.${c} AS DOUBLE), 'NaN'::DOUBLE) AS ${c}`;

const PAGES_SQL = `
SELECT pu.id AS page, ${id('domain', 'd')}, ${id('tld', 't')}, ${id('ip', 'i')},
       ${id('country', 'c')}, ${id('platform', 'pl')}, ${id('title', 'ti')}, ${id('lang', 'la')},
       ${id('encoding', 'en')}, CAST(coalesce(x.is_ip, false) AS INTEGER) AS is_ip,
       CAST(coalesce(x.is_technical, false) AS INTEGER) AS is_technical,
       ${i16('status', 'x.status')}, ${i16('page_rank', 'x.page_rank')},
       ${i16('page_pass', 'x.page_pass')}, ${i16('domain_rank', 'x.domain_rank')},
       ${i16('domain_pass', 'x.domain_pass')}, ${i16('spam_score', 'x.spam_score')},
       ${i16('host_spam_score', 'x.host_spam_score')},
       ${i16('domain_spam_score', 'x.domain_spam_score')},
       CAST(coalesce(x.spam_signals, 0) AS INTEGER) AS spam_signals,
       ${f64('size')}, ${f64('internal_links')}, ${f64('external_links')}
FROM ix_pages x
JOIN ix_d_page_url pu ON pu.s = x.url
${join('domain', 'd', 'x.domain')} ${join('tld', 't', 'x.tld')} ${join('ip', 'i', 'x.ip')}
${join('country', 'c', 'x.country')} ${join('platform', 'pl', 'x.platform')}
${join('title', 'ti', 'x.title')} ${join('lang', 'la', 'x.lang')}
${join('encoding', 'en', 'x.encoding')}
ORDER BY pu.id`;

const FLAGS = [
  'dofollow',
  'is_lost',
  'is_new',
  'is_indirect_link',
  'is_internal',
  'original',
  'is_broken',
  'url_from_https',
  'url_to_https',
]
  .map((c, bit) => `(CAST(coalesce(l.${c}, false) AS INTEGER) << ${bit})`)
  .join(' | ');

const LINKS_SQL = `
SELECT pu.id AS page, u.id AS url, h.id AS host, ${id('domain', 'dt', 'domain_to')}, (${FLAGS}) AS flags,
       ${id('item_type', 'it')}, ${id('anchor', 'an')}, ${id('alt', 'al')},
       ${id('text_pre', 'tp')}, ${id('text_post', 'tq')}, ${id('semantic_location', 'sl')},
       ${id('redirect_target', 'rt')}, ${id('attributes', 'ats')}, ${id('path', 'pa')},
       ${i16('rank', 'l.rank')}, ${i16('page_from_rank', 'l.page_from_rank')},
       ${i16('domain_from_rank', 'l.domain_from_rank')},
       ${i16('backlink_spam_score', 'l.backlink_spam_score')},
       ${i16('url_to_spam_score', 'l.url_to_spam_score')},
       ${i16('url_to_status_code', 'l.url_to_status_code')},
       ${secs('first_seen')}, ${secs('prev_seen')}, ${secs('last_seen')},
       CAST(coalesce(l.links_count, 0) AS INTEGER) AS links_count
FROM ix_links l
JOIN ix_d_page_url pu ON pu.s = l.url_from
JOIN ix_d_url u ON u.s = l.url_to
JOIN ix_d_host h ON h.s = l.host_to
${join('domain', 'dt', 'l.domain_to')} ${join('item_type', 'it', 'l.item_type')}
${join('anchor', 'an', 'l.anchor')} ${join('alt', 'al', 'l.alt')}
${join('text_pre', 'tp', 'l.text_pre')} ${join('text_post', 'tq', 'l.text_post')}
${join('semantic_location', 'sl', "coalesce(l.semantic_location, '')")}
${join('redirect_target', 'rt', 'l.url_to_redirect_target')}
${join('attributes', 'ats', 'l.attributes_json')} ${join('path', 'pa', 'l.path_json')}
ORDER BY pu.id, u.id, it.id, l.is_indirect_link, coalesce(l.indirect_link_path[1].url, '')`;

/** Copy a chunk's columns into typed arrays (the chunk's memory is reused by the next fetch). */
function toColumns(chunk: DuckDBDataChunk, names: readonly string[]): IndexChunk {
  const out: IndexChunk = {};
  const n = chunk.rowCount;
  for (let c = 0; c < names.length; c++) {
    const vec = chunk.getColumnVector(c);
    const arr = vec.type.typeId === DuckDBTypeId.INTEGER ? new Int32Array(n) : new Float64Array(n);
    for (let r = 0; r < n; r++) arr[r] = Number(vec.getItem(r));
    out[names[c] as string] = arr;
  }
  return out;
}

async function streamColumns(
  session: DuckDBSession,
  sql: string,
  onChunk: (chunk: IndexChunk) => void,
): Promise<void> {
  const result = await session.connection.stream(sql);
  const names = result.columnNames();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    onChunk(toColumns(chunk, names));
  }
}

/** Run the export (see `LinkStore.readIndexColumns`). */
export async function readIndexColumns(
  session: DuckDBSession,
  sink: IndexColumnSink,
  onProgress?: StepProgress,
): Promise<void> {
  const total = INDEX_DICTIONARIES.length + 2;
  if (!(await checkBuiltTables(session))) {
    throw new StoreError('STORE_SCHEMA_MISMATCH', 'nothing is built yet: run `linkgap build`');
  }
  try {
    for (const sql of SETUP_SQL) await session.exec(sql);
    for (const [i, dict] of INDEX_DICTIONARIES.entries()) {
      onProgress?.(`dictionary ${dict}`, i, total);
      const values: string[] = [];
      await session.stream(`${DISTINCT_SQL[dict]}`, [], (rows) => {
        for (const r of rows) if (r.s !== null && r.s !== undefined) values.push(String(r.s));
      });
      const ordered = sink.orderDictionary(dict, values);
      await session.exec(`CREATE OR REPLACE TABLE ix_d_${dict} (s VARCHAR, id INTEGER)`);
      const app = await session.connection.createAppender(`ix_d_${dict}`);
      try {
        for (let k = 0; k < ordered.length; k++) {
          app.appendVarchar(ordered[k] as string);
          app.appendInteger(k);
          app.endRow();
        }
        app.flushSync();
      } finally {
        app.closeSync();
      }
    }
    const sizes = await session.one(
      'SELECT (SELECT count(*) FROM ix_pages) AS pages, (SELECT count(*) FROM links) AS links',
    );
    sink.expect(Number(sizes?.pages ?? 0), Number(sizes?.links ?? 0));
    onProgress?.('pages', INDEX_DICTIONARIES.length, total);
    await streamColumns(session, PAGES_SQL, (c) => sink.pages(c));
    onProgress?.('links', INDEX_DICTIONARIES.length + 1, total);
    await streamColumns(session, LINKS_SQL, (c) => sink.links(c));
  } finally {
    await session.exec('DROP VIEW IF EXISTS ix_links');
    await session.exec('DROP TABLE IF EXISTS ix_pages');
    for (const dict of INDEX_DICTIONARIES) await session.exec(`DROP TABLE IF EXISTS ix_d_${dict}`);
  }
}
