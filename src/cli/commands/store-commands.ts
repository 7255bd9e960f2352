/**
 * `ingest`, `build` and `export` on a ClickHouse store (`--store URL`). Ingest reads its inputs
 * into a staging DuckDB file (every format, with the same checks and resumability as `--db`)
 * and uploads its captures; build reads the store's captures into a staging file, builds there
 * (history, indirect links, ranks, spam scores, the index) and publishes the result as the
 * store's newest generation, as `migrate` does. Staging files live in a temporary directory
 * under `--work-dir` and are removed when the command ends.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexInfo } from '../../engine/index.js';
import type { IngestSummary } from '../../ingest/index.js';
import {
  countCaptures,
  ensureCaptureTables,
  exportClickHouseLinks,
  hasCaptures,
  type MigrateResult,
  migrateToClickHouse,
  openClickHouseStore,
  recordSources,
  streamCaptures,
  uploadCaptures,
  uploadedSources,
} from '../../scale-out/index.js';
import type { ClickHouseConnection } from '../../store/clickhouse/index.js';
import type { BuildStats, LineSink } from '../../store/index.js';
import { CliError } from '../cli-error.js';
import { createProgress, formatCount } from '../progress.js';
import { runBuild, runIndex } from './build-steps.js';
import type { CliContext } from './context.js';
import { type IngestRunOptions, runIngest } from './ingest-run.js';

/** Where staging files go (default: the system's temporary directory). */
export interface StagingOptions {
  workDir?: string;
  quiet?: boolean;
}

async function withConnection<T>(
  url: string,
  body: (conn: ClickHouseConnection) => Promise<T>,
): Promise<T> {
  const conn = await openClickHouseStore(url);
  try {
    return await body(conn);
  } finally {
    await conn.close();
  }
}

async function withStaging<T>(opts: StagingOptions, body: (dir: string) => Promise<T>): Promise<T> {
  let dir: string;
  try {
    dir = await mkdtemp(join(opts.workDir ?? tmpdir(), 'linkgap-staging-'));
  } catch (error) {
    throw new CliError(
      `--work-dir: cannot create a staging directory: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A progress bar over `total` items, `what` naming them. */
function bar(name: string, what: string, total: number, quiet: boolean) {
  return createProgress(
    total,
    `${name} |{bar}| {value}/{total} ${what}`,
    (d) => `${name}: ${formatCount(d)} of ${formatCount(total)} ${what}`,
    { quiet },
  );
}

/** What `ingest --store` did: the staging run's summary and the captures uploaded. */
export interface StoreIngestSummary extends IngestSummary {
  uploaded: number;
}

/** Ingest inputs into the ClickHouse store at `url`. */
export async function ingestIntoStore(
  ctx: CliContext,
  url: string,
  inputs: string[],
  opts: IngestRunOptions & StagingOptions,
): Promise<StoreIngestSummary> {
  return withConnection(url, async (conn) => {
    await ensureCaptureTables(conn);
    const known = await uploadedSources(conn);
    return withStaging(opts, (dir) =>
      ctx.withStore(join(dir, 'staging.duckdb'), async (store) => {
        // Inputs uploaded before, unchanged since, are skipped as `--db` skips finished ones.
        for (const s of known)
          await store.finishSource(await store.openSource(s.name, s.fingerprint));
        const summary = await runIngest(store, inputs, opts);
        const total = (await store.stats()).captures;
        const progress = bar('upload', 'captures', total, opts.quiet === true);
        let uploaded = 0;
        try {
          uploaded = await uploadCaptures(conn, store, {
            onProgress: (n) => progress.update(n, {}),
          });
        } finally {
          progress.stop();
        }
        // Recorded last: a run killed mid-upload reads the input again next time.
        await recordSources(
          conn,
          summary.finishedInputs.map((f) => ({ name: f.input, fingerprint: f.fingerprint })),
        );
        return { ...summary, uploaded };
      }),
    );
  });
}

/** What `build --store` did. */
export interface StoreBuildResult {
  stats: BuildStats;
  index: IndexInfo;
  published: MigrateResult;
}

/** Build from the store's captures and publish the result as its newest generation. */
export async function buildInStore(
  ctx: CliContext,
  url: string,
  opts: StagingOptions & { keep: number; workers: number },
): Promise<StoreBuildResult> {
  const quiet = opts.quiet === true;
  return withConnection(url, async (conn) => {
    const total = (await hasCaptures(conn)) ? await countCaptures(conn) : 0;
    if (total === 0) {
      throw new CliError('the store holds no captures yet: run linkgap ingest --store first');
    }
    return withStaging(opts, async (dir) => {
      const file = join(dir, 'captures.ndjson');
      const out = createWriteStream(file);
      const progress = bar('download', 'captures', total, quiet);
      let done = 0;
      try {
        await streamCaptures(conn, async (lines) => {
          if (!out.write(`${lines.join('\n')}\n`)) {
            await new Promise<void>((r) => out.once('drain', () => r()));
          }
          done += lines.length;
          progress.update(done, {});
        });
      } finally {
        progress.stop();
        await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
      }
      const db = join(dir, 'build.duckdb');
      const [stats, index] = await ctx.withStore(db, async (store) => {
        const read = await runIngest(store, [file], { workers: opts.workers, quiet });
        if (read.failedInputs.length > 0 || read.errors > 0) {
          throw new CliError(
            `the store's captures did not read back cleanly: ${read.failedInputs[0]?.message ?? read.errorSamples[0]?.message}`,
          );
        }
        const built = await runBuild(store, quiet);
        return [built, await runIndex(store, db, quiet)] as const;
      });
      const copy = bar('publish', 'links', index.links, quiet);
      try {
        const published = await migrateToClickHouse({
          dbPath: db,
          target: conn,
          keep: opts.keep,
          onProgress: (n) => copy.update(n, {}),
        });
        return { stats, index, published };
      } finally {
        copy.stop();
      }
    });
  });
}

/** Export the store's captures (NDJSON) or current links (NDJSON or CSV) to `sink`. */
export function exportFromStore(
  url: string,
  what: 'captures' | 'links',
  format: 'ndjson' | 'csv',
  sink: LineSink,
): Promise<number> {
  return withConnection(url, async (conn) => {
    if (what === 'links') return exportClickHouseLinks(conn, format, sink);
    if (!(await hasCaptures(conn))) return 0;
    return streamCaptures(conn, async (lines) => {
      for (const line of lines) await sink(line);
    });
  });
}
