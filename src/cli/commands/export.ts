/**
 * `linkgap export --captures|--links`: the captures NDJSON interchange format, or the built links.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from './context.js';

/** Register `export`. */
export function exportCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('export'))
    .description('export captures (captures NDJSON) or the built links (NDJSON, CSV, Parquet)')
    .option('--captures', 'every capture as captures NDJSON, revisits resolved')
    .option('--links', 'the built link table')
    .option('--format <format>', 'ndjson | csv | parquet (links only)', 'ndjson')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      async (o: {
        db: string;
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
        await ctx.withStore(o.db, async (store) => {
          if (o.links === true && o.out !== undefined) {
            return store.exportLinks(format, o.out, () => undefined);
          }
          const out: WriteStream | NodeJS.WriteStream =
            o.out === undefined ? process.stdout : createWriteStream(o.out);
          const sink = (line: string): Promise<void> | undefined =>
            out.write(`${line}\n`) ? undefined : new Promise((r) => out.once('drain', () => r()));
          const n =
            o.captures === true
              ? await store.exportCaptures(sink)
              : await store.exportLinks(format, null, sink);
          if (out !== process.stdout) await new Promise<void>((r) => (out as WriteStream).end(r));
          return n;
        });
      },
    );
}
