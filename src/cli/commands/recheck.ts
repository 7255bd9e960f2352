/**
 * `linkgap recheck`: fetch again, politely, the referring pages of a link gap (the same flags as
 * `gap`) or of a file of URLs, store the fetches, rebuild the index, and report per page whether
 * it still links to each target (with the anchor as seen now), removed the link, is gone
 * (4xx/5xx), redirects elsewhere, or could not be fetched.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { decodeExploreParams } from '../../api/native/explore-params.js';
import { parseExportRequest } from '../../api/native/parse-explore.js';
import type { QueryTarget } from '../../core/query/intersect-query.js';
import { type PageCheck, pageCheck } from '../../crawl/recheck-verdict.js';
import type { CrawlVisit } from '../../crawl/run-crawl.js';
import { CliError, EXIT } from '../cli-error.js';
import { renderTable } from '../output/table.js';
import { describeBuild, describeIndex, runBuild, runIndex } from './build-steps.js';
import type { CliContext } from './context.js';
import { crawlInto, DEFAULT_USER_AGENT } from './crawl.js';
import { parseConnectToFlags, parseSeed } from './crawl-options.js';
import { type GapFlags, toQuery } from './gap.js';
import { parseIntOption } from './options.js';

interface RecheckFlags {
  db: string;
  target?: string[];
  exclude?: string[];
  minMatching?: string;
  excludeTechnicalHosts?: boolean;
  urls?: string;
  prospectsOf?: string;
  limit: string;
  concurrency: string;
  perHostDelay: string;
  userAgent: string;
  timeout: string;
  connectTo?: string[];
  insecure?: boolean;
  build: boolean;
  json?: boolean;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** The pages to check, and per page the target keys the index links it to. */
interface Plan {
  targets: QueryTarget[];
  pages: Map<string, Set<string>>;
}

/** Register `recheck`. */
export function recheckCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('recheck'))
    .description('fetch the referring pages of a link gap again and say which still link today')
    .option('--target <url|host|domain>', 'a competitor, as for gap (repeat: 1–20)', collect)
    .option('--exclude <url|url*|host|domain>', 'your own site, as for gap (repeat)', collect)
    .option('--min-matching <k>', 'prospects linking to at least k targets (default: all)')
    .option('--exclude-technical-hosts', 'drop CDN, font and widget hosts from the prospects')
    .option('--urls <file>', 'check these referring pages instead (one URL per line)')
    .option(
      '--prospects-of <explorer-url>',
      "the prospects of a saved explorer question (its page URL, mode 'pages')",
    )
    .option('--limit <n>', 'prospect pages to check, best first', '100')
    .option('--concurrency <c>', 'requests at once over all hosts (one per host)', '8')
    .option('--per-host-delay <ms>', 'minimum ms between two requests to one host', '1000')
    .option('--user-agent <ua>', 'User-Agent', DEFAULT_USER_AGENT)
    .option('--timeout <ms>', 'request timeout', '30000')
    .option('--connect-to <HOST1:PORT1:HOST2:PORT2>', 'as for crawl (repeat)', collect)
    .option('--insecure', 'accept any TLS certificate (staging servers, tests)')
    .option('--no-build', 'do not rebuild the index after fetching')
    .option('--json', 'print the checks as JSON (one object per page)')
    .addHelpText(
      'after',
      `
Examples:
  linkgap recheck --target competitor-a.com --target competitor-b.com --exclude my-site.com
  linkgap recheck --urls prospects.txt --target competitor-a.com --json
  linkgap recheck --prospects-of 'http://127.0.0.1:8080/?c=a.com&c=b.com&m=me.com&mode=pages'`,
    )
    .action(async (o: RecheckFlags) => {
      const plan = await planOf(ctx, o);
      if (plan.pages.size === 0) {
        ctx.err('no referring pages to check');
        return;
      }
      const visits = new Map<string, CrawlVisit>();
      const rules = parseConnectToFlags(o.connectTo);
      const urls = [...plan.pages.keys()];
      await ctx.withStore(o.db, async (store) => {
        await crawlInto(
          store,
          {
            seeds: urls,
            scope: 'any',
            maxPages: urls.length,
            maxDepth: 0,
            concurrency: parseIntOption('--concurrency', o.concurrency, 1, 1024),
            perHostDelayMs: parseIntOption('--per-host-delay', o.perHostDelay, 0, 3_600_000),
            // Every page is due: a recheck fetches again what it fetched before.
            recrawlAfterMs: 0,
          },
          {
            userAgent: o.userAgent,
            timeoutMs: parseIntOption('--timeout', o.timeout, 100, 3_600_000),
            maxBodyBytes: 5 * 1024 * 1024,
            rules,
            insecure: o.insecure === true,
            warcDir: `${o.db}.warc`,
          },
          (v) => visits.set(v.url, v),
        );
        if (o.build) {
          for (const line of describeBuild(await runBuild(store))) ctx.err(line);
          ctx.err(describeIndex(await runIndex(store, o.db), o.db));
        }
      });
      const checks = urls.map((u) => {
        const v = visits.get(u);
        return pageCheck(
          u,
          plan.targets,
          plan.pages.get(u) ?? new Set(),
          v?.capture ?? null,
          v?.result ?? null,
        );
      });
      if (o.json === true) for (const c of checks) ctx.out(JSON.stringify(c));
      else printChecks(ctx, checks);
    });
}

