/**
 * `linkgap demo`: generate a small synthetic web, ingest it with progress, build, and print what
 * is in the index with the commands to try next.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { describeBuild, describeIndex, runBuild, runIndex } from './build.js';
import type { CliContext } from './context.js';
import { describeGenerate, runGenerate } from './generate.js';
import { describeIngest, runIngest } from './ingest.js';
import { parseIntOption } from './options.js';
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

/** Register `demo`. */
export function demoCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('demo'))
    .description('generate a ~20k-page synthetic web, ingest it, build the index and describe it')
    .option('--dir <dir>', 'where the generated web is written', './demo')
    .option('--pages <n>', 'pages to generate', '20000')
    .option('--seed <s>', 'random seed', '1')
    .action(async (o: { db: string; dir: string; pages: string; seed: string }) => {
      const pages = parseIntOption('--pages', o.pages, 10, 1_000_000);
      const seed = parseIntOption('--seed', o.seed, 0, 2 ** 31 - 1);
      const web = join(o.dir, `web-${pages}-${seed}`);
      ctx.err(`1/3 generating a synthetic web in ${web}`);
      let files = await generatedFiles(web, pages, seed);
      if (files === undefined) {
        const gen = await runGenerate({ outDir: web, pages, seed, snapshots: 2, format: 'warc' });
        ctx.err(describeGenerate(gen));
        files = gen.files;
      } else {
        ctx.err(`reusing the web generated earlier with the same options`);
      }
      ctx.err(`2/3 ingesting into ${o.db}`);
      await ctx.withStore(o.db, async (store) => {
        // The archives only: the ground truth beside them is for tests, not a crawl.
        const ing = await runIngest(store, files, { workers: availableParallelism() });
        for (const line of describeIngest(ing)) ctx.err(line);
        ctx.err('3/3 building the index');
        const built = await runBuild(store);
        for (const line of describeBuild(built)) ctx.err(line);
        ctx.err(describeIndex(await runIndex(store, o.db), o.db));
        const stats = await store.stats();
        ctx.out('');
        ctx.out('What is in the index:');
        for (const line of describeStats(stats)) ctx.out(`  ${line}`);
      });
      const db = resolve(o.db);
      ctx.out('');
      ctx.out('Try next:');
      ctx.out(`  linkgap stats --db ${db}`);
      ctx.out(`  linkgap export --links --format csv --db ${db} | head`);
      ctx.out(`  linkgap export --captures --db ${db} | head -n 3`);
      ctx.out(`  linkgap ingest --db ${db} path/to/your/crawl.warc.gz && linkgap build --db ${db}`);
    });
}
