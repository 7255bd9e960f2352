/**
 * The ranks build step (docs/ranks.md): PageRank over the page graph and over the registrable
 * domain graph, mapped to 0–1000, written into pages_next and links_next. Edges reach JS as
 * integer chunks copied into typed arrays; ranks go back through appenders.
 */
import type { DuckDBUIntegerVector } from '@duckdb/node-api';
import {
  createGraphBuilder,
  inflowMultiples,
  type LinkGraph,
  pageRank,
  passMultiples,
  ranksOf,
} from '../../../build/rank/index.js';
import { StoreError } from '../../errors.js';
import type { DuckDBSession } from '../session.js';
import {
  DOMAIN_EDGES_SQL,
  DOMAIN_IDS_SQL,
  LINKS_RANKS_SQL,
  PAGE_EDGES_SQL,
  PAGE_IDS_SQL,
  PAGES_RANKS_SQL,
  RANK_LINKS_SQL,
  RANK_TEMP_TABLES,
  SCORE_TABLES_SQL,
} from './ranks-sql.js';

/** What the step computed, for logs and tests. */
export interface RanksSummary {
  pages: GraphSummary;
  domains: GraphSummary;
}

/** One graph's size and how its PageRank ended. */
export interface GraphSummary {
  nodes: number;
  edges: number;
  iterations: number;
  converged: boolean;
}

/**
 * Compute page and domain ranks and fill pages_next.{page_rank, page_pass, domain_rank,
 * domain_pass} and links_next.{rank, page_from_rank, domain_from_rank}.
 * @param onStep called with the name of each sub-step as it starts
 */
export async function writeRanks(
  session: DuckDBSession,
  onStep?: (step: string) => void,
): Promise<RanksSummary> {
  try {
    onStep?.('graphs');
    await session.exec(RANK_LINKS_SQL);
    await session.exec(PAGE_IDS_SQL);
    await session.exec(DOMAIN_IDS_SQL);
    for (const sql of SCORE_TABLES_SQL) await session.exec(sql);
    onStep?.('page rank');
    const pages = await rankGraph(session, 'b_rank_page_ids', PAGE_EDGES_SQL, 'b_rank_page_scores');
    onStep?.('domain rank');
    const domains = await rankGraph(
      session,
      'b_rank_domain_ids',
      DOMAIN_EDGES_SQL,
      'b_rank_domain_scores',
    );
    onStep?.('write');
    await session.exec(PAGES_RANKS_SQL);
    await session.exec(LINKS_RANKS_SQL);
    return { pages, domains };
  } finally {
    for (const t of RANK_TEMP_TABLES) await session.exec(`DROP TABLE IF EXISTS ${t}`);
  }
}

async function rankGraph(
  session: DuckDBSession,
  idTable: string,
  edgesSql: string,
  scoreTable: string,
): Promise<GraphSummary> {
  const row = await session.one(`SELECT count(*) AS n FROM ${idTable}`);
  const nodes = Number(row?.n ?? 0);
  const graph = await readGraph(session, edgesSql, nodes);
  const result = pageRank(graph);
  const pass = passMultiples(graph, result.scores);
  await appendScores(session, scoreTable, ranksOf(inflowMultiples(graph, pass)), ranksOf(pass));
  return {
    nodes,
    edges: graph.edgeCount,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/** Stream (src, dst) UINTEGER pairs chunk by chunk into a graph builder. */
async function readGraph(session: DuckDBSession, sql: string, nodes: number): Promise<LinkGraph> {
  const builder = createGraphBuilder();
  let from = new Uint32Array(2048);
  let to = new Uint32Array(2048);
  try {
    const result = await session.connection.stream(sql);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const n = chunk.rowCount;
      if (n > from.length) {
        from = new Uint32Array(n);
        to = new Uint32Array(n);
      }
      const src = chunk.getColumnVector(0) as DuckDBUIntegerVector;
      const dst = chunk.getColumnVector(1) as DuckDBUIntegerVector;
      for (let i = 0; i < n; i++) {
        from[i] = src.getItem(i) ?? 0;
        to[i] = dst.getItem(i) ?? 0;
      }
      builder.add(from, to, n);
    }
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new StoreError('STORE_QUERY_FAILED', message.split('\n')[0] ?? message, { sql, cause });
  }
  return builder.build(nodes);
}

async function appendScores(
  session: DuckDBSession,
  table: string,
  ranks: Uint16Array,
  passes: Uint16Array,
): Promise<void> {
  const app = await session.connection.createAppender(table);
  try {
    for (let id = 0; id < ranks.length; id++) {
      app.appendUInteger(id);
      app.appendSmallInt(ranks[id] as number);
      app.appendSmallInt(passes[id] as number);
      app.endRow();
    }
    app.flushSync();
  } finally {
    app.closeSync();
  }
}
