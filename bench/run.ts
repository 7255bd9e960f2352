/**
 * `npm run bench -- <suite> [options]`: the project's benchmarks. Suites: ingest, wat, build,
 * all. Every figure is the median of several runs, printed beside its baseline from the same run.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBuild } from './build-bench.js';
import { buildCli } from './cli.js';
import { benchIngest } from './ingest-bench.js';
import { benchWat } from './wat-bench.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '3' },
    links: { type: 'string', default: '1000000,10000000' },
    dir: { type: 'string', default: join('bench', 'out') },
    help: { type: 'boolean', default: false },
  },
});

const suite = positionals[0] ?? 'all';
if (values.help || !['ingest', 'wat', 'build', 'all'].includes(suite)) {
  console.log(`usage: npm run bench -- [ingest|wat|build|all] [--pages N] [--runs N] [--links N,N] [--dir DIR]
  ingest  WARC.gz pipeline on 1 core and on all cores vs bare htmlparser2 (--pages, --runs)
  wat     WAT ingest captures/s on one core (--pages, --runs)
  build   build time and peak RSS at each --links size (default 1M and 10M)`);
  process.exit(values.help ? 0 : 2);
}
buildCli();
const workDir = values.dir;
await mkdir(workDir, { recursive: true });
const pages = Number(values.pages);
const runs = Number(values.runs);
if (suite === 'ingest' || suite === 'all') await benchIngest({ pages, runs, workDir });
if (suite === 'wat' || suite === 'all') await benchWat({ pages, runs, workDir });
if (suite === 'build' || suite === 'all') {
  await benchBuild({ sizes: values.links.split(',').map(Number), workDir });
}
