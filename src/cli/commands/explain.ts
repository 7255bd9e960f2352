/**
 * `linkgap explain <url|domain>`: why a page, host or domain has its spam score (each fired
 * signal with weight and meaning), with its ranks, platform types, IP, country and technical
 * flag, read from the last build.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from './context.js';
import { explainJson, explainLines } from './explain-format.js';
import { parseExplainTarget } from './explain-target.js';
import { parseIntOption } from './options.js';

/** Register `explain`. */
export function explainCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('explain'))
    .argument('<target>', 'a URL (with its scheme), a host or a registrable domain')
    .description('explain the spam score and page facts of a URL, host or domain')
    .option('--json', 'print as JSON')
    .option('--top <n>', 'highest-scoring pages to list for a host or domain', '10')
    .action(async (raw: string, o: { db: string; json?: boolean; top: string }) => {
      const top = parseIntOption('--top', o.top, 0, 1000);
      const parsed = parseExplainTarget(raw);
      if (!parsed.ok) throw new CliError(parsed.message, EXIT.usage);
      if (!existsSync(o.db))
        throw new CliError(
          `no index at ${o.db}: run \`linkgap ingest\` and \`linkgap build\` first`,
        );
      const facts = await ctx.withStore(o.db, async (store) => {
        const found = await store.describeTarget(parsed.target, top);
        if (found === null && (await store.stats()).built === null) {
          throw new CliError(`${o.db} is not built yet: run \`linkgap build --db ${o.db}\``);
        }
        return found;
      });
      if (facts === null) {
        const t = parsed.target;
        const what = t.kind === 'page' ? t.url : t.kind === 'host' ? t.host : t.domain;
        throw new CliError(
          `${what} is not in the index (no ${t.kind === 'page' ? 'capture of this URL' : `page of this ${t.kind}`})`,
        );
      }
      if (o.json === true) ctx.out(JSON.stringify(explainJson(facts)));
      else for (const line of explainLines(facts)) ctx.out(line);
    });
}
