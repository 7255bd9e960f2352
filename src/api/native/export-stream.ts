/**
 * The complete prospect list as a streamed download: CSV (RFC 4180, a header row, one row per
 * prospect, `links_to_<n>` per competitor) or one JSON document (`{"mode","competitors","total",
 * "items":[…]}`, an item per line). Rows come from one index generation in chunks, written as the
 * client reads them (backpressure); a failure mid-stream cuts the connection, so a download is
 * never truncated silently. Text cells that a spreadsheet would run as formulas start with `'`.
 */
import { type CsvValue, csvLine } from '../../core/csv.js';
import type { IntersectQuery } from '../../core/query/intersect-query.js';
import { describeTarget } from '../../core/query/target-label.js';
import type { ProspectRow, ProspectSort } from '../../engine/explore-types.js';
import type { Engine } from '../../engine/types.js';
import { errorText, type Logger } from '../logger.js';

/** The CSV header for `n` competitors. */
export function exportCsvHeader(n: number): string[] {
  return [
    'prospect',
    'title',
    'domain_rank',
    'page_rank',
    'spam_score',
    'matches',
    'backlinks',
    'first_seen',
    'last_seen',
    ...Array.from({ length: n }, (_, i) => `links_to_${i + 1}`),
  ];
}

/** One prospect as CSV cells, in `exportCsvHeader` order. */
export function exportCsvCells(r: ProspectRow): CsvValue[] {
  return [
    spreadsheetSafe(r.prospect),
    spreadsheetSafe(r.title),
    r.domainRank,
    r.pageRank,
    r.spamScore,
    r.matches,
    r.backlinks,
    r.firstSeen,
    r.lastSeen,
    ...r.linked,
  ];
}

/** A string cell a spreadsheet would run as a formula, made inert with a leading `'`. */
export function spreadsheetSafe(v: string | null): string | null {
  return v !== null && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** What the export needs from the HTTP layer. */
export interface ExportContext {
  logger: Logger;
  /**
   * Cut the connection (a failure after the first bytes): the client sees an incomplete
   * transfer, never a short file that looks whole. Absent outside a Node server (tests).
   */
  abortConnection?: () => void;
}

/**
 * The streamed export of a validated query. Resolves once the engine has made its plan, so a
 * failure before any row is an ordinary JSON 500; a failure later cuts the connection.
 */
export async function exportResponse(
  engine: Engine,
  input: { query: IntersectQuery; sort: ProspectSort },
  format: 'csv' | 'json',
  ctx: ExportContext,
): Promise<Response> {
  const { query, sort } = input;
  const encoder = new TextEncoder();
  const mode = query.source === 'domain' ? 'domains' : 'pages';
  let wake: (() => void) | null = null;
  let cancelled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        const w = wake;
        wake = null;
        w?.();
      },
      cancel() {
        cancelled = true;
        const w = wake;
        wake = null;
        w?.();
      },
    },
    { highWaterMark: 4 },
  );
  const push = async (text: string): Promise<void> => {
    if (cancelled) throw new Error('export cancelled by the client');
    controller.enqueue(encoder.encode(text));
    while ((controller.desiredSize ?? 1) <= 0 && !cancelled) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  let planned!: () => void;
  let failedEarly!: (e: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    planned = resolve;
    failedEarly = reject;
  });
  let begun = false;
  let first = true;
  const run = engine.exportProspects(query, sort, {
    begin: (total) => {
      begun = true;
      planned();
      if (format === 'csv') return push(`${csvLine(exportCsvHeader(query.targets.length))}\r\n`);
      const competitors = JSON.stringify(query.targets.map(describeTarget));
      return push(`{"mode":"${mode}","competitors":${competitors},"total":${total},"items":[\n`);
    },
    rows: (rows) => {
      if (format === 'csv') {
        return push(rows.map((r) => `${csvLine(exportCsvCells(r))}\r\n`).join(''));
      }
      const text = (first ? '' : ',\n') + rows.map((r) => JSON.stringify(r)).join(',\n');
      first = false;
      return push(text);
    },
  });
  run.then(
    async () => {
      if (format === 'json') await push('\n]}\n');
      controller.close();
    },
    (error: unknown) => {
      if (!begun) {
        failedEarly(error);
        return;
      }
      if (cancelled) return;
      ctx.logger.error('native api: export failed mid-stream', { error: errorText(error) });
      if (ctx.abortConnection !== undefined) ctx.abortConnection();
      else controller.error(error);
    },
  );
  try {
    await ready;
  } catch (error) {
    ctx.logger.error('native api: export failed', { error: errorText(error) });
    const e = { error: { code: 'internal', message: 'Internal error; try again later.' } };
    return new Response(JSON.stringify(e), {
      status: 500,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  const ext = format === 'csv' ? 'csv' : 'json';
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      'Content-Disposition': `attachment; filename="linkgap-${mode}.${ext}"`,
      'Cache-Control': 'no-store',
    },
  });
}
