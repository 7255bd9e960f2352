/**
 * Appends capture batches in one transaction each: the batch's keys are staged to find captures
 * already stored (by url + fetched_at), then the new captures and their links go straight into
 * the raw tables through DuckDB appenders (which join the open transaction), with the batch's
 * errors and the input's progress. A crash at any point leaves all of a batch or none of it.
 */
import { type DuckDBAppender, DuckDBTimestampValue } from '@duckdb/node-api';
import { signalsJson } from '../../core/capture-json.js';
import type { LinkOccurrence } from '../../core/types.js';
import type { AppendResult, CaptureBatch, SourceState, StoredCapture } from '../types.js';
import { applyFrontierUpdate } from './frontier.js';
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
    const s = this.#session;
    const fresh = uniqueInBatch(batch.captures);
    try {
      return await s.transaction(async () => {
        const stored = await this.#alreadyStored(fresh);
        const captures = stored.size === 0 ? fresh : fresh.filter((c) => !stored.has(keyOf(c)));
        const links = await this.#appendRows(source.sourceId, captures);
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
          [batch.recordsDone, captures.length, batch.errors.length, source.sourceId],
        );
        if (batch.frontier !== undefined) await applyFrontierUpdate(s, batch.frontier);
        return {
          added: captures.length,
          duplicates: batch.captures.length - captures.length,
          links,
        };
      });
    } finally {
      // After the commit or the rollback: the staging tables are the connection's, not the batch's.
      await s.exec('DELETE FROM stage_keys');
      await s.exec('DELETE FROM stage_links_json');
      await s.exec('DELETE FROM stage_frontier');
      await s.exec('DELETE FROM stage_frontier_results');
    }
  }

  /** Keys of this batch's captures that the store already holds. */
  async #alreadyStored(captures: StoredCapture[]): Promise<Set<string>> {
    if (captures.length === 0) return new Set();
    let minAt = '9999-12-31T00:00:00Z';
    let maxAt = '0001-01-01T00:00:00Z';
    const app = await this.#session.connection.createAppender('stage_keys', null, 'temp');
    try {
      for (const c of captures) {
        if (c.fetched_at < minAt) minAt = c.fetched_at;
        if (c.fetched_at > maxAt) maxAt = c.fetched_at;
        app.appendVarchar(c.url);
        app.appendTimestamp(timestampOf(c.fetched_at));
        app.endRow();
      }
      app.flushSync();
    } finally {
      app.closeSync();
    }
    // Zone maps on fetched_at keep this to the stored row groups of the batch's time span.
    const rows = await this.#session.all(
      `SELECT k.url, strftime(k.fetched_at, '%Y-%m-%dT%H:%M:%SZ') AS fetched_at
       FROM stage_keys k JOIN captures c ON c.url = k.url AND c.fetched_at = k.fetched_at
       WHERE c.fetched_at BETWEEN CAST(? AS TIMESTAMP) AND CAST(? AS TIMESTAMP)`,
      [minAt, maxAt],
    );
    return new Set(rows.map((r) => `${String(r.url)} ${String(r.fetched_at)}`));
  }

  /**
   * Append captures and their links inside the open transaction; returns the link count. Links
   * serialised by the readers (`linksJson`) are staged as one JSON value per capture and unnested
   * into rows by DuckDB: one appended value instead of ten per link on the main thread.
   */
  async #appendRows(sourceId: number, captures: StoredCapture[]): Promise<number> {
    if (captures.length === 0) return 0;
    const conn = this.#session.connection;
    const capApp = await conn.createAppender('captures');
    const linkApp = await conn.createAppender('capture_links');
    const jsonApp = await conn.createAppender('stage_links_json', null, 'temp');
    let links = 0;
    let staged = 0;
    try {
      for (const c of captures) {
        const id = this.#nextId++;
        appendCapture(capApp, id, sourceId, c);
        if (c.linksJson !== undefined) {
          jsonApp.appendBigInt(BigInt(id));
          jsonApp.appendVarchar(c.linksJson);
          jsonApp.endRow();
          staged++;
          links += c.linkCount ?? 0;
          continue;
        }
        for (let i = 0; i < c.links.length; i++) {
          appendLink(linkApp, id, i, c.links[i] as LinkOccurrence);
          links++;
        }
      }
      capApp.flushSync();
      linkApp.flushSync();
      jsonApp.flushSync();
    } finally {
      capApp.closeSync();
      linkApp.closeSync();
      jsonApp.closeSync();
    }
    if (staged > 0) await this.#session.exec(UNNEST_STAGED_LINKS);
    return links;
  }
}

/** The JSON shape of a serialised links array, for DuckDB's `from_json`. */
const LINK_SHAPE =
  '[{"url":"VARCHAR","item_type":"VARCHAR","anchor":"VARCHAR","alt":"VARCHAR","rel":["VARCHAR"],' +
  '"text_pre":"VARCHAR","text_post":"VARCHAR","semantic_location":"VARCHAR"}]';

/** Staged JSON arrays → capture_links rows, in document order; rel as space-joined tokens. */
const UNNEST_STAGED_LINKS = `
INSERT INTO capture_links
SELECT capture_id, CAST(ord AS INTEGER), l.url, l.item_type, l.anchor, l.alt,
       array_to_string(l.rel, ' '), l.text_pre, l.text_post, l.semantic_location
FROM (
  SELECT capture_id, unnest(range(len(arr))) AS ord, unnest(arr) AS l
  FROM (SELECT capture_id, from_json(links_json, '${LINK_SHAPE}') AS arr FROM stage_links_json)
)`;

function keyOf(c: StoredCapture): string {
  return `${c.url} ${c.fetched_at}`;
}

/** The batch without repeats of one (url, fetched_at): the first one wins. */
function uniqueInBatch(captures: StoredCapture[]): StoredCapture[] {
  const seen = new Set<string>();
  const out: StoredCapture[] = [];
  for (const c of captures) {
    const k = keyOf(c);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

function timestampOf(iso: string): DuckDBTimestampValue {
  return new DuckDBTimestampValue(BigInt(Date.parse(iso)) * 1000n);
}

function str(app: DuckDBAppender, v: string | undefined | null): void {
  if (v === undefined || v === null) app.appendNull();
  else app.appendVarchar(v);
}

function appendCapture(app: DuckDBAppender, id: number, sourceId: number, c: StoredCapture): void {
  app.appendBigInt(BigInt(id));
  app.appendVarchar(c.url);
  app.appendTimestamp(timestampOf(c.fetched_at));
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
  const revisitDate = c.revisit?.date;
  if (revisitDate === undefined || Number.isNaN(Date.parse(revisitDate))) app.appendNull();
  else app.appendTimestamp(timestampOf(revisitDate));
  app.appendBoolean(c.revisit !== undefined);
  app.appendInteger(sourceId);
  str(app, signalsJson(c.signals));
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
