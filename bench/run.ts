/**
 * `npm run bench -- <suite> [options]`: the project's benchmarks. Suites: ingest, wat, build,
 * query, explore, clickhouse, crawl, pagerank, fuzz, load, all (all = ingest, wat and build; query,
 * pagerank and load prepare large data and run on their own).
 * Every figure is the median of several runs, printed beside its baseline from the same run.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBuild } from './build-bench.js';
import { buildCli } from './cli.js';
import { benchClickHouse } from './clickhouse-bench.js';
import { benchCrawl } from './crawl-bench.js';
import { benchExplore } from './explore-bench.js';
import { benchFuzz } from './fuzz-bench.js';
import { benchIngest } from './ingest-bench.js';
import { benchLoad } from './load-bench.js';
import { benchPageRank } from './pagerank/pagerank-bench.js';
import { parseSizes } from './query/prepare.js';
import type { PeerName } from './query/report.js';
import { benchQuery } from './query-bench.js';
import { benchWat } from './wat-bench.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '3000' },
    runs: { type: 'string' },
    links: { type: 'string', default: '1000000,10000000' },
    dir: { type: 'string', default: join('bench', 'out') },
    // Default 1m,20m, but 1m for load: applied per suite below.
    sizes: { type: 'string' },
    warmup: { type: 'string', default: '3' },
    'work-dir': { type: 'string' },
    edges: { type: 'string', default: '20m' },
    peers: { type: 'string', default: 'linkgap,postgres,duckdb' },
    reindex: { type: 'boolean', default: false },
    'frontier-urls': { type: 'string', default: '1000000' },
    'ingest-runs': { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20261206' },
    duration: { type: 'string', default: '60' },
    soak: { type: 'string', default: '600' },
    help: { type: 'boolean', default: false },
  },
});

const suite = positionals[0] ?? 'all';
const sizesSpec = values.sizes ?? '1m,20m';
const SUITES = [
  'ingest',
  'wat',
  'build',
  'query',
  'explore',
  'clickhouse',
  'crawl',
  'pagerank',
  'fuzz',
  'load',
  'all',
];
if (values.help || !SUITES.includes(suite)) {
  console.log(`usage: npm run bench -- [ingest|wat|build|query|explore|clickhouse|crawl|pagerank|fuzz|load|all] [options]
  ingest  WARC.gz pipeline on 1 core and on all cores vs bare htmlparser2 (--pages, --runs)
  wat     WAT ingest captures/s on one core (--pages, --runs)
  build   build time and peak RSS at each --links size (default 1M and 10M)
  query   intersection queries (4 classes) on linkgap's engine vs PostgreSQL vs DuckDB SQL:
          --sizes 1m,20m[,100m]   generated webs to run on (prepared once, cached)
          --work-dir DIR          where data, the PostgreSQL cluster and the JSON report live
                                  (default bench/out/query)
          --runs N --warmup N     measured and warm-up runs per query (default 20 and 3)
          --peers LIST            any of linkgap,postgres,duckdb (default all three)
          --reindex               write the link index again even if one exists
  explore the link-gap explorer's engine calls (prospects, overlap, evidence, export) and
          POST /api/v1/prospects, each beside the page/domain intersection of the same question:
          --sizes 1m[,20m] --work-dir DIR --runs N --warmup N (data shared with query)
  clickhouse  the query classes on the in-memory index, one ClickHouse 18.16 node and a 2-shard
          18.16 cluster on loopback, migrate rows/s and bytes per link on disk:
          --sizes 1m[,20m] --work-dir DIR --runs N (default 10) --warmup N (data shared with query)
  crawl   runCrawl over a generated web on loopback at concurrency 8 and 64, beside ingest of
          the same pages, peak RSS, frontier bytes per million URLs (--pages, --runs, --dir,
          --frontier-urls N, default 1000000)
  pagerank  our PageRank vs python3-igraph (PRPACK) on a synthetic power-law graph:
          --edges 20m[,100m]      edge counts (N = edges / 10 nodes; edge files cached)
          --work-dir DIR          edge files, scores and report (default bench/out/pagerank)
  fuzz    the fuzz targets of the test suites at length (parser, every HTTP front, ingest of
          damaged files): --runs N per parser property and HTTP front (default 100000),
          --ingest-runs N per ingest format (default 5000), --seed S; exit 1 on a failure
  load    the real server on loopback under a mixed workload (DataForSEO page/domain
          intersection, Moz link_intersect, POST /api/v1/prospects) from autocannon: req/s,
          p50/p99, errors at 16 and 64 connections, then a soak at 16 with RSS and answers checked
          every 10 s: --duration S per run (default 60), --soak S (default 600),
          --sizes 1m --work-dir DIR (data shared with query)
options of the other suites: --pages N, --runs N (default 3), --links N,N, --dir DIR`);
  process.exit(values.help ? 0 : 2);
}
if (suite === 'query') {
  const sizes = parseSizes(sizesSpec);
  const peers = values.peers.split(',').map((p) => p.trim());
  const bad = peers.filter((p) => !['linkgap', 'postgres', 'duckdb'].includes(p));
  if (sizes === undefined || bad.length > 0) {
    console.error(sizes === undefined ? `bad --sizes: ${sizesSpec}` : `bad --peers: ${bad}`);
    process.exit(2);
  }
  const workDir = values['work-dir'] ?? join('bench', 'out', 'query');
  await mkdir(workDir, { recursive: true });
  await benchQuery({
    sizes,
    workDir,
    warmup: Number(values.warmup),
    runs: Number(values.runs ?? 20),
    peers: peers as PeerName[],
    reindex: values.reindex,
  });
} else if (suite === 'explore') {
  const sizes = parseSizes(sizesSpec);
  if (sizes === undefined) {
    console.error(`bad --sizes: ${sizesSpec}`);
    process.exit(2);
  }
  const workDir = values['work-dir'] ?? join('bench', 'out', 'query');
  await mkdir(workDir, { recursive: true });
  await benchExplore({
    sizes,
    workDir,
    warmup: Number(values.warmup),
    runs: Number(values.runs ?? 20),
  });
} else if (suite === 'clickhouse') {
  const sizes = parseSizes(sizesSpec);
  if (sizes === undefined) {
    console.error(`bad --sizes: ${sizesSpec}`);
    process.exit(2);
  }
  const workDir = values['work-dir'] ?? join('bench', 'out', 'query');
  await mkdir(workDir, { recursive: true });
  await benchClickHouse({
    sizes,
    workDir,
    warmup: Number(values.warmup),
    runs: Number(values.runs ?? 10),
  });
} else if (suite === 'load') {
  const sizes = parseSizes(values.sizes ?? '1m');
  const duration = Number(values.duration);
  const soak = Number(values.soak);
  if (sizes === undefined || !(duration >= 1) || !(soak >= 1)) {
    console.error(
      sizes === undefined
        ? `bad --sizes: ${values.sizes}`
        : `bad --duration or --soak: ${values.duration}, ${values.soak}`,
    );
    process.exit(2);
  }
  const workDir = values['work-dir'] ?? join('bench', 'out', 'query');
  await mkdir(workDir, { recursive: true });
  await benchLoad({ sizes, workDir, duration, soak });
} else if (suite === 'crawl') {
  await mkdir(values.dir, { recursive: true });
  await benchCrawl({
    pages: Number(values.pages),
    runs: Number(values.runs ?? 3),
    concurrency: [8, 64],
    frontierUrls: Number(values['frontier-urls']),
    workDir: values.dir,
  });
} else if (suite === 'fuzz') {
  const ok = await benchFuzz({
    runs: Number(values.runs ?? 100_000),
    ingestRuns: Number(values['ingest-runs']),
    seed: Number(values.seed),
  });
  if (!ok) process.exitCode = 1;
} else if (suite === 'pagerank') {
  const sizes = parseSizes(values.edges);
  if (sizes === undefined) {
    console.error(`bad --edges: ${values.edges}`);
    process.exit(2);
  }
  const workDir = values['work-dir'] ?? join('bench', 'out', 'pagerank');
  await mkdir(workDir, { recursive: true });
  await benchPageRank({ sizes, workDir });
} else {
  buildCli();
  const workDir = values.dir;
  await mkdir(workDir, { recursive: true });
  const pages = Number(values.pages);
  const runs = Number(values.runs ?? 3);
  if (suite === 'ingest' || suite === 'all') await benchIngest({ pages, runs, workDir });
  if (suite === 'wat' || suite === 'all') await benchWat({ pages, runs, workDir });
  if (suite === 'build' || suite === 'all') {
    await benchBuild({ sizes: values.links.split(',').map(Number), workDir });
  }
}
