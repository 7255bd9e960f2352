/**
 * `linkgap gap`: link intersection from the command line, on the built index, without a server.
 * The flags become a DataForSEO-style task so every front validates the same way.
 */
import type { Command } from 'commander';
import { parseTask } from '../../api/dataforseo/parse-task.js';
import { csvLine } from '../../core/csv.js';
import type { IntersectQuery } from '../../core/query/intersect-query.js';
import type { Engine, IntersectionResult } from '../../engine/types.js';
import { CliError, EXIT } from '../cli-error.js';
import { renderTable } from '../output/table.js';
import type { CliContext } from './context.js';
import {
  domainColumns,
  domainTableColumns,
  type GapColumns,
  pageColumns,
  pageTableColumns,
} from './gap-rows.js';
import { engineSource, parseIntOption } from './options.js';

/** Flags of `gap` as commander parses them. */
export interface GapFlags {
  db: string;
  store?: string;
  target: string[];
  exclude?: string[];
  domains?: boolean;
  minMatching?: string;
  filter?: string;
  order?: string[];
  limit?: string;
  offset?: string;
  status: string;
  subdomains: boolean;
  indirect: boolean;
  includeInternal?: boolean;
  excludeTechnicalHosts?: boolean;
  rankScale: string;
  internalListLimit: string;
  json?: boolean;
  csv?: boolean;
}

