/**
 * A thin wrapper over one DuckDB connection: bound parameters only, errors wrapped with the SQL,
 * transactions that roll back on failure.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { JsonDuckDBValueConverter } from '@duckdb/node-api';
import { StoreError } from '../errors.js';

/** A row as plain JSON-compatible values (BIGINT as number when safe, timestamps as strings). */
export type Row = Record<string, unknown>;

/** Runs SQL on one connection. Every value is a bound parameter. */
export class DuckDBSession {
  readonly #conn: DuckDBConnection;

  constructor(conn: DuckDBConnection) {
    this.#conn = conn;
  }

  get connection(): DuckDBConnection {
    return this.#conn;
  }

  /** Run a statement; returns the number of changed rows where DuckDB reports one. */
  async exec(sql: string, params: DuckDBValue[] = []): Promise<number> {
    try {
      const result = await this.#conn.run(sql, params);
      return Number(result.rowsChanged);
    } catch (cause) {
      throw wrap(sql, params, cause);
    }
  }

  /** Run a query and return every row as a plain object. */
  async all(sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
    try {
      const reader = await this.#conn.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as Row[];
    } catch (cause) {
      throw wrap(sql, params, cause);
    }
  }

  /** The first row, or undefined. */
  async one(sql: string, params: DuckDBValue[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }

  /**
   * Stream a query's rows in chunks (no full materialisation), in result order.
   * @param onRows receives each chunk's rows as plain objects
   */
  async stream(
    sql: string,
    params: DuckDBValue[],
    onRows: (rows: Row[]) => void | Promise<void>,
  ): Promise<number> {
    let count = 0;
    try {
      const result = await this.#conn.stream(sql, params);
      const names = result.columnNames();
      for (;;) {
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) break;
        const columns = chunk.convertColumns(JsonDuckDBValueConverter);
        const rows: Row[] = new Array(chunk.rowCount);
        for (let r = 0; r < chunk.rowCount; r++) {
          const row: Row = {};
          for (let c = 0; c < names.length; c++) row[names[c] as string] = columns[c]?.[r];
          rows[r] = row;
        }
        count += rows.length;
        await onRows(rows);
      }
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw wrap(sql, params, cause);
    }
    return count;
  }

  /** Run `body` inside a transaction; rolls back and rethrows on any failure. */
  async transaction<T>(body: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN TRANSACTION');
    try {
      const value = await body();
      await this.exec('COMMIT');
      return value;
    } catch (error) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

function wrap(sql: string, params: readonly unknown[], cause: unknown): StoreError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new StoreError('STORE_QUERY_FAILED', `${message.split('\n')[0]}`, { sql, params, cause });
}
