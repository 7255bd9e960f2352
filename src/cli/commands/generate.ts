/**
 * `linkgap generate`: a deterministic synthetic web as WARC.gz (or captures NDJSON for the
 * largest sizes) plus its ground truth.
 */
import type { Command } from 'commander';
import { type GenerateSummary, generateWeb } from '../../generate/index.js';
import { CliError, EXIT } from '../cli-error.js';
import { createProgress, formatBytes, formatCount } from '../progress.js';
import type { CliContext } from './context.js';
import { parseIntOption } from './options.js';

/** Options of `runGenerate`. */
export interface GenerateRunOptions {
  outDir: string;
  pages?: number;
  links?: number;
  seed: number;
  snapshots: number;
  format: 'warc' | 'ndjson';
  quiet?: boolean;
}

/** Generate with progress. */
export async function runGenerate(o: GenerateRunOptions): Promise<GenerateSummary> {
  const progress = createProgress(
    100,
    'generate |{bar}| {phase} {done}/{total} · {mb}',
    (_, f) => `generate: ${f.phase} ${f.done}/${f.total}, ${f.mb}`,
    { quiet: o.quiet },
  );
  try {
    return await generateWeb({
      outDir: o.outDir,
      pages: o.pages,
      links: o.links,
      seed: o.seed,
      snapshots: o.snapshots,
      format: o.format,
      onProgress: (p) =>
        progress.update(p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0, {
          phase: p.phase,
          done: formatCount(p.done),
          total: formatCount(p.total),
          mb: formatBytes(p.bytes),
        }),
    });
  } finally {
    progress.stop();
  }
}

/** Summary line of a generated web. */
export function describeGenerate(s: GenerateSummary): string {
  return (
    `generated ${formatCount(s.sites)} sites, ${formatCount(s.pages)} pages, ` +
    `${formatCount(s.captures)} captures, ${formatCount(s.links)} link occurrences over ` +
    `${s.snapshots.length} snapshot(s) (${s.snapshots.join(', ')}): ${s.files.length} file(s), ` +
    `${formatBytes(s.bytes)}; ground truth in ${s.truthFile}`
  );
}

/** Register `generate`. */
export function generateCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('generate'))
    .description(
      'write a deterministic synthetic web (WARC.gz, or captures NDJSON) and its ground truth',
    )
    .requiredOption('--out <dir>', 'output directory')
    .option('--pages <n>', 'number of pages (default 2,000)')
    .option('--links <n>', 'number of link occurrences in the last snapshot (instead of --pages)')
    .option('--seed <s>', 'random seed', '1')
    .option('--snapshots <k>', 'crawl snapshots, about three months apart', '2')
    .option(
      '--format <format>',
      'warc | ndjson (the fast path for tens of millions of links)',
      'warc',
    )
    .action(
      async (o: {
        out: string;
        pages?: string;
        links?: string;
        seed: string;
        snapshots: string;
        format: string;
      }) => {
        if (o.pages !== undefined && o.links !== undefined) {
          throw new CliError('give --pages or --links, not both', EXIT.usage);
        }
        if (o.format !== 'warc' && o.format !== 'ndjson') {
          throw new CliError(`--format must be warc or ndjson (got '${o.format}')`, EXIT.usage);
        }
        const summary = await runGenerate({
          outDir: o.out,
          pages:
            o.pages === undefined ? undefined : parseIntOption('--pages', o.pages, 10, 100_000_000),
          links:
            o.links === undefined
              ? undefined
              : parseIntOption('--links', o.links, 1_000, 2_000_000_000),
          seed: parseIntOption('--seed', o.seed, 0, 2 ** 31 - 1),
          snapshots: parseIntOption('--snapshots', o.snapshots, 1, 12),
          format: o.format,
        });
        ctx.err(describeGenerate(summary));
      },
    );
}
