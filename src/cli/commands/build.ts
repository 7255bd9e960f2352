/**
 * `linkgap build`: derive pages and links (history, indirect links) from all captures.
 */
import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { formatCount } from '../progress.js';
import { describeBuild, describeIndex, runBuild, runIndex } from './build-steps.js';
import type { CliContext } from './context.js';
import { engineSource, parseIntOption } from './options.js';
import { buildInStore } from './store-commands.js';

const BUILD_HELP = `
With --store URL (a ClickHouse store), the store's captures are read into a staging file under
--work-dir, built there, and the result is published as the store's newest generation (what
\`linkgap serve --store URL\` answers from, switching by itself).`;

/** Register `build`. */
export function buildCommand(program: Command, ctx: CliContext): void {
  ctx
    .withStoreUrl(ctx.withDb(program.command('build')))
    .description(
      'rebuild pages and links (history, indirect links) from all captures, then the link index, atomically',
    )
    .option('--json', 'print the build stats as JSON on stdout')
    .option('--work-dir <dir>', 'with --store: where the staging files go', tmpdir())
    .option('--keep <n>', 'with --store: generations kept in the store, this one included', '2')
    .addHelpText('after', BUILD_HELP)
    .action(
      async (o: { db: string; store?: string; workDir: string; keep: string; json?: boolean }) => {
        if (o.store !== undefined) {
          const url = engineSource(o);
          const keep = parseIntOption('--keep', o.keep, 1, 1000);
          const r = await buildInStore(ctx, url, { workDir: o.workDir, keep, workers: 1 });
          if (o.json === true) {
            ctx.out(JSON.stringify({ ...r.stats, index: r.index, published: r.published }));
            return;
          }
          for (const line of describeBuild(r.stats)) ctx.err(line);
          ctx.err(
            r.published.alreadyPublished
              ? `generation ${r.index.generation} is already the store's (the captures are unchanged)`
              : `generation ${r.index.generation} published to the store (${formatCount(r.published.links)} links)`,
          );
          if (r.published.dropped.length > 0) {
            ctx.err(`dropped older generations: ${r.published.dropped.join(', ')}`);
          }
          return;
        }
        const [stats, index] = await ctx.withStore(o.db, async (store) => {
          const built = await runBuild(store);
          return [built, await runIndex(store, o.db)] as const;
        });
        if (o.json === true) ctx.out(JSON.stringify({ ...stats, index }));
        else {
          for (const line of describeBuild(stats)) ctx.err(line);
          ctx.err(describeIndex(index, o.db));
        }
      },
    );
}
