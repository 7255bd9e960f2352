/**
 * `linkgap demo`: generate a small synthetic web, ingest it with progress, build the index, print
 * what is in it, then serve it on loopback and print a curl command that returns link gaps.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseTask } from '../../api/dataforseo/parse-task.js';
import { DEFAULT_EXPLORE_QUERY, encodeExploreParams } from '../../api/native/explore-params.js';
import type { SiteEntry } from '../../api/native/types.js';
import type { Engine } from '../../engine/index.js';
import { CliError } from '../cli-error.js';
import { describeBuild, describeIndex, runBuild, runIndex } from './build-steps.js';
import type { CliContext } from './context.js';
import { describeGenerate, runGenerate } from './generate.js';
import { describeIngest, runIngest } from './ingest-run.js';
import { parseIntOption } from './options.js';
import { runServe } from './serve.js';
import { describeStats } from './stats.js';

/** The files of a web generated earlier with the same options, or undefined. */
async function generatedFiles(
  dir: string,
  pages: number,
  seed: number,
): Promise<string[] | undefined> {
  try {
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      options?: { pages?: number; seed?: number; snapshots?: number; format?: string };
      summary?: { files?: string[] };
    };
    const o = m.options;
    const same = o?.pages === pages && o.seed === seed && o.snapshots === 2 && o.format === 'warc';
    const files = m.summary?.files?.map((f) => join(dir, f));
    if (!same || files === undefined || !files.every((f) => existsSync(f))) return undefined;
    return files;
  } catch {
    return undefined;
  }
}

/** A ready page_intersection body for the demo index and its first prospect page. */
interface DemoTask {
  task: Record<string, unknown>;
  prospect: string | undefined;
}

/**
 * Targets that share referring pages, with an exclude when one still leaves results. The
 * candidates are the index's example competitors (crawled sites, not CDNs or widgets).
 */
async function demoTask(engine: Engine): Promise<DemoTask | undefined> {
  const top = (await engine.facts()).topTargets.map((t) => t.domain);
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const [a = '', b = ''] = [top[i], top[j]];
      const me = top.find((d) => d !== a && d !== b);
      const withMe = { targets: { 1: a, 2: b }, exclude_targets: me ? [me] : [], limit: 5 };
      for (const task of [withMe, { targets: { 1: a, 2: b }, limit: 5 }]) {
        const parsed = parseTask('page_intersection', task);
        if (!parsed.ok) continue;
        const r = await engine.pageIntersection(parsed.query);
        const first = r.items[0]?.page_intersection['1']?.[0];
        if (r.total_count > 0) return { task, prospect: first?.url_from };
      }
    }
  }
  return undefined;
}

/** The curl command for a task against a served index. */
export function curlCommand(url: string, task: Record<string, unknown>): string {
  return `curl -s ${url}/v3/backlinks/page_intersection/live -H 'Content-Type: application/json' -d '${JSON.stringify([task])}'`;
}

/** The explorer's URL, preset with the demo task's competitors and my site when there is one. */
export function explorerUrl(url: string, task: Record<string, unknown> | undefined): string {
  if (task === undefined) return `${url}/`;
  const site = (value: string): SiteEntry => ({ value, scope: 'auto' });
  const params = encodeExploreParams({
    ...DEFAULT_EXPLORE_QUERY,
    competitors: Object.values(task.targets as Record<string, string>).map(site),
    mySites: ((task.exclude_targets as string[] | undefined) ?? []).map(site),
    // The demo task is a page_intersection: the same question, so the first view has results.
    mode: 'pages',
  });
  return `${url}/?${params}`;
}

/** Register `demo`. */
export function demoCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('demo'))
    .description(
      'generate a ~20k-page synthetic web, ingest it, build the index, then serve it on loopback',
    )
    .option('--dir <dir>', 'where the generated web is written', './demo')
    .option('--pages <n>', 'pages to generate', '20000')
    .option('--seed <s>', 'random seed', '1')
    .option('--port <p>', 'port of the demo server (busy: any free port)', '8080')
    .option('--no-serve', 'stop after building instead of serving the index')
    .action(async (o: DemoOptions) => {
      const pages = parseIntOption('--pages', o.pages, 10, 1_000_000);
      const seed = parseIntOption('--seed', o.seed, 0, 2 ** 31 - 1);
      const port = parseIntOption('--port', o.port, 0, 65535);
      const web = join(o.dir, `web-${pages}-${seed}`);
      ctx.err(`1/4 generating a synthetic web in ${web}`);
      let files = await generatedFiles(web, pages, seed);
      if (files === undefined) {
        const gen = await runGenerate({ outDir: web, pages, seed, snapshots: 2, format: 'warc' });
        ctx.err(describeGenerate(gen));
        files = gen.files;
      } else {
        ctx.err(`reusing the web generated earlier with the same options`);
      }
      ctx.err(`2/4 ingesting into ${o.db}`);
      const demo = await ctx.withStore(o.db, async (store) => {
        // The archives only: the ground truth beside them is for tests, not a crawl.
        const ing = await runIngest(store, files, { workers: availableParallelism() });
        for (const line of describeIngest(ing)) ctx.err(line);
        ctx.err('3/4 building the index');
        const built = await runBuild(store);
        for (const line of describeBuild(built)) ctx.err(line);
        ctx.err(describeIndex(await runIndex(store, o.db), o.db));
        const stats = await store.stats();
        ctx.out('');
        ctx.out('What is in the index:');
        for (const line of describeStats(stats)) ctx.out(`  ${line}`);
        return ctx.withEngine(o.db, (engine) => demoTask(engine));
      });
      const db = resolve(o.db);
      ctx.out('');
      ctx.out('Try next:');
      ctx.out(`  linkgap stats --db ${db}`);
      const task = demo?.task;
      if (task !== undefined) {
        const t = task.targets as Record<string, string>;
        const ex = (task.exclude_targets as string[] | undefined)?.[0];
        ctx.out(
          `  linkgap gap --db ${db} --target ${t['1']} --target ${t['2']}${ex ? ` --exclude ${ex}` : ''} --exclude-technical-hosts`,
        );
        if (demo?.prospect !== undefined) ctx.out(`  linkgap explain --db ${db} ${demo.prospect}`);
      }
      ctx.out(`  linkgap export --links --format csv --db ${db} | head`);
      ctx.out(`  linkgap ingest --db ${db} path/to/your/crawl.warc.gz && linkgap build --db ${db}`);
      if (!o.serve) return;
      ctx.err('4/4 serving the index (Ctrl-C stops it)');
      const serve = { db: o.db, host: '127.0.0.1', auth: false, reloadInterval: '2000' };
      const show = (url: string): void => {
        ctx.out('');
        ctx.out(`The DataForSEO-compatible API is at ${url} (docs: ${url}/docs). Try:`);
        ctx.out(task === undefined ? `  curl -s ${url}/health` : `  ${curlCommand(url, task)}`);
        ctx.out('');
        ctx.out(`Open the link-gap explorer in your browser: ${explorerUrl(url, task)}`);
      };
      try {
        await runServe({ ...serve, port: String(port) }, ctx, show);
      } catch (e) {
        if (!(e instanceof CliError) || !e.message.startsWith('cannot listen') || port === 0)
          throw e;
        ctx.err(`port ${port} is busy: using any free port`);
        await runServe({ ...serve, port: '0' }, ctx, show);
      }
    });
}

/** Flags of `demo` as commander parses them. */
interface DemoOptions {
  db: string;
  dir: string;
  pages: string;
  seed: string;
  port: string;
  serve: boolean;
}