/** Rows shown on a terminal unless `--limit` says otherwise. */
const TTY_ROWS = 25;
/** The engine's page size (DataForSEO's maximum `limit`). */
const PAGE = 1000;

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Register `gap`. */
export function gapCommand(program: Command, ctx: CliContext): void {
  ctx
    .withStoreUrl(ctx.withDb(program.command('gap')))
    .description('referring pages (or domains) that link to the targets but not to the excludes')
    .requiredOption('--target <url|host|domain>', 'a competitor (repeat: 1–20)', collect)
    .option('--exclude <url|url*|host|domain>', 'your own site (repeat: up to 10)', collect)
    .option('--domains', 'one row per referring domain instead of per referring page')
    .option('--min-matching <k>', 'link to at least k targets (default: all of them)')
    .option('--filter <json>', 'DataForSEO filter, e.g. \'["1.dofollow","=",true]\'')
    .option('--order <field,dir>', 'order rule, e.g. 1.rank,desc (repeat: up to 3)', collect)
    .option('--limit <n>', `rows to print (default: ${TTY_ROWS} on a terminal, all otherwise)`)
    .option('--offset <n>', 'skip this many rows', '0')
    .option('--status <live|lost|all>', 'which backlinks count', 'live')
    .option('--no-subdomains', "match a host or domain target's own host (and www.) only")
    .option('--no-indirect', 'ignore links that reach a target through a redirect or canonical')
    .option('--include-internal', 'count links from the same registrable domain as the target')
    .option(
      '--exclude-technical-hosts',
      'drop CDN, font, analytics, tag-manager and social-widget hosts from the prospects',
    )
    .option('--rank-scale <100|1000>', 'scale of ranks shown and filtered', '1000')
    .option('--internal-list-limit <n>', 'backlinks listed per target in --json', '10')
    .option('--json', 'print the complete result as JSON')
    .option('--csv', 'print the complete result as CSV (the default when stdout is not a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  linkgap gap --target competitor-a.com --target competitor-b.com --exclude my-site.com
  linkgap gap --target a.com --target https://b.com/page --domains --min-matching 1 --csv > gap.csv
  linkgap gap --target a.com --target b.com --filter '[["1.dofollow","=",true],"and",["2.dofollow","=",true]]'`,
    )
    .action(async (o: GapFlags) => {
      if (o.json === true && o.csv === true)
        throw new CliError('--json and --csv exclude each other', EXIT.usage);
      const query = toQuery(o);
      const tty = process.stdout.isTTY === true && o.json !== true && o.csv !== true;
      const want =
        o.limit !== undefined
          ? parseIntOption('--limit', o.limit, 1, Number.MAX_SAFE_INTEGER)
          : tty
            ? TTY_ROWS
            : Number.POSITIVE_INFINITY;
      await ctx.withEngine(engineSource(o), async (engine) => {
        const keys = query.targets.map((t) => t.key);
        const columns: GapColumns<unknown> = (
          query.source === 'page' ? pageColumns(keys) : domainColumns(keys)
        ) as GapColumns<unknown>;
        const printer = tty
          ? tablePrinter(
              ctx,
              query.source === 'page' ? pageTableColumns(keys) : domainTableColumns(keys),
            )
          : o.json === true
            ? jsonPrinter(ctx)
            : csvPrinter(ctx, columns);
        let shown = 0;
        let total = 0;
        for (let offset = query.offset; shown < want; ) {
          const limit = Math.min(PAGE, want - shown);
          const r = await run(engine, { ...query, offset, limit });
          if (shown === 0) {
            total = r.total_count;
            printer.start(r, Math.max(0, Math.min(want, total - query.offset)));
          }
          for (const item of r.items) printer.item(item);
          shown += r.items.length;
          offset += r.items.length;
          if (r.items.length < limit) break;
        }
        printer.end(shown, total);
      });
    });
}

function run(engine: Engine, q: IntersectQuery): Promise<IntersectionResult<unknown>> {
  return q.source === 'page' ? engine.pageIntersection(q) : engine.domainIntersection(q);
}

/** Flags → the normalised query, through the same validation as the HTTP API. */
export function toQuery(o: GapFlags): IntersectQuery {
  if (o.target.length > 20) throw new CliError('at most 20 --target', EXIT.usage);
  const task: Record<string, unknown> = {
    targets: Object.fromEntries(o.target.map((t, i) => [String(i + 1), t])),
    exclude_targets: o.exclude ?? [],
    backlinks_status_type: o.status,
    offset: parseIntOption('--offset', o.offset ?? '0', 0, 1_000_000),
    internal_list_limit: parseIntOption('--internal-list-limit', o.internalListLimit, 1, 1000),
    include_subdomains: o.subdomains,
    include_indirect_links: o.indirect,
    exclude_internal_backlinks: o.includeInternal !== true,
    exclude_technical_hosts: o.excludeTechnicalHosts === true,
    intersection_mode: o.minMatching === undefined ? 'all' : 'partial',
    rank_scale: rankScale(o.rankScale),
  };
  if (o.filter !== undefined) task.filters = parseJsonFlag('--filter', o.filter);
  if (o.order !== undefined) task.order_by = o.order;
  const parsed = parseTask(o.domains === true ? 'domain_intersection' : 'page_intersection', task);
  if (!parsed.ok) {
    throw new CliError(flagMessage(parsed.field, parsed.detail ?? parsed.message), EXIT.usage);
  }
  const q = parsed.query;
  if (o.minMatching !== undefined) {
    q.minMatching = parseIntOption('--min-matching', o.minMatching, 1, q.targets.length);
  }
  return q;
}

const FLAG_OF: Record<string, string> = {
  targets: '--target',
  exclude_targets: '--exclude',
  backlinks_status_type: '--status',
  filters: '--filter',
  order_by: '--order',
  rank_scale: '--rank-scale',
};

function flagMessage(field: string, message: string): string {
  const flag = FLAG_OF[field];
  return flag === undefined ? message : `${flag}: ${message.replace(`${field}: `, '')}`;
}

function rankScale(raw: string): string {
  if (raw === '100') return 'one_hundred';
  if (raw === '1000') return 'one_thousand';
  throw new CliError(`--rank-scale must be 100 or 1000 (got '${raw}')`, EXIT.usage);
}

function parseJsonFlag(flag: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new CliError(`${flag} must be JSON, e.g. '["1.dofollow","=",true]'`, EXIT.usage);
  }
}

interface Printer {
  /** `count` = the rows that will follow (the index generation cannot change under us). */
  start(r: IntersectionResult<unknown>, count: number): void;
  item(item: unknown): void;
  end(shown: number, total: number): void;
}

function csvPrinter(ctx: CliContext, c: GapColumns<unknown>): Printer {
  let started = false;
  return {
    start: () => {
      started = true;
      ctx.out(csvLine(c.headers));
    },
    item: (item) => ctx.out(csvLine(c.values(item))),
    end: () => {
      if (!started) ctx.out(csvLine(c.headers));
    },
  };
}

/** Streams `{"targets":…,"total_count":N,"items_count":M,"items":[…]}`, one item per line. */
function jsonPrinter(ctx: CliContext): Printer {
  let left = 0;
  let started = false;
  return {
    start: (r, count) => {
      started = true;
      left = count;
      const head = { targets: r.targets, total_count: r.total_count, items_count: count };
      ctx.out(`${JSON.stringify(head).slice(0, -1)},"items":[`);
    },
    item: (item) => {
      left--;
      ctx.out(`${JSON.stringify(item)}${left > 0 ? ',' : ''}`);
    },
    end: () => {
      if (!started) ctx.out('{"targets":{},"total_count":0,"items_count":0,"items":[');
      ctx.out(']}');
    },
  };
}

function tablePrinter(ctx: CliContext, c: GapColumns<unknown>): Printer {
  const rows: string[][] = [];
  return {
    start: () => undefined,
    item: (item) =>
      rows.push(c.values(item).map((v) => (v === null || v === undefined ? '' : String(v)))),
    end: (shown, total) => {
      for (const line of renderTable(c.headers, rows)) ctx.out(line);
      const more = total - shown;
      ctx.err(
        more > 0
          ? `${shown} of ${total} shown; --limit N for more, --csv or --json for all`
          : `${total} result${total === 1 ? '' : 's'}`,
      );
    },
  };
}
