/**
 * `ClickHouseClient` in-process through the chdb package (current ClickHouse as a library). chdb
 * is about 540 MB, so it is not a dependency: it is loaded from `modulePath`, from
 * `LINKGAP_CHDB_MODULE`, or from wherever Node finds `chdb`.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import {
  type ClickHouseClient,
  ClickHouseError,
  JsonEachRowSplitter,
  jsonEachRow,
  parseJsonResult,
  type QueryResult,
  type QuerySettings,
} from './client.js';
import { identifier, sqlNumber, sqlString } from './escape.js';
import { parseVersion } from './http-client.js';

interface ChdbSession {
  query(sql: string, format?: string): string;
  cleanup(): void;
}
interface ChdbModule {
  Session: new (path?: string) => ChdbSession;
}

export interface ChdbClientOptions {
  /** The data directory (created if missing). */
  path: string;
  database: string;
  /** Where the chdb package is (its directory or main file). */
  modulePath?: string | null;
}

function loadChdb(modulePath: string | null | undefined): ChdbModule {
  const require = createRequire(import.meta.url);
  const from = modulePath ?? process.env.LINKGAP_CHDB_MODULE ?? 'chdb';
  const id = isAbsolute(from) || from.startsWith('.') ? resolve(from) : from;
  try {
    return require(id) as ChdbModule;
  } catch (error) {
    throw new ClickHouseError(
      `chdb is not installed (looked for ${id}); install it with npm install chdb, or name it with ?module=PATH or LINKGAP_CHDB_MODULE`,
      null,
      { cause: error },
    );
  }
}

function settingsClause(settings: QuerySettings | undefined): string {
  const entries = Object.entries(settings ?? {});
  if (entries.length === 0) return '';
  const parts = entries.map(
    ([k, v]) =>
      `${identifier(k).slice(1, -1)} = ${typeof v === 'number' ? sqlNumber(v) : sqlString(v)}`,
  );
  return `\nSETTINGS ${parts.join(', ')}`;
}

function chdbError(error: unknown): ClickHouseError {
  const text = error instanceof Error ? error.message : String(error);
  const code = /Code: (\d+)/.exec(text)?.[1];
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? text).slice(0, 2000);
  return new ClickHouseError(`ClickHouse: ${line}`, code === undefined ? null : Number(code), {
    cause: error,
  });
}

class ChdbClient implements ClickHouseClient {
  readonly database: string;
  readonly version;
  readonly #session: ChdbSession;
  // chdb runs one statement at a time per session: calls queue behind each other.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(session: ChdbSession, database: string) {
    this.#session = session;
    this.database = database;
    this.version = parseVersion(
      this.#run('SELECT version() AS v', 'JSONEachRow').split('"')[3] ?? '',
    );
  }

  #run(sql: string, format: string): string {
    try {
      return this.#session.query(sql, format);
    } catch (error) {
      throw chdbError(error);
    }
  }

  #serial<T>(fn: () => T): Promise<T> {
    const next = this.#queue.then(fn, fn);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async exec(sql: string, settings?: QuerySettings): Promise<void> {
    await this.#serial(() => this.#run(`${sql}${settingsClause(settings)}`, 'CSV'));
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    settings?: QuerySettings,
  ): Promise<QueryResult<Row>> {
    const text = await this.#serial(() =>
      this.#run(
        `${sql}${settingsClause({ output_format_json_quote_64bit_integers: 0, ...settings })}`,
        'JSON',
      ),
    );
    return parseJsonResult<Row>(text);
  }

  /** chdb answers a query whole: the rows are handed on in batches of the complete answer. */
  async stream<Row = Record<string, unknown>>(
    sql: string,
    onRows: (rows: Row[]) => Promise<void> | void,
    opts: { settings?: QuerySettings; batch?: number } = {},
  ): Promise<number> {
    const text = await this.#serial(() =>
      this.#run(
        `${sql}${settingsClause({ output_format_json_quote_64bit_integers: 0, ...opts.settings })}`,
        'JSONEachRow',
      ),
    );
    const splitter = new JsonEachRowSplitter<Row>(chdbError);
    const rows = [...splitter.push(new TextEncoder().encode(text)), ...splitter.push()];
    const size = opts.batch ?? 5_000;
    for (let i = 0; i < rows.length; i += size) await onRows(rows.slice(i, i + size));
    return rows.length;
  }

  async insert(
    table: string,
    rows: readonly Record<string, unknown>[],
    settings?: QuerySettings,
  ): Promise<void> {
    if (rows.length === 0) return;
    const data = jsonEachRow(rows);
    await this.#serial(() =>
      this.#run(
        `INSERT INTO ${table}${settingsClause(settings)} FORMAT JSONEachRow\n${data}`,
        'CSV',
      ),
    );
  }

  async close(): Promise<void> {
    await this.#serial(() => this.#session.cleanup());
  }
}

/** Open (or create) a chdb data directory with `database` selected. */
export async function createChdbClient(opts: ChdbClientOptions): Promise<ClickHouseClient> {
  const chdb = loadChdb(opts.modulePath);
  mkdirSync(opts.path, { recursive: true });
  let session: ChdbSession;
  try {
    session = new chdb.Session(opts.path);
    session.query(`CREATE DATABASE IF NOT EXISTS ${identifier(opts.database)}`, 'CSV');
    session.query(`USE ${identifier(opts.database)}`, 'CSV');
  } catch (error) {
    throw chdbError(error);
  }
  return new ChdbClient(session, opts.database);
}
