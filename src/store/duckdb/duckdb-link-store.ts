/**
 * `DuckDBLinkStore`: the store of record in one DuckDB file. One process writes at a time
 * (DuckDB's own file lock); ingest appends batches, build replaces the derived tables at once.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../errors.js';
import type {
  AppendResult,
  BuildStats,
  CaptureBatch,
  FactsTarget,
  FrontierItem,
  FrontierSeed,
  FrontierStats,
  IndexColumnSink,
  LineSink,
  LinkStore,
  LinksCsvOptions,
  SourceState,
  StepProgress,
  StoreStats,
  TargetFacts,
} from '../types.js';
import { runBuild } from './build/run-build.js';
import { CaptureWriter } from './capture-writer.js';
import { describeTarget } from './describe-target.js';
import { exportCaptures } from './export-captures.js';
import { exportLinks } from './export-links.js';
import { addFrontier, frontierStats, takeFrontier } from './frontier.js';
import { importLinksCsv } from './import-links-csv.js';
import { readIndexColumns } from './index-columns.js';
import { MIGRATIONS, RAW_SCHEMA, SCHEMA_VERSION, STAGE_SCHEMA } from './schema.js';
import { DuckDBSession } from './session.js';

/** Options of `createDuckDBStore`. */
export interface DuckDBStoreOptions {
  /** Database file; `:memory:` for tests. */
  path: string;
  /** DuckDB threads (default: all cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. `8GB`. */
  memoryLimit?: string;
}

/** The DuckDB implementation of `LinkStore`. */
export class DuckDBLinkStore implements LinkStore {
  readonly #instance: DuckDBInstance;
  readonly #session: DuckDBSession;
  readonly #writer: CaptureWriter;

  private constructor(instance: DuckDBInstance, session: DuckDBSession, nextId: number) {
    this.#instance = instance;
    this.#session = session;
    this.#writer = new CaptureWriter(session, nextId);
  }

