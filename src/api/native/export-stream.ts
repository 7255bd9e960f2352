/**
 * The complete prospect list as a streamed download: CSV (RFC 4180, a header row, one row per
 * prospect, `links_to_<n>` per competitor) or one JSON document (`{"mode","competitors","items":[…],
 * "total"}`, an item per line, the total last). Rows come from one index generation in chunks, written as the
 * client reads them (backpressure); a failure mid-stream aborts the response, so a download is
 * never truncated silently.
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
    r.prospect,
    r.title,
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

/** The streamed export of a validated query. */
export function exportResponse(
  engine: Engine,
  input: { query: IntersectQuery; sort: ProspectSort },
  format: 'csv' | 'json',
  logger: Logger,
): Response {
  const { query, sort } = input;
  const encoder = new TextEncoder();
  const mode = query.source === 'domain' ? 'domains' : 'pages';
  let wake: (() => void) | null = null;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const push = async (text: string): Promise<void> => {
          if (cancelled) throw new Error('export cancelled by the client');
          controller.enqueue(encoder.encode(text));
          while ((controller.desiredSize ?? 1) <= 0 && !cancelled) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
        };
        const run = async (): Promise<void> => {
          if (format === 'csv') {
            await push(`${csvLine(exportCsvHeader(query.targets.length))}\r\n`);
          } else {
            const competitors = JSON.stringify(query.targets.map(describeTarget));
            await push(`{"mode":"${mode}","competitors":${competitors},"items":[\n`);
          }
          let first = true;
          const count = await engine.exportProspects(query, sort, async (rows) => {
            if (format === 'csv') {
              await push(rows.map((r) => `${csvLine(exportCsvCells(r))}\r\n`).join(''));
            } else {
              await push((first ? '' : ',\n') + rows.map((r) => JSON.stringify(r)).join(',\n'));
              first = false;
            }
          });
          // JSON: the total comes last, once every row is out (the plan is made by the engine).
          if (format === 'json') await push(`\n],"total":${count}}\n`);
          controller.close();
        };
        run().catch((error) => {
          if (!cancelled) {
            logger.error('native api: export failed', { error: errorText(error) });
            controller.error(error);
          }
        });
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
