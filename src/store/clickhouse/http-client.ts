/**
 * `ClickHouseClient` over ClickHouse's HTTP interface (every server from 18.16 on): the SQL is
 * the POST body, settings and the database travel as URL parameters, credentials as basic auth
 * (never in a URL or a message).
 */
import { Agent, request } from 'undici';
import {
  type ClickHouseClient,
  ClickHouseError,
  JsonEachRowSplitter,
  jsonEachRow,
  parseJsonResult,
  type QueryResult,
  type QuerySettings,
  type ServerVersion,
} from './client.js';
import { identifier } from './escape.js';

export interface HttpClientOptions {
  host: string;
  port: number;
  database: string;
  user?: string | null;
  password?: string | null;
  /** Per statement (default 10 minutes). */
  timeoutMs?: number;
  /** Create the database first if it does not exist (default true). */
  createDatabase?: boolean;
}

/** `Code: 60, e.displayText() = DB::Exception: …` → the code and a one-line message. */
export function serverError(status: number, body: string): ClickHouseError {
  const code = /Code: (\d+)/.exec(body)?.[1];
  const line = body.split('\n').find((l) => l.trim() !== '') ?? `HTTP ${status}`;
  const message = line
    .replace(/^Code: \d+, e\.displayText\(\) = /, '')
    .replace(/, e\.what\(\) = .*$/, '')
    .slice(0, 2000);
  return new ClickHouseError(`ClickHouse: ${message}`, code === undefined ? null : Number(code));
}

/** `18.16.1` → major 18, minor 16. */
export function parseVersion(text: string): ServerVersion {
  const [major = 0, minor = 0] = text.trim().split('.').map(Number);
  return { major, minor, text: text.trim() };
}

class HttpClickHouseClient implements ClickHouseClient {
  readonly database: string;
  version: ServerVersion = { major: 0, minor: 0, text: '' };
  readonly #base: string;
  readonly #auth: string | null;
  readonly #timeout: number;
  /**
   * Idle connections are dropped after 1 s, before any server's keep-alive timeout (3 s by
   * default): reusing one the server has closed fails the write (EPIPE) of a long insert.
   */
  readonly #agent = new Agent({ keepAliveTimeout: 1_000, keepAliveMaxTimeout: 1_000 });

  constructor(opts: HttpClientOptions) {
    this.database = opts.database;
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    this.#base = `http://${host}:${opts.port}/`;
    this.#auth =
      opts.user === undefined || opts.user === null
        ? null
        : `Basic ${Buffer.from(`${opts.user}:${opts.password ?? ''}`).toString('base64')}`;
    this.#timeout = opts.timeoutMs ?? 600_000;
  }

  async #post(body: string, params: Record<string, string | number>): Promise<string> {
    const res = await this.#request(body, params);
    const text = await res.body.text();
    if (res.statusCode !== 200) throw serverError(res.statusCode, text);
    return text;
  }

  async #request(
    body: string,
    params: Record<string, string | number>,
  ): Promise<Awaited<ReturnType<typeof request>>> {
    const url = new URL(this.#base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    if (this.#auth !== null) headers.authorization = this.#auth;
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, {
        method: 'POST',
        body,
        headers,
        dispatcher: this.#agent,
        headersTimeout: this.#timeout,
        bodyTimeout: this.#timeout,
      });
    } catch (error) {
      throw new ClickHouseError(
        `ClickHouse at ${url.host} is unreachable: ${error instanceof Error ? error.message : String(error)}`,
        null,
        { cause: error },
      );
    }
    return res;
  }

  #params(settings: QuerySettings | undefined, db: string | null = this.database) {
    return { ...(db === null ? {} : { database: db }), ...(settings ?? {}) };
  }

  async exec(sql: string, settings?: QuerySettings): Promise<void> {
    await this.#post(sql, this.#params(settings));
  }

  /** A statement on the server's default database (creating ours). */
  async execDefault(sql: string): Promise<void> {
    await this.#post(sql, this.#params(undefined, null));
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    settings?: QuerySettings,
  ): Promise<QueryResult<Row>> {
    const text = await this.#post(`${sql}\nFORMAT JSON`, {
      ...this.#params(settings),
      output_format_json_quote_64bit_integers: 0,
    });
    return parseJsonResult<Row>(text);
  }

  async stream<Row = Record<string, unknown>>(
    sql: string,
    onRows: (rows: Row[]) => Promise<void> | void,
    opts: { settings?: QuerySettings; batch?: number } = {},
  ): Promise<number> {
    const res = await this.#request(`${sql}\nFORMAT JSONEachRow`, {
      ...this.#params(opts.settings),
      output_format_json_quote_64bit_integers: 0,
    });
    if (res.statusCode !== 200) throw serverError(res.statusCode, await res.body.text());
    const splitter = new JsonEachRowSplitter<Row>((line) => serverError(200, line));
    const size = opts.batch ?? 5_000;
    let pending: Row[] = [];
    let n = 0;
    try {
      for await (const chunk of res.body) {
        for (const row of splitter.push(chunk as Uint8Array)) pending.push(row);
        if (pending.length >= size) {
          n += pending.length;
          await onRows(pending);
          pending = [];
        }
      }
      for (const row of splitter.push()) pending.push(row);
    } catch (error) {
      res.body.destroy();
      throw error;
    }
    if (pending.length > 0) {
      n += pending.length;
      await onRows(pending);
    }
    return n;
  }

  async insert(
    table: string,
    rows: readonly Record<string, unknown>[],
    settings?: QuerySettings,
  ): Promise<void> {
    if (rows.length === 0) return;
    const body = `INSERT INTO ${table} FORMAT JSONEachRow\n${jsonEachRow(rows)}`;
    await this.#post(body, this.#params(settings));
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

/** Connect to one server: reads its version and (by default) creates the database. */
export async function createHttpClient(opts: HttpClientOptions): Promise<ClickHouseClient> {
  const c = new HttpClickHouseClient(opts);
  if (opts.createDatabase ?? true) {
    await c.execDefault(`CREATE DATABASE IF NOT EXISTS ${identifier(opts.database)}`);
  }
  const { rows } = await c.query<{ v: string }>('SELECT version() AS v');
  c.version = parseVersion(rows[0]?.v ?? '');
  return c;
}
