/**
 * `linkgap crawl SEED…`: our own polite crawler. Fetches the seeds and what they link to
 * (within the scope), honouring robots.txt and a per-host delay, archives every fetch as WARC
 * and stores it as captures, with a persistent frontier so a killed crawl resumes where it
 * stopped. `linkgap build` then makes the index that `gap` and `serve` answer from.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type ConnectToRule,
  CrawlWarcWriter,
  createFetcher,
  createHostScheduler,
  createRobotsCache,
} from '../../crawl/index.js';
import { type CrawlSummary, type CrawlVisit, runCrawl } from '../../crawl/run-crawl.js';
import type { LinkStore } from '../../store/index.js';
import { CliError, EXIT } from '../cli-error.js';
import { createProgress, formatCount } from '../progress.js';
import type { CliContext } from './context.js';
import { parseConnectToFlags, parseDuration, parseSeed } from './crawl-options.js';
import { parseIntOption } from './options.js';

/** Flags as commander parses them. */
interface CrawlFlags {
  db: string;
  scope: string;
  maxPages: string;
  maxDepth: string;
  concurrency: string;
  perHostDelay: string;
  userAgent: string;
  warcOut?: string;
  warc: boolean;
  recrawlAfter?: string;
  timeout: string;
  maxBody: string;
  seedsFile?: string;
  connectTo?: string[];
  insecure?: boolean;
  json?: boolean;
}

/** The User-Agent sent unless `--user-agent`; robots.txt groups match its product token. */
export const DEFAULT_USER_AGENT = 'linkgap/0.1 (self-hosted backlink index crawler)';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Register `crawl`. */
export function crawlCommand(program: Command, ctx: CliContext): void {
  ctx
    .withDb(program.command('crawl'))
    .description(
      'crawl seed sites politely into the index (robots.txt, per-host delay, WARC archive, resumable)',
    )
    .argument('[seeds...]', 'seed URLs or hosts (a host means https://host/)')
    .option('--seeds-file <file>', 'more seeds, one per line (# comments)')
    .option(
      '--scope <host|domain|any>',
      'follow links to the seeds hosts, their domains, or anywhere',
      'host',
    )
    .option('--max-pages <n>', 'distinct pages to fetch in all (across resumed runs)', '10000')
    .option('--max-depth <d>', 'links followed from a seed at most this many times', '5')
    .option('--concurrency <c>', 'requests at once over all hosts (one per host)', '8')
    .option('--per-host-delay <ms>', 'minimum ms between two requests to one host', '1000')
    .option(
      '--user-agent <ua>',
      'User-Agent (its first word picks the robots.txt group)',
      DEFAULT_USER_AGENT,
    )
    .option('--warc-out <dir>', 'where the WARC files go (default: <db>.warc/)')
    .option('--no-warc', 'do not archive the fetches as WARC')
    .option(
      '--recrawl-after <duration>',
      'fetch again pages older than this (30d, 12h…), with conditional requests',
    )
    .option('--timeout <ms>', 'connect / response / body-idle timeout of a request', '30000')
    .option(
      '--max-body <bytes>',
      'bytes kept of one response (the rest is cut)',
      String(5 * 1024 * 1024),
    )
    .option(
      '--connect-to <HOST1:PORT1:HOST2:PORT2>',
      'send connections for HOST1:PORT1 to HOST2:PORT2 (repeat; as curl)',
      collect,
    )
    .option('--insecure', 'accept any TLS certificate (staging servers, tests)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
The crawl is identified by its seeds and scope: run the same command again to resume a killed
crawl (nothing stored is fetched again) or, with --recrawl-after, to recheck pages. Then run
\`linkgap build\` to index what was fetched.

Examples:
  linkgap crawl https://competitor-a.com/ https://competitor-b.com/ --max-pages 5000
  linkgap crawl my-site.com --scope domain --per-host-delay 2000 && linkgap build
  linkgap crawl --seeds-file seeds.txt --recrawl-after 30d`,
    )
    .action(async (rawSeeds: string[], o: CrawlFlags) => {
      const seeds = [...rawSeeds, ...seedsOfFile(o.seedsFile)].map(parseSeed);
      if (seeds.length === 0) throw new CliError('give at least one seed URL or host', EXIT.usage);
      if (!['host', 'domain', 'any'].includes(o.scope)) {
        throw new CliError(`--scope must be host, domain or any (got '${o.scope}')`, EXIT.usage);
      }
      const options = {
        seeds,
        scope: o.scope as 'host' | 'domain' | 'any',
        maxPages: parseIntOption('--max-pages', o.maxPages, 1, 1_000_000_000),
        maxDepth: parseIntOption('--max-depth', o.maxDepth, 0, 1000),
        concurrency: parseIntOption('--concurrency', o.concurrency, 1, 1024),
        perHostDelayMs: parseIntOption('--per-host-delay', o.perHostDelay, 0, 3_600_000),
        recrawlAfterMs:
          o.recrawlAfter === undefined ? null : parseDuration('--recrawl-after', o.recrawlAfter),
      };
      const timeoutMs = parseIntOption('--timeout', o.timeout, 100, 3_600_000);
      const maxBodyBytes = parseIntOption('--max-body', o.maxBody, 1024, 1024 * 1024 * 1024);
      const rules = parseConnectToFlags(o.connectTo);
      const summary = await ctx.withStore(o.db, (store) =>
        crawlInto(store, options, {
          userAgent: o.userAgent,
          timeoutMs,
          maxBodyBytes,
          rules,
          insecure: o.insecure === true,
          warcDir: o.warc ? (o.warcOut ?? `${o.db}.warc`) : null,
        }),
      );
      if (o.json === true) ctx.out(JSON.stringify(summary));
      else for (const line of describeCrawl(summary)) ctx.out(line);
      if (summary.interrupted) ctx.setExitCode(EXIT.failed);
    });
}

