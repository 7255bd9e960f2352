/**
 * `linkgap ingest INPUT…`: WARC, WAT, captures NDJSON and links CSV from files, directories,
 * globs, URLs and Common Crawl path lists.
 */
import { availableParallelism, tmpdir } from 'node:os';
import type { Command } from 'commander';
import { EXIT } from '../cli-error.js';
import { formatCount } from '../progress.js';
import type { CliContext } from './context.js';
import { describeIngest, runIngest } from './ingest-run.js';
import { engineSource, parseIntOption } from './options.js';
import { ingestIntoStore } from './store-commands.js';

/** Register `ingest`. */
export function ingestCommand(program: Command, ctx: CliContext): void {
  ctx
    .withStoreUrl(ctx.withDb(program.command('ingest')))
    .description(
      'ingest WARC / WARC.gz, Common Crawl WAT, captures NDJSON and links CSV: files, directories, ' +
        'globs, http(s) URLs and Common Crawl *.paths(.gz) lists',
    )
    .argument('<inputs...>', 'files, directories, globs, URLs or path lists')
    .option('--base-url <url>', 'prefix for the paths of a Common Crawl *.paths.gz list')
    .option(
      '--workers <n>',
      'inputs read (gunzipped, parsed, extracted) at once on worker threads; 0 = on the main thread',
      String(availableParallelism()),
    )
    .option('--batch <n>', 'captures stored per atomic batch', '2000')
    .option('--work-dir <dir>', 'with --store: where the staging file goes', tmpdir())
    .option('--json', 'print the summary as JSON on stdout')
    .action(
      async (
        inputs: string[],
        o: {
          db: string;
          store?: string;
          workDir: string;
          baseUrl?: string;
          workers: string;
          batch: string;
          json?: boolean;
        },
      ) => {
        const workers = parseIntOption('--workers', o.workers, 0, 64);
        const batch = parseIntOption('--batch', o.batch, 1, 1_000_000);
        const run = { baseUrl: o.baseUrl, workers, batch };
        const summary =
          o.store === undefined
            ? await ctx.withStore(o.db, (store) => runIngest(store, inputs, run))
            : await ingestIntoStore(ctx, engineSource(o), inputs, { ...run, workDir: o.workDir });
        if (o.json === true) ctx.out(JSON.stringify(summary));
        else for (const line of describeIngest(summary)) ctx.err(line);
        if ('uploaded' in summary) {
          ctx.err(`uploaded ${formatCount(summary.uploaded as number)} captures to the store`);
        }
        const nothingRead = summary.inputs === 0 && summary.alreadyIngested === 0;
        if (summary.failedInputs.length > 0 || nothingRead) ctx.setExitCode(EXIT.failed);
      },
    );
}
