/**
 * The ClickHouse connection seam: what the store, the migration and the engine need of a server,
 * implemented over HTTP (`http-client.ts`, any server from 18.16 on) and in-process through
 * chdb (`chdb-client.ts`, current ClickHouse). SQL travels as text; values reach it only as
 * escaped literals (`escape.ts`) or as data rows (`insert`).
 */

/** A server's version, for gating features newer servers have (`ILIKE`, query parameters …). */
export interface ServerVersion {
  major: number;
  minor: number;
  /** As the server prints it (`18.16.1`, `26.7.2.1`). */
  text: string;
}

/** Query-level settings, sent with the query (URL parameters over HTTP, `SETTINGS` in chdb). */
export type QuerySettings = Readonly<Record<string, string | number>>;

/** The answer of a `SELECT`. */
export interface QueryResult<Row> {
  /** Rows as JSON objects; 64-bit integers arrive as numbers. */
  rows: Row[];
  /**
   * JSON's `rows_before_limit_at_least`: the row count before the outermost LIMIT (exact for
   * the queries the engine sends), null when the server did not report it.
   */
  rowsBeforeLimit: number | null;
}

/** One ClickHouse server (or an in-process chdb session). */
export interface ClickHouseClient {
  readonly version: ServerVersion;
  /** The database every unqualified table name refers to. */
  readonly database: string;
  /** A statement without result rows (DDL, `INSERT … SELECT`). */
  exec(sql: string, settings?: QuerySettings): Promise<void>;
  /** A `SELECT` without a FORMAT clause; the client asks for JSON. */
  query<Row = Record<string, unknown>>(
    sql: string,
    settings?: QuerySettings,
  ): Promise<QueryResult<Row>>;
  /**
   * A `SELECT` without a FORMAT clause whose rows arrive as they come (JSONEachRow), `batch` at
   * a time (default 5,000): `onRows` is awaited before more are read, so a slow sink holds the
   * server back instead of filling memory. Returns the number of rows.
   */
  stream<Row = Record<string, unknown>>(
    sql: string,
    onRows: (rows: Row[]) => Promise<void> | void,
    opts?: { settings?: QuerySettings; batch?: number },
  ): Promise<number>;
  /** Insert rows (objects keyed by column name) into `table` as JSONEachRow. */
  insert(
    table: string,
    rows: readonly Record<string, unknown>[],
    settings?: QuerySettings,
  ): Promise<void>;
  close(): Promise<void>;
}

/** A failure reported by ClickHouse or its transport; never contains credentials. */
export class ClickHouseError extends Error {
  /** ClickHouse's numeric error code (`Code: 62`), null for transport failures. */
  readonly code: number | null;
  constructor(message: string, code: number | null, opts: { cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'ClickHouseError';
    this.code = code;
  }
}

/** A `FORMAT JSON` answer as rows and `rows_before_limit_at_least`. */
export function parseJsonResult<Row>(text: string): QueryResult<Row> {
  const json = JSON.parse(text) as { data: Row[]; rows_before_limit_at_least?: number };
  return { rows: json.data, rowsBeforeLimit: json.rows_before_limit_at_least ?? null };
}

/** Rows as a `JSONEachRow` body (one object per line). */
export function jsonEachRow(rows: readonly Record<string, unknown>[]): string {
  return `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

/**
 * Splits a JSONEachRow answer into rows as its chunks arrive. ClickHouse reports a failure met
 * after the first rows were sent inside the body (`Code: NN, … DB::Exception …`): such a line
 * is thrown as the server's error.
 */
export class JsonEachRowSplitter<Row> {
  #rest = '';
  readonly #decoder = new TextDecoder('utf-8');
  readonly #fail: (line: string) => ClickHouseError;

  constructor(fail: (line: string) => ClickHouseError) {
    this.#fail = fail;
  }

  /** The rows completed by `chunk` (a final call with no chunk flushes the last line). */
  push(chunk?: Uint8Array): Row[] {
    const text =
      this.#rest +
      (chunk === undefined
        ? this.#decoder.decode()
        : this.#decoder.decode(chunk, { stream: true }));
    const lines = text.split('\n');
    this.#rest = chunk === undefined ? '' : (lines.pop() ?? '');
    const rows: Row[] = [];
    for (const line of lines) {
      if (line === '') continue;
      if (!line.startsWith('{')) throw this.#fail(line);
      rows.push(JSON.parse(line) as Row);
    }
    return rows;
  }
}
