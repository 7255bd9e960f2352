/**
 * `linkgap serve`: the DataForSEO-compatible HTTP API over the built index, following new
 * index generations as `linkgap build` publishes them.
 */

import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  type AuthConfig,
  createApp,
  createAuthConfig,
  createJsonLogger,
  createTokenCodec,
  credentialCount,
  isLoopbackHost,
  parseApiKeysEnv,
  parseServerConfig,
  replaceCredentials,
  type ServerConfigFile,
  startHttpServer,
} from '../../api/index.js';
import { createLiveChecker } from '../../crawl/index.js';
import { budgetedEngine } from '../../engine/index.js';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from './context.js';
import { DEFAULT_USER_AGENT } from './crawl.js';
import { openFollowingEngine } from './following-engine.js';
import { engineSource, parseIntOption } from './options.js';
import { webUiRoot } from './web-root.js';

/** Raw options as commander hands them over. */
export interface ServeOptions {
  db: string;
  store?: string;
  port: string;
  host: string;
  auth: boolean;
  config?: string;
  priceBase?: string;
  pricePerItem?: string;
  rateLimit?: string;
  reloadInterval: string;
  /** Milliseconds; absent (the demo) means the default 10000. */
  queryTimeout?: string;
  allowedHost?: string[];
  verify?: boolean;
}

const HELP_EXAMPLES = `
Credentials (unless --no-auth): a config file (--config FILE or LINKGAP_CONFIG) with
"credentials": [{"login","password"|"password_hash"} | {"name","token"|"token_hash"}], and/or
LINKGAP_API_KEYS="login:password,token,…" (an entry without ':' is a Bearer token).
Hash a secret for the config file with: printf %s SECRET | linkgap hash-secret

Examples:
  LINKGAP_API_KEYS='me:a-long-secret' linkgap serve --db ./linkgap.duckdb
  linkgap serve --no-auth --port 9000                # loopback only
  linkgap serve --config ./linkgap-serve.json --host 0.0.0.0 --price-base 0.02 --price-per-item 0.00003
  curl -u me:a-long-secret http://127.0.0.1:8080/v3/backlinks/page_intersection/live \\
    -H 'Content-Type: application/json' -d '[{"targets":{"1":"a.com","2":"b.com"}}]'

The link-gap explorer (web UI) is at / and talks to the native API /api/v1 (docs/http-api.md);
under credentials the browser asks for login:password (HTTP Basic).

MCP (streamable HTTP, stateless) is served at /mcp with the same credentials; requests whose
Host or Origin names another host than loopback, --host or --allowed-host get 403 (DNS
rebinding protection). For stdio use \`linkgap mcp\`.`;

/** Register `serve`. */
export function serveCommand(program: Command, ctx: CliContext): void {
  ctx
    .withStoreUrl(ctx.withDb(program.command('serve')))
    .description(
      'serve the link-gap explorer (/), the DataForSEO- and Moz-compatible APIs, the native API (/api/v1) and MCP (/mcp) over the index',
    )
    .option('--port <p>', 'TCP port (0 = any free port)', '8080')
    .option('--host <h>', 'address to bind', '127.0.0.1')
    .option('--no-auth', 'no credentials required (only on 127.0.0.1, ::1 or localhost)')
    .option(
      '--config <file>',
      'JSON config: credentials, rate limit, price (default $LINKGAP_CONFIG)',
    )
    .option('--price-base <usd>', 'cost of each successful task (default 0)')
    .option('--price-per-item <usd>', 'cost per returned item (default 0)')
    .option('--rate-limit <n>', 'requests per minute per credential (default 2000)')
    .option('--reload-interval <ms>', 'how often to look for a new index generation', '2000')
    .option(
      '--query-timeout <ms>',
      'time budget of one query; past it the query is stopped and answered with a timeout error (0 = none)',
      '10000',
    )
    .option(
      '--allowed-host <name>',
      'a host name the explorer and MCP clients may use in Host/Origin besides loopback and --host (repeat)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--no-verify', "no live page checks (the explorer's 'verify these prospects')")
    .addHelpText('after', HELP_EXAMPLES)
    .action(async (o: ServeOptions) => {
      await runServe(o, ctx);
    });
}

/**
 * Serve until SIGINT/SIGTERM. `onListening` gets the base URL once the server accepts requests
 * (the demo prints its curl command there).
 */
