/**
 * `npm run bench -- crawl`: `runCrawl` over a generated web served on loopback by the test web
 * server (every host routed by the Host header, no per-host delay: the pipeline's cost, not the
 * network's), at each concurrency, beside the ingest of the same pages from the generator's WARC
 * files in the same run; peak RSS; and the frontier's size on disk per million URLs.
 */
import { statSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createFetcher, createHostScheduler, createRobotsCache } from '../src/crawl/index.js';
import { runCrawl } from '../src/crawl/run-crawl.js';
import { generateWeb } from '../src/generate/index.js';
import { createInputReaders, ingest } from '../src/ingest/index.js';
import { createDuckDBStore } from '../src/store/index.js';
import { loadGeneratedWeb } from '../test/helpers/test-web-from-generate.js';
import { startTestWeb } from '../test/helpers/test-web-server.js';
import { median, printTable } from './stats.js';

/** Options of the crawl bench. */
export interface CrawlBenchOptions {
  pages: number;
  runs: number;
  concurrency: number[];
  frontierUrls: number;
  workDir: string;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Run it; prints a table. */
export async function benchCrawl(o: CrawlBenchOptions): Promise<void> {
  const webDir = join(o.workDir, `crawl-web-${o.pages}`);
  await rm(webDir, { recursive: true, force: true });
  await generateWeb({ outDir: webDir, pages: o.pages, seed: 17, snapshots: 1 });
  const [snapshot] = await loadGeneratedWeb(webDir);
  if (snapshot === undefined) throw new Error('no snapshot');
  const urls = [...new Set(snapshot.urls)];
  const web = await startTestWeb(snapshot.web);
  const warcs = (await readdir(webDir, { recursive: true }))
    .filter((f) => String(f).endsWith('.warc.gz'))
    .map((f) => join(webDir, String(f)));
  const rows: Array<Record<string, string | number>> = [];
  try {
    const ingestSeconds: number[] = [];
    const crawlSeconds = new Map<number, number[]>();
    for (let run = 0; run < o.runs; run++) {
      // Interleaved: ingest, then each concurrency, so noise hits all of them.
      const idb = join(o.workDir, 'bench-ingest.duckdb');
      await rm(idb, { force: true });
      const store = await createDuckDBStore({ path: idb });
      const readers = createInputReaders(1);
      const t0 = performance.now();
      await ingest(store, warcs, { readers });
      ingestSeconds.push((performance.now() - t0) / 1000);
      await readers.close();
      await store.close();
      for (const c of o.concurrency) {
        const db = join(o.workDir, `bench-crawl-${c}.duckdb`);
        await rm(db, { force: true });
        const s = await createDuckDBStore({ path: db });
        const fetcher = createFetcher({
          userAgent: 'linkgap-bench/1.0',
          connect: web.connect,
          dialPort: web.dialPort,
        });
        try {
          const t = performance.now();
          const summary = await runCrawl(
            {
              seeds: urls,
              scope: 'any',
              maxPages: urls.length,
              maxDepth: 0,
              concurrency: c,
              perHostDelayMs: 0,
              recrawlAfterMs: null,
            },
            {
              store: s,
              fetcher,
              robots: createRobotsCache({ fetcher, userAgent: 'linkgap-bench/1.0' }),
              gate: createHostScheduler({ concurrency: c }),
              archive: null,
              now: () => Date.now(),
            },
          );
          if (summary.fetched !== urls.length) {
            throw new Error(`crawl fetched ${summary.fetched} of ${urls.length}`);
          }
          const list = crawlSeconds.get(c) ?? [];
          list.push((performance.now() - t) / 1000);
          crawlSeconds.set(c, list);
        } finally {
          await fetcher.close();
          await s.close();
        }
      }
    }
    const ingestMedian = median(ingestSeconds);
    rows.push({
      what: 'ingest of the same WARC (1 reader)',
      pages: urls.length,
      'median s': ingestMedian,
      'pages/s': Math.round(urls.length / ingestMedian),
      'vs ingest': 1,
    });
    for (const c of o.concurrency) {
      const m = median(crawlSeconds.get(c) ?? []);
      rows.push({
        what: `crawl, concurrency ${c}, no delay`,
        pages: urls.length,
        'median s': m,
        'pages/s': Math.round(urls.length / m),
        'vs ingest': Math.round((ingestMedian / m) * 100) / 100,
      });
    }
  } finally {
    await web.close();
  }
  printTable(rows);
  console.log(
    `peak RSS of this process (crawler + test web server): ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
  await frontierSize(o);
}

/** Bytes on disk per million frontier URLs: a store with only a frontier, checkpointed. */
async function frontierSize(o: CrawlBenchOptions): Promise<void> {
  await mkdir(o.workDir, { recursive: true });
  const empty = join(o.workDir, 'frontier-empty.duckdb');
  const full = join(o.workDir, 'frontier-full.duckdb');
  for (const p of [empty, full]) await rm(p, { force: true });
  const e = await createDuckDBStore({ path: empty });
  await e.close();
  const s = await createDuckDBStore({ path: full });
  const chunk = 50_000;
  const t = performance.now();
  for (let i = 0; i < o.frontierUrls; i += chunk) {
    const seeds = [];
    for (let j = i; j < Math.min(o.frontierUrls, i + chunk); j++) {
      const host = `site${j % 5000}.example${j % 7}.com`;
      seeds.push({ url: `https://${host}/section-${j % 97}/page-${j}.html`, host, depth: j % 6 });
    }
    await s.frontierAdd('bench', seeds);
  }
  const addSeconds = (performance.now() - t) / 1000;
  await s.close();
  const bytes = statSync(full).size - statSync(empty).size;
  console.log(
    `frontier: ${o.frontierUrls.toLocaleString('en-US')} URLs (~62 bytes each) added in ${addSeconds.toFixed(1)} s; ` +
      `${mb((bytes * 1_000_000) / o.frontierUrls)} MB on disk per million URLs`,
  );
}
