/**
 * Appends capture batches: rows go through DuckDB appenders into per-connection staging tables,
 * then one transaction moves the captures not stored yet (by url + fetched_at), their links, the
 * batch's errors and the input's progress into the raw tables. A crash at any point leaves
 * either all of a batch or none of it.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import type { LinkOccurrence } from '../../core/types.js';
import type { AppendResult, CaptureBatch, SourceState, StoredCapture } from '../types.js';
import type { DuckDBSession } from './session.js';

/** Writes batches for one store; capture ids come from a counter owned by the single writer. */
export class CaptureWriter {
  readonly #session: DuckDBSession;
  #nextId: number;

  constructor(session: DuckDBSession, nextId: number) {
    this.#session = session;
    this.#nextId = nextId;
  }

  /** Append one batch atomically. */
  async append(source: SourceState, batch: CaptureBatch): Promise<AppendResult> {
    const firstId = this.#nextId;
    const { minAt, maxAt, links } = await this.#stage(batch.captures);
    const lastId = this.#nextId - 1;
    const s = this.#session;
    try {
      return await s.transaction(async () => {
        let added = 0;
        let linkCount = 0;
        if (batch.captures.length > 0) {
          added = await s.exec(
            `INSERT INTO captures
             SELECT capture_id, url, CAST(fetched_at AS TIMESTAMP), status, ip, content_type,
                    redirect_location, title, lang, encoding, size, meta, payload_digest,
                    revisit_digest, revisit_uri, CAST(revisit_date AS TIMESTAMP), is_revisit, ?
             FROM (SELECT *, row_number() OVER (PARTITION BY url, fetched_at ORDER BY capture_id) AS rn
                   FROM stage_captures) s
             WHERE rn = 1 AND NOT EXISTS (
               SELECT 1 FROM captures c
               WHERE c.fetched_at BETWEEN CAST(? AS TIMESTAMP) AND CAST(? AS TIMESTAMP)
                 AND c.url = s.url AND c.fetched_at = CAST(s.fetched_at AS TIMESTAMP))`,
            [source.sourceId, minAt, maxAt],
          );
          if (links > 0) {
            linkCount = await s.exec(
              `INSERT INTO capture_links
               SELECT l.* FROM stage_links l
               WHERE l.capture_id IN (SELECT capture_id FROM captures WHERE capture_id BETWEEN ? AND ?)`,
              [firstId, lastId],
            );
          }
        }
        for (const e of batch.errors) {
          await s.exec('INSERT INTO ingest_errors VALUES (?, ?, ?, ?)', [
            source.sourceId,
            e.recordIndex,
            e.offset,
            e.message.slice(0, 2000),
          ]);
        }
        await s.exec(
          `UPDATE sources SET records_done = ?, captures_added = captures_added + ?,
             errors = errors + ? WHERE source_id = ?`,
          [batch.recordsDone, added, batch.errors.length, source.sourceId],
        );
        return { added, duplicates: batch.captures.length - added, links: linkCount };
      });
    } finally {
      await s.exec('DELETE FROM stage_captures');
      await s.exec('DELETE FROM stage_links');
    }
  }

  async #stage(
    captures: StoredCapture[],
  ): Promise<{ minAt: string; maxAt: string; links: number }> {
    let minAt = '9999-12-31T00:00:00Z';
    let maxAt = '0001-01-01T00:00:00Z';
    let links = 0;
    if (captures.length === 0) return { minAt, maxAt, links };
    const conn = this.#session.connection;
    const capApp = await conn.createAppender('stage_captures', null, 'temp');
    const linkApp = await conn.createAppender('stage_links', null, 'temp');
    try {
      for (const c of captures) {
        const id = this.#nextId++;
        if (c.fetched_at < minAt) minAt = c.fetched_at;
        if (c.fetched_at > maxAt) maxAt = c.fetched_at;
        appendCapture(capApp, id, c);
        for (let i = 0; i < c.links.length; i++) {
          appendLink(linkApp, id, i, c.links[i] as LinkOccurrence);
          links++;
        }
      }
      capApp.flushSync();
      linkApp.flushSync();
    } finally {
      capApp.closeSync();
      linkApp.closeSync();
    }
    return { minAt, maxAt, links };
  }
}

function str(app: DuckDBAppender, v: string | undefined | null): void {
  if (v === undefined || v === null) app.appendNull();
  else app.appendVarchar(v);
}

function appendCapture(app: DuckDBAppender, id: number, c: StoredCapture): void {
  app.appendBigInt(BigInt(id));
  app.appendVarchar(c.url);
  app.appendVarchar(c.fetched_at);
  app.appendSmallInt(c.status);
  str(app, c.ip);
  str(app, c.content_type);
  str(app, c.redirect_location);
  str(app, c.title);
  str(app, c.lang);
  str(app, c.encoding);
  if (c.size === undefined) app.appendNull();
  else app.appendBigInt(BigInt(c.size));
  str(app, c.meta === undefined ? undefined : JSON.stringify(c.meta));
  str(app, c.payloadDigest);
  str(app, c.revisit?.digest);
  str(app, c.revisit?.uri);
  str(app, c.revisit?.date);
  app.appendBoolean(c.revisit !== undefined);
  app.endRow();
}

function appendLink(app: DuckDBAppender, id: number, ord: number, l: LinkOccurrence): void {
  app.appendBigInt(BigInt(id));
  app.appendInteger(ord);
  app.appendVarchar(l.url);
  app.appendVarchar(l.item_type);
  str(app, l.anchor);
  str(app, l.alt);
  str(app, l.rel === undefined ? undefined : l.rel.join(' '));
  str(app, l.text_pre);
  str(app, l.text_post);
  str(app, l.semantic_location);
  app.endRow();
}
