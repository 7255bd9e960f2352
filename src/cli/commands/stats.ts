/**
 * `linkgap stats`: what is in the index.
 */
import type { Command } from 'commander';
import type { IndexInfo } from '../../engine/index.js';
import { indexRootFor, readIndexInfo } from '../../link-index/index.js';
import type { StoreStats } from '../../store/index.js';
import { formatCount } from '../progress.js';
import type { CliContext } from './context.js';

/** Human-readable description of the index. */
export function describeStats(s: StoreStats): string[] {
  const lines = [
    `sources:   ${formatCount(s.sources)}`,
    `captures:  ${formatCount(s.captures)} (${s.firstCapture ?? '-'} … ${s.lastCapture ?? '-'})`,
    `link occurrences: ${formatCount(s.captureLinks)}`,
    `unreadable records: ${formatCount(s.ingestErrors)}`,
  ];
  const b = s.built;
  if (b === null) {
    lines.push('not built yet: run `linkgap build`');
  } else {
    lines.push(
      `pages:     ${formatCount(b.pages)}`,
      `links:     ${formatCount(b.links)} (${formatCount(b.liveLinks)} live, ${formatCount(b.lostLinks)} lost, ${formatCount(b.indirectLinks)} indirect)`,
      `domains:   ${formatCount(b.domains)} (${formatCount(b.referringDomains)} referring), ${formatCount(b.hosts)} hosts`,
      `crawl dates: ${b.crawlDates.join(', ')}`,
      `last build: ${b.builtAt} (${b.seconds.toFixed(1)} s)`,
    );
  }
  return lines;
}

/** The line describing the served link index generation. */
export function describeIndexInfo(i: IndexInfo | null): string {
  if (i === null) return 'link index: none yet: run `linkgap build`';
  return `link index: ${i.generation} (built ${i.builtAt}; ${formatCount(i.links)} links, ${formatCount(i.pages)} referring pages, ${formatCount(i.domains)} referring domains)`;
}

/** Register `stats`. */
export function statsCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('stats'))
    .description('print what is in the index')
    .option('--json', 'print as JSON')
    .action(async (o: { db: string; json?: boolean }) => {
      const stats = await ctx.withStore(o.db, (store) => store.stats());
      const index = await readIndexInfo(indexRootFor(o.db));
      if (o.json === true) ctx.out(JSON.stringify({ ...stats, index }));
      else {
        for (const line of describeStats(stats)) ctx.out(line);
        ctx.out(describeIndexInfo(index));
      }
    });
}
