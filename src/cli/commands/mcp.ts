/**
 * `linkgap mcp`: the MCP server over stdio for AI agents (Claude Desktop, Cursor, …) on the
 * built index. stdout carries the protocol only; every log line goes to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { createJsonLogger } from '../../api/index.js';
import { budgetedEngine } from '../../engine/index.js';
import { checkRequests, createMcpServer } from '../../mcp/index.js';
import type { CliContext } from './context.js';
import { openFollowingEngine } from './following-engine.js';
import { engineSource, parseIntOption } from './options.js';

const HELP_EXAMPLES = `
Tools: backlinks_page_intersection, backlinks_domain_intersection (DataForSEO parameters and
JSON), link_intersect (Moz Links API v2 form, next_token paging), link_gap (competitors,
my_sites, min_matching, … → a prospect table); docs/mcp.md. The server runs
until stdin closes or SIGINT/SIGTERM. Logs go to stderr; stdout is the protocol.
Over HTTP instead: \`linkgap serve\` answers MCP at /mcp (same credentials as the API).

Example client config (Claude Desktop, Cursor …):
  {"mcpServers": {"linkgap": {"command": "linkgap", "args": ["mcp", "--db", "/data/linkgap.duckdb"]}}}`;

/** Register `mcp`. */
export function mcpCommand(program: Command, ctx: CliContext): void {
  ctx
    .withStoreUrl(ctx.withDb(program.command('mcp')))
    .description('serve the MCP tools (link intersection, Moz link_intersect, link gap) over stdio')
    .option('--reload-interval <ms>', 'how often to look for a new index generation', '2000')
    .option('--query-timeout <ms>', 'time budget of one query (0 = none)', '10000')
    .addHelpText('after', HELP_EXAMPLES)
    .action(
      async (o: { db: string; store?: string; reloadInterval: string; queryTimeout: string }) => {
        const intervalMs = parseIntOption('--reload-interval', o.reloadInterval, 100, 3_600_000);
        const logger = createJsonLogger((line) => ctx.err(line));
        // Agents keep a session open for long: follow new builds like `serve` does.
        const budgetMs = parseIntOption('--query-timeout', o.queryTimeout, 0, 3_600_000);
        const following = await openFollowingEngine(engineSource(o), intervalMs, logger);
        const engine = budgetMs === 0 ? following : budgetedEngine(following, budgetMs);
        try {
          const server = createMcpServer({ engine, logger });
          const transport = new StdioServerTransport();
          const closed = untilClosed(transport);
          await server.connect(transport);
          checkRequests(transport);
          const info = engine.info();
          logger.info('mcp: serving over stdio', {
            generation: info.generation,
            links: info.links,
          });
          await closed;
          await server.close();
        } finally {
          await engine.close();
        }
      },
    );
}

/** Resolve when the client goes away (stdin ends), the transport closes, or on a signal. */
function untilClosed(transport: StdioServerTransport): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      process.stdin.off('end', done);
      resolve();
    };
    transport.onclose = done;
    process.stdin.on('end', done);
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