function seedsOfFile(path: string | undefined): string[] {
  if (path === undefined) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read --seeds-file ${path} (${(e as Error).message})`, EXIT.usage);
  }
  return text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l !== '');
}

/** How the crawl reaches the web. */
export interface NetOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  rules: ConnectToRule[];
  insecure: boolean;
  warcDir: string | null;
}

/** Run a crawl into `store` with progress; SIGINT/SIGTERM stop it cleanly (it can resume). */
export async function crawlInto(
  store: LinkStore,
  options: Parameters<typeof runCrawl>[0],
  net: NetOptions,
  onVisit?: (v: CrawlVisit) => void,
): Promise<CrawlSummary> {
  const fetcher = createFetcher({
    userAgent: net.userAgent,
    timeoutMs: net.timeoutMs,
    maxBodyBytes: net.maxBodyBytes,
    ...(net.insecure ? { connect: { rejectUnauthorized: false } } : {}),
    ...(net.rules.length === 0 ? {} : { connectTo: net.rules }),
  });
  const robots = createRobotsCache({ fetcher, userAgent: net.userAgent });
  const gate = createHostScheduler({ concurrency: options.concurrency });
  const archive =
    net.warcDir === null
      ? null
      : new CrawlWarcWriter({
          dir: net.warcDir,
          warcinfo: [
            ['software', 'linkgap crawl'],
            ['http-header-user-agent', net.userAgent],
            ['robots', 'obey'],
          ],
        });
  const ac = new AbortController();
  const stop = (): void => {
    if (!ac.signal.aborted) process.stderr.write('stopping: finishing the requests in flight…\n');
    ac.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const progress = createProgress(
    options.maxPages,
    'crawl |{bar}| {fetched} pages · {rate} pages/s · {queued} queued · {hosts} hosts · {errors}',
    (_, f) =>
      `crawl: ${f.fetched} pages, ${f.rate} pages/s, ${f.queued} queued, ${f.hosts} hosts, ${f.errors}`,
  );
  try {
    return await runCrawl(options, {
      store,
      fetcher,
      robots,
      gate,
      archive,
      now: () => Date.now(),
      signal: ac.signal,
      ...(onVisit === undefined ? {} : { onVisit }),
      onProgress: (p) => {
        const errors = Object.entries(p.errors)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        progress.update(p.fetched, {
          fetched: formatCount(p.fetched),
          rate: (p.fetched / Math.max(p.elapsedMs / 1000, 0.001)).toFixed(1),
          queued: formatCount(p.queued),
          hosts: p.activeHosts,
          errors: errors === '' ? 'no errors' : errors,
        });
      },
    });
  } finally {
    progress.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await archive?.close();
    await fetcher.close();
  }
}

/** Summary lines of a crawl. */
export function describeCrawl(s: CrawlSummary): string[] {
  const rate = s.seconds > 0 ? (s.fetched / s.seconds).toFixed(1) : '0';
  const statuses = Object.entries(s.statuses)
    .map(([k, n]) => `${formatCount(n)} ${k}`)
    .join(', ');
  const errors = Object.entries(s.errors)
    .map(([k, n]) => `${formatCount(n)} ${k}`)
    .join(', ');
  return [
    `crawl ${s.crawl}: ${formatCount(s.fetched)} fetches in ${s.seconds.toFixed(1)} s (${rate}/s)` +
      `${s.interrupted ? ', interrupted (run the same command to resume)' : ''}`,
    `  responses: ${statuses === '' ? 'none' : statuses}; not modified: ${formatCount(s.notModified)}; ` +
      `not fetched (robots.txt disallows or is unreachable): ${formatCount(s.disallowed)}; ` +
      `failed: ${errors === '' ? 'none' : errors}`,
    `  captures stored: ${formatCount(s.captures)}; URLs found: ${formatCount(s.discovered)}`,
    `  frontier: ${formatCount(s.frontier.done)} done, ${formatCount(s.frontier.failed)} failed, ` +
      `${formatCount(s.frontier.disallowed)} disallowed, ${formatCount(s.frontier.queued)} queued`,
    '  next: linkgap build',
  ];
}
