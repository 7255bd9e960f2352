/**
 * `linkgap export --captures|--links`: the captures NDJSON interchange format, or the built links.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import type { LineSink } from '../../store/index.js';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from './context.js';
import { engineSource } from './options.js';
import { exportFromStore } from './store-commands.js';

/** Register `export`. */
export function exportCommand(program: Command, ctx: CliContext): void {
  ctx
    .withStoreUrl(ctx.withDb(program.command('export')))
    .description('export captures (captures NDJSON) or the built links (NDJSON, CSV, Parquet)')
    .option('--captures', 'every capture as captures NDJSON, revisits resolved')
    .option('--links', 'the built link table')
    .option('--format <format>', 'ndjson | csv | parquet (links only)', 'ndjson')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      async (o: {
        db: string;
        store?: string;
        captures?: boolean;
        links?: boolean;
        format: string;
        out?: string;
      }) => {
        if ((o.captures === true) === (o.links === true)) {
          throw new CliError('say what to export: --captures or --links', EXIT.usage);
        }
        if (!['ndjson', 'csv', 'parquet'].includes(o.format)) {
          throw new CliError(
            `--format must be ndjson, csv or parquet (got '${o.format}')`,
            EXIT.usage,
          );
        }
        const format = o.format as 'ndjson' | 'csv' | 'parquet';
        if (o.captures === true && format !== 'ndjson') {
          throw new CliError('captures export only as ndjson', EXIT.usage);
        }
        if (o.store !== undefined) {
          const url = engineSource(o);
          if (format === 'parquet') {
            throw new CliError('a ClickHouse store exports ndjson or csv', EXIT.usage);
          }
          await writeLines(o.out, (sink) =>
            exportFromStore(url, o.captures === true ? 'captures' : 'links', format, sink),
          );
          return;
        }
        await ctx.withStore(o.db, async (store) => {
          if (o.links === true && o.out !== undefined) {
            return store.exportLinks(format, o.out, () => undefined);
          }
          return writeLines(o.out, (sink) =>
            o.captures === true
              ? store.exportCaptures(sink)
              : store.exportLinks(format, null, sink),
          );
        });
      },
    );
}

/** Run `write` with a sink of lines to `path` (stdout without one), waiting on back-pressure. */
async function writeLines(
  path: string | undefined,
  write: (sink: LineSink) => Promise<number>,
): Promise<number> {
  const out: WriteStream | NodeJS.WriteStream =
    path === undefined ? process.stdout : createWriteStream(path);
  const sink = (line: string): Promise<void> | undefined =>
    out.write(`${line}\n`) ? undefined : new Promise((r) => out.once('drain', () => r()));
  const n = await write(sink);
  if (out !== process.stdout) await new Promise<void>((r) => (out as WriteStream).end(r));
  return n;
}
