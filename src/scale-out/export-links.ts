/**
 * `linkgap export --links --store`: the links of the store's current generation as the rows the
 * DuckDB store exports (same columns, values and order), streamed from the cluster.
 */
import { LINK_EXPORT_COLUMNS, linkCsvLine } from '../core/link-export.js';
import { toIsoSeconds } from '../core/time.js';
import { LINK_FLAG, NULL_I16 } from '../link-index/index.js';
import { type ClickHouseClient, generationTables } from '../store/clickhouse/index.js';
import { type LineSink, StoreError } from '../store/index.js';
import { type ClickHouseNodes, currentGeneration, isCluster } from './migrate.js';

const flag = (name: string, bit: number) => `bitAnd(flags, ${bit}) != 0 AS ${name}`;

/** Each exported column as a link-table expression. */
const EXPRESSIONS: Record<(typeof LINK_EXPORT_COLUMNS)[number], string> = {
  domain_from: 'domain_from',
  url_from: 'url_from',
  url_from_https: flag('url_from_https', LINK_FLAG.fromHttps),
  domain_to: 'domain_to',
  url_to: 'url_to',
  url_to_https: flag('url_to_https', LINK_FLAG.toHttps),
  tld_from: 'tld AS tld_from',
  is_new: flag('is_new', LINK_FLAG.new),
  is_lost: flag('is_lost', LINK_FLAG.lost),
  first_seen: 'first_seen',
  prev_seen: 'prev_seen',
  last_seen: 'last_seen',
  item_type: 'item_type',
  attributes: 'attributes',
  dofollow: flag('dofollow', LINK_FLAG.dofollow),
  original: flag('original', LINK_FLAG.original),
  alt: 'alt',
  anchor: 'anchor',
  text_pre: 'text_pre',
  text_post: 'text_post',
  semantic_location: 'semantic_location',
  links_count: 'links_count',
  is_broken: flag('is_broken', LINK_FLAG.broken),
  url_to_status_code: 'url_to_status_code',
  url_to_redirect_target: 'redirect_target AS url_to_redirect_target',
  is_indirect_link: flag('is_indirect_link', LINK_FLAG.indirect),
  indirect_link_path: 'path AS indirect_link_path',
  is_internal: flag('is_internal', LINK_FLAG.internal),
};

const BOOLEANS = new Set(
  Object.entries(EXPRESSIONS)
    .filter(([, sql]) => sql.startsWith('bitAnd'))
    .map(([c]) => c),
);
const TIMES = new Set(['first_seen', 'prev_seen', 'last_seen']);
const JSON_VALUES = new Set(['attributes', 'indirect_link_path']);

/** A link-table row as the exported row: flags as booleans, times as ISO, nulls restored. */
function exportedRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of LINK_EXPORT_COLUMNS) {
    const v = row[c];
    if (BOOLEANS.has(c)) out[c] = Number(v) !== 0;
    else if (TIMES.has(c))
      out[c] = Number(v) === 0 ? null : toIsoSeconds(new Date(Number(v) * 1000));
    else if (JSON_VALUES.has(c)) out[c] = typeof v === 'string' ? (JSON.parse(v) as unknown) : null;
    else if (c === 'url_to_status_code') out[c] = Number(v) === NULL_I16 ? null : v;
    else if (c === 'domain_to') out[c] = v === '' ? null : v;
    else out[c] = v ?? null;
  }
  return out;
}

/** Stream the current generation's links as NDJSON or CSV lines; returns the number of links. */
export async function exportClickHouseLinks(
  target: ClickHouseNodes,
  format: 'ndjson' | 'csv',
  sink: LineSink,
): Promise<number> {
  const entry = target.nodes[0] as ClickHouseClient;
  const g = await currentGeneration(entry);
  if (g === null) {
    throw new StoreError(
      'STORE_QUERY_FAILED',
      'no index generation in the store yet: run linkgap build --store or linkgap migrate first',
    );
  }
  const t = generationTables(g.generation, isCluster(target) ? target.cluster : null);
  const columns = LINK_EXPORT_COLUMNS.map((c) => EXPRESSIONS[c]).join(', ');
  if (format === 'csv') await sink(LINK_EXPORT_COLUMNS.join(','));
  return entry.stream(
    `SELECT ${columns} FROM ${t.read} ORDER BY url_from, url_to, item_type, is_indirect_link, seq`,
    async (rows) => {
      for (const row of rows) {
        const r = exportedRow(row);
        await sink(format === 'csv' ? linkCsvLine(r) : JSON.stringify(r));
      }
    },
    { settings: { max_bytes_before_external_sort: 1_000_000_000 } },
  );
}
