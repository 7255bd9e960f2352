/**
 * `linkgap build`: derive pages and links (history, indirect links) from all captures.
 */
import type { Command } from 'commander';
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
    .description('rebuild pages and links (history, indirect links) from all captures, atomically')
    .option('--json', 'print the build stats as JSON on stdout')
    .action(async (o: { db: string; json?: boolean }) => {
      const stats = await ctx.withStore(o.db, (store) => runBuild(store));
      if (o.json === true) ctx.out(JSON.stringify(stats));
      else for (const line of describeBuild(stats)) ctx.err(line);
    });
}