export async function runServe(
  o: ServeOptions,
  ctx: CliContext,
  onListening?: (url: string) => void,
): Promise<void> {
  const port = parseIntOption('--port', o.port, 0, 65535);
  const reloadMs = parseIntOption('--reload-interval', o.reloadInterval, 100, 3_600_000);
  if (!o.auth && !isLoopbackHost(o.host)) {
    throw new CliError(
      `--no-auth is only allowed on a loopback host (127.0.0.1, ::1, localhost), not '${o.host}'`,
      EXIT.usage,
    );
  }
  const file = await loadConfigFile(o.config ?? process.env.LINKGAP_CONFIG);
  const auth = o.auth ? loadCredentials(file) : null;
  const logger = createJsonLogger((line) => ctx.err(line));
  const budgetMs = parseIntOption('--query-timeout', o.queryTimeout ?? '10000', 0, 3_600_000);
  const following = await openFollowingEngine(engineSource(o), reloadMs, logger);
  const engine = budgetMs === 0 ? following : budgetedEngine(following, budgetMs);
  // The explorer's "verify these prospects": polite live fetches of indexed pages, not stored.
  const liveChecker =
    o.verify === false
      ? undefined
      : createLiveChecker({ userAgent: DEFAULT_USER_AGENT, perHostDelayMs: 1000, concurrency: 8 });
  const app = createApp({
    engine,
    auth,
    logger,
    accessLog: true,
    pricing: {
      base: priceOption('--price-base', o.priceBase) ?? file.price?.base ?? 0,
      perItem: priceOption('--price-per-item', o.pricePerItem) ?? file.price?.perItem ?? 0,
    },
    rateLimit:
      o.rateLimit === undefined
        ? file.rateLimitPerMinute
        : parseIntOption('--rate-limit', o.rateLimit, 1, 1_000_000_000),
    bodyLimitBytes: file.bodyLimitBytes,
    corsOrigins: file.corsOrigins,
    allowedHosts: [o.host, ...(o.allowedHost ?? [])],
    mozTokens: createTokenCodec(file.mozTokenSecret, file.mozTokenTtlSeconds),
    webRoot: webUiRoot(),
    ...(liveChecker === undefined ? {} : { liveChecker }),
  });
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer(app, o.host, port);
  } catch (e) {
    await liveChecker?.close();
    await engine.close();
    throw new CliError(
      `cannot listen on ${o.host}:${port} (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const info = engine.info();
  ctx.out(
    `linkgap serve: listening on ${server.url} (link-gap explorer: ${server.url}/ · API docs: ${server.url}/docs)`,
  );
  ctx.err(
    `index generation ${info.generation} built ${info.builtAt}: ${info.links} links; ` +
      (auth === null ? 'no auth (loopback only)' : `${credentialCount(auth)} credential(s)`),
  );
  onListening?.(server.url);
  // SIGHUP: read the credentials again (config file and LINKGAP_API_KEYS) and use them from the
  // next request on; a file that does not load keeps the ones in use.
  const reload = (): void => {
    if (auth === null) return;
    loadConfigFile(o.config ?? process.env.LINKGAP_CONFIG)
      .then((next) => {
        const fresh = loadCredentials(next);
        replaceCredentials(auth, fresh);
        logger.info('credentials reloaded', { credentials: credentialCount(fresh) });
      })
      .catch((e: unknown) => {
        logger.warn('credentials not reloaded; the ones in use stay', {
          error: e instanceof Error ? e.message : String(e),
        });
      });
  };
  process.on('SIGHUP', reload);
  await waitForSignal();
  process.off('SIGHUP', reload);
  logger.info('shutting down');
  await server.close();
  await liveChecker?.close();
  await engine.close();
}

/** Resolve on the first SIGINT or SIGTERM. */
function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

async function loadConfigFile(path: string | undefined): Promise<ServerConfigFile> {
  if (path === undefined || path === '') return { credentials: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the config file ${path} (${(e as Error).message})`, EXIT.usage);
  }
  const parsed = parseServerConfig(text);
  if (!parsed.ok) throw new CliError(`config file ${path}: ${parsed.message}`, EXIT.usage);
  return parsed.value;
}

function loadCredentials(file: ServerConfigFile): AuthConfig {
  const env = process.env.LINKGAP_API_KEYS;
  const entries = [...file.credentials, ...(env === undefined ? [] : parseApiKeysEnv(env))];
  const auth = createAuthConfig(entries);
  if (!auth.ok) throw new CliError(`credentials: ${auth.message}`, EXIT.usage);
  if (credentialCount(auth.value) === 0) {
    throw new CliError(
      'no credentials configured: set LINKGAP_API_KEYS="login:password" or give --config FILE ' +
        'with "credentials" (or --no-auth on a loopback host)',
      EXIT.usage,
    );
  }
  return auth.value;
}

function priceOption(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new CliError(`${flag} must be a number ≥ 0 (got '${raw}')`, EXIT.usage);
  }
  return n;
}
