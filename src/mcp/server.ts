/**
 * The MCP server: the intersection tools (DataForSEO form), `link_intersect` (Moz form) and
 * the plain-language `link_gap`, over one engine. Transports (stdio, streamable HTTP) connect to it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type Logger, SILENT_LOGGER } from '../api/logger.js';
import { createTokenCodec, type TokenCodec } from '../api/moz/index.js';
import type { Engine } from '../engine/types.js';
import { registerDomainIntersectionTool } from './tools/backlinks-domain-intersection.js';
import { registerPageIntersectionTool } from './tools/backlinks-page-intersection.js';
import { registerLinkGapTool } from './tools/link-gap.js';
import { registerLinkIntersectTool } from './tools/link-intersect.js';

/** The server name MCP clients see. */
export const MCP_SERVER_NAME = 'linkgap';

/** Options of `createMcpServer`. */
export interface McpServerOptions {
  engine: Engine;
  /** Engine failures are logged here (default silent); never to stdout. */
  logger?: Logger;
  /** Reported to clients in `serverInfo.version` (default the package version). */
  version?: string;
  /** Signs `link_intersect` next_tokens (default: a random key, one-hour tokens). */
  mozTokens?: TokenCodec;
  /** Clock in ms for token expiry (default `Date.now`). */
  now?: () => number;
}

/** Server version reported when none is given. */
export const DEFAULT_MCP_VERSION = '0.1.0';

/** A new MCP server with every linkgap tool registered (connect it to one transport). */
export function createMcpServer(opts: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: opts.version ?? DEFAULT_MCP_VERSION },
    {
      capabilities: { tools: {}, logging: {} },
      instructions:
        'linkgap answers link intersection (link gap) questions from a self-hosted backlink index. ' +
        'Use link_gap for "who links to my competitors but not to me"; the backlinks_*_intersection ' +
        'tools take DataForSEO parameters and answer DataForSEO JSON; link_intersect is the Moz ' +
        'Links API form.',
    },
  );
  const deps = { engine: opts.engine, logger: opts.logger ?? SILENT_LOGGER };
  registerPageIntersectionTool(server, deps);
  registerDomainIntersectionTool(server, deps);
  registerLinkIntersectTool(server, {
    ...deps,
    tokens: opts.mozTokens ?? createTokenCodec(undefined),
    now: opts.now ?? (() => Date.now()),
  });
  registerLinkGapTool(server, deps);
  return server;
}
