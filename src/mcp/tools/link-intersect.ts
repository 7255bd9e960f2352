/**
 * `link_intersect`: Moz Links API v2 `link_intersect` as an MCP tool — the request body's
 * fields as arguments, Moz's `{results, next_token}` as the answer (text and
 * structuredContent), Moz's error message as an `isError` result. Runs `mozResponse`, the same
 * call as `POST /v2/link_intersect`.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  DEFAULT_MOZ_LIMIT,
  MAX_MOZ_LIMIT,
  MAX_MOZ_TARGETS,
  mozResponse,
  type TokenCodec,
} from '../../api/moz/index.js';
import { errorResult, failedQueryResult, okResult, type ToolDeps } from './results.js';

/** The tool's name. */
export const LINK_INTERSECT_TOOL = 'link_intersect';

/** What the Moz form needs besides the engine: the `next_token` signer and a clock. */
export interface MozToolDeps extends ToolDeps {
  tokens: TokenCodec;
  now: () => number;
}

const target = z.object({
  target: z
    .string()
    .describe('a page URL (with or without scheme), a subdomain or a root domain, per scope'),
  scope: z
    .enum(['page', 'subdomain', 'root_domain'])
    .describe('page: that URL; subdomain: that host; root_domain: the domain and all its hosts'),
});

const inputShape = {
  positive_targets: z
    .array(target)
    .min(1)
    .max(MAX_MOZ_TARGETS)
    .describe(
      `the sites or pages whose linking sources you want (e.g. your competitors); at most ${MAX_MOZ_TARGETS} positive and negative targets combined`,
    ),
  negative_targets: z
    .array(target)
    .max(MAX_MOZ_TARGETS - 1)
    .optional()
    .describe('sources linking to any of these are left out (e.g. your own site)'),
  min_matching_targets: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('a source must link to at least this many positive targets (default 1)'),
  source_scope: z
    .enum(['page', 'root_domain'])
    .optional()
    .describe('page (default): one result per linking page; root_domain: per linking domain'),
  sort: z
    .enum(['matching_target_count', 'source_domain_authority', 'source_spam_score'])
    .optional()
    .describe('result order (default matching_target_count: most positive targets linked first)'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_MOZ_LIMIT)
    .optional()
    .describe(`results per page, 1–${MAX_MOZ_LIMIT} (default ${DEFAULT_MOZ_LIMIT})`),
  next_token: z
    .string()
    .optional()
    .describe(
      'the next_token of the previous answer, to get the next page of the same query (an empty next_token in an answer means there is no more)',
    ),
};

/** Register the tool on `server`. */
export function registerLinkIntersectTool(server: McpServer, deps: MozToolDeps): void {
  server.registerTool(
    LINK_INTERSECT_TOOL,
    {
      title: 'Link intersect (Moz)',
      description:
        'Moz Links API v2 link_intersect: pages (or root domains) that link to at least min_matching_targets of the positive targets and to none of the negative targets, with title, domain_authority, spam_score (-1 when unknown) and the zero-based indexes of the positive targets they link to (root_domain sources also list the best page per matched target). Answers {results, next_token}; pass next_token back to page on.',
      inputSchema: inputShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args): Promise<CallToolResult> => {
      try {
        const answer = await mozResponse(deps.engine, args, deps.tokens, deps.now());
        if (answer.status !== 200) {
          return errorResult(answer.body.message, `${answer.body.name} (HTTP ${answer.status})`);
        }
        return okResult(JSON.stringify(answer.body), { ...answer.body });
      } catch (error) {
        return failedQueryResult(deps.logger, error, { tool: LINK_INTERSECT_TOOL });
      }
    },
  );
}
