/**
 * `linkgap build`: derive pages and links (history, indirect links) from all captures.
 */
import type { Command } from 'commander';
import type { IndexInfo } from '../../engine/index.js';
import { indexRootFor, writeLinkIndex } from '../../link-index/index.js';
import type { BuildStats, LinkStore } from '../../store/index.js';
import { createProgress, formatCount } from '../progress.js';
import type { CliContext } from './context.js';

/** Run a build with progress. */
export async function runBuild(store: LinkStore, quiet = false): Promise<BuildStats> {
  const progress = createProgress(12, 'build |{bar}| {step}', (_, f) => `build: ${f.step}`, {
    quiet,
    intervalMs: 0,
  });
  try {
    return await store.build((step, index) => progress.update(index, { step }));
  } finally {
    progress.stop();
  }
}

/** Write the link index generation of a fresh build (beside the store file), with progress. */
export async function runIndex(
  store: LinkStore,
  dbPath: string,
  quiet = false,
): Promise<IndexInfo> {
  const progress = createProgress(5, 'index |{bar}| {step}', (_, f) => `build: ${f.step}`, {
    quiet,
    intervalMs: 0,
  });
  try {
    return await writeLinkIndex(store, indexRootFor(dbPath), (step, index) =>
      progress.update(index, { step }),
    );
  } finally {
    progress.stop();
  }
}

/** Summary line of a written index generation. */
export function describeIndex(i: IndexInfo, dbPath: string): string {
  return `link index ${i.generation} written to ${indexRootFor(dbPath)}`;
}

/** Summary lines of a build. */
export function describeBuild(s: BuildStats): string[] {
  return [
    `built in ${s.seconds.toFixed(1)} s: ${formatCount(s.pages)} pages, ${formatCount(s.links)} links ` +
      `(${formatCount(s.liveLinks)} live, ${formatCount(s.lostLinks)} lost, ` +
      `${formatCount(s.indirectLinks)} indirect), ${formatCount(s.referringDomains)} referring domains`,
  ];
}

/** Register `build`. */
export function buildCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('build'))
    .description(
      'rebuild pages and links (history, indirect links) from all captures, then the link index, atomically',
    )
    .option('--json', 'print the build stats as JSON on stdout')
    .action(async (o: { db: string; json?: boolean }) => {
      const [stats, index] = await ctx.withStore(o.db, async (store) => {
        const built = await runBuild(store);
        return [built, await runIndex(store, o.db)] as const;
      });
      if (o.json === true) ctx.out(JSON.stringify({ ...stats, index }));
      else {
        for (const line of describeBuild(stats)) ctx.err(line);
        ctx.err(describeIndex(index, o.db));
      }
    });
}