/** The pages of a saved explorer question (its URL), best first in its sort. */
async function savedPlan(ctx: CliContext, o: RecheckFlags, raw: string): Promise<Plan> {
  let params: URLSearchParams;
  try {
    params = new URL(raw).searchParams;
  } catch {
    throw new CliError(`--prospects-of must be an explorer URL (got '${raw}')`, EXIT.usage);
  }
  const parsed = parseExportRequest(decodeExploreParams(params));
  if (!parsed.ok) throw new CliError(`--prospects-of: ${parsed.message}`, EXIT.usage);
  const { query, sort } = parsed.value;
  if (query.source !== 'page') {
    throw new CliError(
      "--prospects-of: recheck checks referring pages: save the question in mode 'pages'",
      EXIT.usage,
    );
  }
  const limit = parseIntOption('--limit', o.limit, 1, 100_000);
  const pages = new Map<string, Set<string>>();
  await ctx.withEngine(o.db, async (engine) => {
    const r = await engine.prospects({ ...query, offset: 0, limit: Math.min(limit, 1000) }, sort);
    for (const row of r.items) {
      const keys = query.targets.filter((_, i) => row.linked[i]).map((t) => t.key);
      pages.set(row.prospect, new Set(keys));
    }
  });
  return { targets: query.targets, pages };
}

/** The pages to check: a saved question, the URL file, or the gap's prospects (page mode). */
async function planOf(ctx: CliContext, o: RecheckFlags): Promise<Plan> {
  if (o.prospectsOf !== undefined) return savedPlan(ctx, o, o.prospectsOf);
  const targets = o.target ?? [];
  const query =
    targets.length === 0
      ? null
      : toQuery({
          db: o.db,
          target: targets,
          exclude: o.exclude ?? [],
          ...(o.minMatching === undefined ? {} : { minMatching: o.minMatching }),
          status: 'live',
          subdomains: true,
          indirect: true,
          excludeTechnicalHosts: o.excludeTechnicalHosts === true,
          rankScale: '1000',
          internalListLimit: '1000',
        } satisfies GapFlags);
  const pages = new Map<string, Set<string>>();
  if (o.urls !== undefined) {
    let text: string;
    try {
      text = readFileSync(o.urls, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read --urls ${o.urls} (${(e as Error).message})`, EXIT.usage);
    }
    for (const line of text.split('\n')) {
      const s = line.replace(/#.*$/, '').trim();
      if (s !== '') pages.set(parseSeed(s), new Set());
    }
  }
  if (query === null) {
    if (o.urls === undefined)
      throw new CliError('give --target (as for gap) or --urls FILE', EXIT.usage);
    return { targets: [], pages };
  }
  const limit = parseIntOption('--limit', o.limit, 1, 100_000);
  await ctx.withEngine(o.db, async (engine) => {
    // What the index says each page links to (all of them for --urls, the prospects otherwise).
    for (let offset = 0; ; offset += 1000) {
      const r = await engine.pageIntersection({
        ...query,
        minMatching: o.urls === undefined ? query.minMatching : 1,
        offset,
        limit: 1000,
      });
      for (const item of r.items) {
        const url = Object.values(item.page_intersection)[0]?.[0]?.url_from;
        if (url === undefined) continue;
        const keys = new Set(Object.keys(item.page_intersection));
        if (o.urls === undefined) {
          if (pages.size < limit) pages.set(url, keys);
        } else if (pages.has(url)) pages.set(url, keys);
      }
      if (r.items.length < 1000 || (o.urls === undefined && pages.size >= limit)) break;
    }
  });
  return { targets: query.targets, pages };
}

function printChecks(ctx: CliContext, checks: PageCheck[]): void {
  const keys = checks[0]?.targets.map((t) => t.key) ?? [];
  const rows = checks.map((c) => [
    c.url,
    c.status === null ? '' : String(c.status),
    c.page === 'redirected' ? `redirected → ${c.redirect ?? ''}` : c.page,
    ...c.targets.map((t) =>
      t.verdict === 'links'
        ? `✓ ${t.anchors.slice(0, 2).join(' | ')}`
        : t.verdict === 'removed'
          ? 'removed'
          : t.verdict === 'unknown'
            ? '?'
            : '',
    ),
  ]);
  for (const line of renderTable(
    ['referring page', 'status', 'page', ...keys.map((k) => `${k}`)],
    rows,
  )) {
    ctx.out(line);
  }
  const still = checks.filter((c) => c.targets.some((t) => t.verdict === 'links')).length;
  const removed = checks.filter((c) => c.targets.some((t) => t.verdict === 'removed')).length;
  ctx.err(
    `${checks.length} pages checked: ${still} still link, ${removed} removed a link, ` +
      `${checks.filter((c) => c.page === 'gone').length} gone, ` +
      `${checks.filter((c) => c.page === 'redirected').length} redirected, ` +
      `${checks.filter((c) => c.page === 'unreachable' || c.page === 'disallowed').length} not fetched`,
  );
}