  /** Open (creating if needed) a store file. */
  static async open(opts: DuckDBStoreOptions): Promise<DuckDBLinkStore> {
    const config: Record<string, string> = {};
    if (opts.threads !== undefined) config.threads = String(opts.threads);
    if (opts.memoryLimit !== undefined) config.memory_limit = opts.memoryLimit;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(opts.path, config);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const locked = /lock/i.test(message);
      throw new StoreError(
        locked ? 'STORE_LOCKED' : 'STORE_QUERY_FAILED',
        locked
          ? `${opts.path} is in use by another linkgap process (DuckDB allows one writer)`
          : `cannot open ${opts.path}: ${message.split('\n')[0]}`,
        { cause },
      );
    }
    const session = new DuckDBSession(await instance.connect());
    // Checkpoint in large steps: committed batches are safe in the WAL, and a checkpoint after
    // every batch would rewrite the file many times during an ingest.
    await session.exec(`SET checkpoint_threshold = '512MB'`);
    for (const ddl of RAW_SCHEMA) await session.exec(ddl);
    const version = await session.one(`SELECT value FROM meta WHERE key = 'schema_version'`);
    if (version === undefined) {
      await session.exec(`INSERT INTO meta VALUES ('schema_version', ?)`, [SCHEMA_VERSION]);
    } else if (version.value !== SCHEMA_VERSION) {
      await migrate(session, opts.path, String(version.value));
    }
    for (const ddl of STAGE_SCHEMA) await session.exec(ddl);
    // Tables of a build that died half-way are dropped; the published ones stay.
    for (const t of ['pages_next', 'links_next', 'hosts_next']) {
      await session.exec(`DROP TABLE IF EXISTS ${t}`);
    }
    const max = await session.one('SELECT coalesce(max(capture_id), 0) AS m FROM captures');
    return new DuckDBLinkStore(instance, session, Number(max?.m ?? 0) + 1);
  }

  async openSource(name: string, fingerprint: string): Promise<SourceState> {
    const s = this.#session;
    const row = await s.one('SELECT * FROM sources WHERE name = ?', [name]);
    if (row === undefined) {
      const next = await s.one('SELECT coalesce(max(source_id), 0) + 1 AS id FROM sources');
      const sourceId = Number(next?.id);
      await s.exec(
        `INSERT INTO sources (source_id, name, fingerprint, started_at) VALUES (?, ?, ?, now())`,
        [sourceId, name, fingerprint],
      );
      return { sourceId, name, recordsDone: 0, complete: false };
    }
    const sourceId = Number(row.source_id);
    if (row.fingerprint !== fingerprint) {
      // The input changed since it was read: read it again; captures stay deduplicated.
      await s.exec(
        `UPDATE sources SET fingerprint = ?, records_done = 0, complete = false,
           started_at = now(), finished_at = NULL WHERE source_id = ?`,
        [fingerprint, sourceId],
      );
      return { sourceId, name, recordsDone: 0, complete: false };
    }
    return {
      sourceId,
      name,
      recordsDone: Number(row.records_done),
      complete: row.complete === true,
    };
  }

  appendBatch(source: SourceState, batch: CaptureBatch): Promise<AppendResult> {
    return this.#writer.append(source, batch);
  }

  async finishSource(source: SourceState): Promise<void> {
    await this.#session.exec(
      'UPDATE sources SET complete = true, finished_at = now() WHERE source_id = ?',
      [source.sourceId],
    );
  }

  importLinksCsv(source: SourceState, path: string, opts: LinksCsvOptions): Promise<AppendResult> {
    return importLinksCsv(this.#session, this.#writer, source, path, opts);
  }

  build(onProgress?: StepProgress): Promise<BuildStats> {
    return runBuild(this.#session, onProgress);
  }

  exportCaptures(sink: LineSink): Promise<number> {
    return exportCaptures(this.#session, sink);
  }

  exportLinks(
    format: 'ndjson' | 'csv' | 'parquet',
    outPath: string | null,
    sink: LineSink,
  ): Promise<number> {
    return exportLinks(this.#session, format, outPath, sink);
  }

  readIndexColumns(sink: IndexColumnSink, onProgress?: StepProgress): Promise<void> {
    return readIndexColumns(this.#session, sink, onProgress);
  }

  describeTarget(target: FactsTarget, topPages: number): Promise<TargetFacts | null> {
    return describeTarget(this.#session, target, topPages);
  }

  async stats(): Promise<StoreStats> {
    const s = this.#session;
    const row = await s.one(
      `SELECT (SELECT count(*) FROM sources) AS sources, count(*) AS captures,
         strftime(min(fetched_at), '%Y-%m-%dT%H:%M:%SZ') AS first,
         strftime(max(fetched_at), '%Y-%m-%dT%H:%M:%SZ') AS last,
         (SELECT count(*) FROM capture_links) AS links,
         (SELECT count(*) FROM ingest_errors) AS errors
       FROM captures`,
    );
    const build = await s.one('SELECT stats FROM builds ORDER BY built_at DESC LIMIT 1');
    return {
      sources: Number(row?.sources ?? 0),
      captures: Number(row?.captures ?? 0),
      captureLinks: Number(row?.links ?? 0),
      ingestErrors: Number(row?.errors ?? 0),
      firstCapture: (row?.first as string | null) ?? null,
      lastCapture: (row?.last as string | null) ?? null,
      built: build === undefined ? null : (JSON.parse(String(build.stats)) as BuildStats),
    };
  }

  frontierAdd(crawl: string, seeds: readonly FrontierSeed[]): Promise<number> {
    return this.#session.transaction(() => addFrontier(this.#session, crawl, seeds));
  }

  frontierTake(
    crawl: string,
    limit: number,
    want: { queued: boolean; recrawlBefore: string | null },
    skip: ReadonlySet<string>,
  ): Promise<FrontierItem[]> {
    return takeFrontier(this.#session, crawl, limit, want, skip);
  }

  frontierStats(crawl: string): Promise<FrontierStats> {
    return frontierStats(this.#session, crawl);
  }

  async close(): Promise<void> {
    this.#session.connection.closeSync();
    this.#instance.closeSync();
  }
}

/** Open a DuckDB-backed `LinkStore`. */
export function createDuckDBStore(opts: DuckDBStoreOptions): Promise<DuckDBLinkStore> {
  return DuckDBLinkStore.open(opts);
}

/** Take a file of an older schema version to the current one in one transaction, or refuse it. */
async function migrate(session: DuckDBSession, path: string, from: string): Promise<void> {
  let version = from;
  const steps: string[] = [];
  while (version !== SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (step === undefined) {
      throw new StoreError(
        'STORE_SCHEMA_MISMATCH',
        `${path} has schema version ${from}; this linkgap expects ${SCHEMA_VERSION}`,
      );
    }
    steps.push(...step);
    version = String(Number(version) + 1);
  }
  await session.transaction(async () => {
    for (const ddl of steps) await session.exec(ddl);
    await session.exec(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, [SCHEMA_VERSION]);
  });
}
