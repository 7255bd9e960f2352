/** `linkgap migrate`: copy the built index of a DuckDB file into a ClickHouse store. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { indexRootFor } from '../../link-index/index.js';
import { migrateToClickHouse, openClickHouseStore } from '../../scale-out/index.js';
import { isClickHouseUrl, redactClickHouseUrl } from '../../store/clickhouse/index.js';
import { CliError, EXIT } from '../cli-error.js';
import { createProgress, formatCount, type Progress } from '../progress.js';
import type { CliContext } from './context.js';
import { parseIntOption } from './options.js';

const HELP = `
The current generation of the index beside --db (run \`linkgap build\` first) is copied into
the ClickHouse store and published there as its newest generation; \`linkgap serve --store URL\`
switches to it. Tables are created on every node (one shard per listed host), rows go through
the Distributed table with synchronous inserts.

Store URLs:
  clickhouse://[user[:password]@]host:8123[,host:8123…]/DATABASE[?cluster=lg]
  chdb:DIRECTORY[?module=PATH]      (ClickHouse in-process through the chdb package)

Examples:
  linkgap migrate --db ./linkgap.duckdb --to clickhouse://ch1:8123,ch2:8123/linkgap
  linkgap serve --store clickhouse://ch1:8123,ch2:8123/linkgap`;

export function migrateCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('migrate'))
    .description('copy the built index into a ClickHouse store (scale-out)')
    .requiredOption('--to <url>', 'the ClickHouse store: clickhouse://host:8123/db or chdb:DIR')
    .option('--batch <rows>', 'rows per insert', '20000')
    .option(
      '--keep <n>',
      'generations kept in the store, this one included (older ones are dropped)',
      '2',
    )
    .option('--quiet', 'no progress output')
    .addHelpText('after', HELP)
    .action(async (o: { db: string; to: string; batch: string; keep: string; quiet?: boolean }) => {
      const batch = parseIntOption('--batch', o.batch, 100, 1_000_000);
      const keep = parseIntOption('--keep', o.keep, 1, 1000);
      if (!isClickHouseUrl(o.to)) {
        throw new CliError('--to must be a clickhouse:// or chdb: store URL', EXIT.usage);
      }
      if (!existsSync(join(indexRootFor(o.db), 'CURRENT'))) {
        throw new CliError(
          `no link index beside ${o.db}: run \`linkgap build --db ${o.db}\` first`,
        );
      }
      const conn = await openClickHouseStore(o.to);
      let progress: Progress | undefined;
      try {
        const r = await migrateToClickHouse({
          dbPath: o.db,
          target: conn,
          batch,
          keep,
          onProgress: (done, total) => {
            progress ??= createProgress(
              total,
              'migrate |{bar}| {value}/{total} links',
              (d) => `migrate: ${formatCount(d)} of ${formatCount(total)} links`,
              { quiet: o.quiet === true },
            );
            progress.update(done, {});
          },
        });
        progress?.stop();
        if (r.alreadyPublished) {
          ctx.out(
            `generation ${r.generation} is already published in ${redactClickHouseUrl(o.to)}: nothing to copy (run linkgap build for a new one)`,
          );
          return;
        }
        ctx.out(
          `migrated ${formatCount(r.links)} links of generation ${r.generation} to ${redactClickHouseUrl(o.to)} in ${r.seconds.toFixed(1)} s`,
        );
        if (r.dropped.length > 0) ctx.out(`dropped older generations: ${r.dropped.join(', ')}`);
      } finally {
        progress?.stop();
        await conn.close();
      }
    });
}
