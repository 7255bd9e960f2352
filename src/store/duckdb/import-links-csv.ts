/**
 * Imports a links CSV exported by another tool. Columns (case-insensitive, extra ones ignored):
 * url_from (or source_url, referring_page_url), url_to (or target_url), anchor, rel (tokens
 * separated by spaces or commas), first_seen, last_seen, item_type. Each referring page becomes
 * one capture per distinct first/last-seen time, holding every link of that page whose
 * [first_seen, last_seen] covers the time, so build derives the same history the CSV states.
 */

import { findCsvColumn } from '../../core/links-csv-columns.js';
import { parseTimestamp } from '../../core/time.js';
import type { ItemType, LinkOccurrence } from '../../core/types.js';
import { ITEM_TYPES } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { StoreError } from '../errors.js';
import type { AppendResult, LinksCsvOptions, SourceState, StoredCapture } from '../types.js';
import type { CaptureWriter } from './capture-writer.js';
import type { DuckDBSession, Row } from './session.js';

/** A links CSV that cannot be read: the input fails, the store is fine. */
export class CsvInputError extends Error {
  override readonly name = 'CsvInputError';
}

/** DuckDB refusing the file (bad quoting, not text) is the input's fault, not the store's. */
async function readable<T>(path: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new CsvInputError(`${path}: cannot read as CSV: ${error.message}`);
  }
}

interface CsvLink {
  to: string;
  anchor: string;
  rel: string[];
  first: string;
  last: string;
  type: ItemType;
}

/** Import one CSV file; returns what was appended. */
export async function importLinksCsv(
  session: DuckDBSession,
  writer: CaptureWriter,
  source: SourceState,
  path: string,
  opts: LinksCsvOptions,
): Promise<AppendResult> {
  const columns = await readable(
    path,
    session.all(
      `DESCRIBE SELECT * FROM read_csv($1, header = true, all_varchar = true, sample_size = 1000)`,
      [path],
    ),
  );
  const names = columns.map((c) => String(c.column_name));
  const pick = (key: string): string | undefined => findCsvColumn(names, key);
  const from = pick('url_from');
  const to = pick('url_to');
  if (from === undefined || to === undefined) {
    throw new CsvInputError(
      `${path}: a links CSV needs url_from and url_to columns (found: ${names.join(', ')})`,
    );
  }
  const col = (key: string): string => {
    const n = pick(key);
    return n === undefined ? 'NULL' : `"${n.replaceAll('"', '""')}"`;
  };
  const sql = `SELECT "${from.replaceAll('"', '""')}" AS url_from, "${to.replaceAll('"', '""')}" AS url_to,
      ${col('anchor')} AS anchor, ${col('rel')} AS rel, ${col('first_seen')} AS first_seen,
      ${col('last_seen')} AS last_seen, ${col('item_type')} AS item_type
    FROM read_csv($1, header = true, all_varchar = true, sample_size = 1000)`;
  const pages = new Map<string, CsvLink[]>();
  let rowIndex = 0;
  const errors: Array<{ recordIndex: number; offset: number; message: string }> = [];
  await readable(
    path,
    session.stream(sql, [path], (rows) => {
      for (const row of rows) {
        const parsed = parseRow(row, opts.seenAt);
        if (typeof parsed === 'string') {
          if (errors.length < 10_000)
            errors.push({ recordIndex: rowIndex, offset: rowIndex + 1, message: parsed });
        } else {
          const list = pages.get(parsed.from) ?? [];
          list.push(parsed.link);
          pages.set(parsed.from, list);
        }
        rowIndex++;
      }
    }),
  );
  const total: AppendResult = { added: 0, duplicates: 0, links: 0 };
  let batch: StoredCapture[] = [];
  const flush = async (done: number): Promise<void> => {
    const r = await writer.append(source, {
      captures: batch,
      errors: errors.splice(0),
      recordsDone: done,
    });
    total.added += r.added;
    total.duplicates += r.duplicates;
    total.links += r.links;
    batch = [];
  };
  for (const [url, links] of [...pages.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    batch.push(...capturesOfPage(url, links));
    if (batch.length >= 5_000) await flush(0);
  }
  await flush(rowIndex);
  return total;
}

function parseRow(row: Row, seenAt: string): { from: string; link: CsvLink } | string {
  const from = normalizeUrl(String(row.url_from ?? ''));
  if (!from.ok) return `url_from: ${from.reason}`;
  const to = normalizeUrl(String(row.url_to ?? ''));
  if (!to.ok) return `url_to: ${to.reason}`;
  const first = row.first_seen == null ? seenAt : parseTimestamp(String(row.first_seen));
  const last = row.last_seen == null ? (first ?? seenAt) : parseTimestamp(String(row.last_seen));
  if (first === undefined) return `first_seen: not a time: ${String(row.first_seen).slice(0, 40)}`;
  if (last === undefined) return `last_seen: not a time: ${String(row.last_seen).slice(0, 40)}`;
  const type = String(row.item_type ?? 'anchor')
    .trim()
    .toLowerCase() as ItemType;
  const rel = [
    ...new Set(
      String(row.rel ?? '')
        .toLowerCase()
        .split(/[\s,;]+/)
        .filter(Boolean),
    ),
  ];
  return {
    from: from.url,
    link: {
      to: to.url,
      anchor: String(row.anchor ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 1000),
      rel,
      ...(first <= last ? { first, last } : { first: last, last: first }),
      type: ITEM_TYPES.includes(type) ? type : 'anchor',
    },
  };
}

function capturesOfPage(url: string, links: CsvLink[]): StoredCapture[] {
  const times = [...new Set(links.flatMap((l) => [l.first, l.last]))].sort();
  return times.map((t) => ({
    url,
    fetched_at: t,
    status: 200,
    links: links
      .filter((l) => l.first <= t && t <= l.last)
      .map((l): LinkOccurrence => {
        const occ: LinkOccurrence = { url: l.to, item_type: l.type, anchor: l.anchor };
        if (l.rel.length > 0) occ.rel = l.rel;
        return occ;
      }),
  }));
}
