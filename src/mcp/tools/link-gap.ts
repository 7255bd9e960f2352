/**
 * `link_gap`: the link gap in plain words for agents — who links to my competitors but not to
 * me — as a compact table (text) plus `structuredContent` rows. Built as a DataForSEO task,
 * validated by `parseTask`, then narrowed by per-link filters (dofollow, rank, spam).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { parseTask } from '../../api/dataforseo/parse-task.js';
import type { IntersectQuery } from '../../core/query/intersect-query.js';
import { linkConditions, linkFiltersFor } from '../../core/query/link-conditions.js';
import { type GapRow, gapRows, renderGapTable } from './link-gap-rows.js';
import { errorResult, failedQueryResult, okResult, type ToolDeps } from './results.js';

/** The tool's name. */
export const LINK_GAP_TOOL = 'link_gap';

const MAX_COMPETITORS = 20;

const inputShape = {
  competitors: z
    .array(z.string())
    .min(1)
    .max(MAX_COMPETITORS)
    .describe(
      'competitor sites or pages (1–20): a domain or subdomain without https:// and www. (e.g. "competitor.com"), or a page as an absolute URL',
    ),
  my_sites: z
    .array(z.string())
    .max(10)
    .optional()
    .describe(
      'your own site(s), up to 10: prospects that already link to any of them are left out (domain, subdomain, page URL, or a URL ending in * for every page under it)',
    ),
  min_matching: z
    .number()
    .int()
    .min(1)
    .max(MAX_COMPETITORS)
    .optional()
    .describe(
      'a prospect must link to at least this many competitors (default: all of them; 1 = any)',
    ),
  source: z
    .enum(['page', 'domain'])
    .optional()
    .describe('domain (default): one row per referring domain; page: one row per referring page'),
  dofollow_only: z
    .boolean()
    .optional()
    .describe('count only dofollow links to the competitors (default false)'),
  min_domain_rank: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('count only links from sources whose domain rank (0–100) is at least this'),
  max_spam_score: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe(
      'count only links from pages whose spam score (0–100) is at most this; pages never scored are kept',
    ),
  limit: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .describe('how many prospects to return, best first (default 20)'),
};

const outputShape = {
  source: z.enum(['page', 'domain']),
  total_count: z.number().describe('all prospects matching, before limit'),
  prospects: z.array(
    z.object({
      prospect: z.string().describe('the referring domain, or page URL for source page'),
      domain_rank: z.number().nullable().describe('0–100'),
      spam_score: z.number().nullable().describe('0–100, highest over the counted links'),
      matching: z.number().describe('how many competitors it links to'),
      links_to: z.array(z.string()).describe('the competitors it links to'),
      backlinks: z.number().describe('counted links to those competitors'),
    }),
  ),
};

/** The tool's arguments. */
export interface LinkGapArgs {
  competitors: string[];
  my_sites?: string[];
  min_matching?: number;
  source?: 'page' | 'domain';
  dofollow_only?: boolean;
  min_domain_rank?: number;
  max_spam_score?: number;
  limit?: number;
}

const DEFAULT_LIMIT = 20;

/** The link-gap query for the arguments, or the error result to answer. */
export type LinkGapQuery =
  | { ok: true; query: IntersectQuery }
  | { ok: false; error: CallToolResult };

/** The link-gap query for the arguments, or the error result. */
export function linkGapQuery(args: LinkGapArgs): LinkGapQuery {
  const count = args.competitors.length;
  const minMatching = args.min_matching ?? count;
  if (minMatching > count) {
    return {
      ok: false,
      error: errorResult(
        "Invalid Field: 'min_matching'.",
        `min_matching: must be between 1 and the number of competitors (${count})`,
      ),
    };
  }
  const source = args.source ?? 'domain';
  const parsed = parseTask(source === 'page' ? 'page_intersection' : 'domain_intersection', {
    targets: Object.fromEntries(args.competitors.map((t, i) => [String(i + 1), t])),
    exclude_targets: args.my_sites ?? [],
    limit: args.limit ?? DEFAULT_LIMIT,
    intersection_mode: minMatching === count ? 'all' : 'partial',
    rank_scale: 'one_hundred',
    internal_list_limit: 1,
  });
  if (!parsed.ok) {
    const rename = (s: string): string =>
      s.replaceAll('exclude_targets', 'my_sites').replaceAll('targets', 'competitors');
    const detail = parsed.detail === undefined ? undefined : rename(parsed.detail);
    return { ok: false, error: errorResult(rename(parsed.message), detail) };
  }
  const query = parsed.query;
  query.minMatching = minMatching;
  const extra = linkConditions({
    dofollowOnly: args.dofollow_only,
    minDomainRank: args.min_domain_rank,
    maxSpamScore: args.max_spam_score,
  });
  // The tool's conditions name their target (`N.field`) in both modes, as before.
  if (extra.length > 0) query.linkFilters = linkFiltersFor(query.linkFilters, extra, false);
  return { ok: true, query };
}

/** Register the tool on `server`. */
export function registerLinkGapTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    LINK_GAP_TOOL,
    {
      title: 'Link gap',
      description:
        'Find link prospects: sites (or pages) that link to your competitors but not to your own site, best first (most competitors linked, then highest domain rank). Give competitors and my_sites; optionally require a minimum number of competitors linked, dofollow links only, a minimum domain rank (0–100) or a maximum spam score (0–100). Answers a compact table (prospect, domain rank, spam score, which competitors it links to) and the same rows as structured content.',
      inputSchema: inputShape,
      outputSchema: outputShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) => {
      const built = linkGapQuery(args);
      if (!built.ok) return built.error;
      const query = built.query;
      let rows: GapRow[];
      let total: number;
      try {
        if (query.source === 'page') {
          const r = await deps.engine.pageIntersection(query);
          rows = gapRows(r);
          total = r.total_count;
        } else {
          const r = await deps.engine.domainIntersection(query);
          rows = gapRows(r);
          total = r.total_count;
        }
      } catch (error) {
        return failedQueryResult(deps.logger, error, { tool: LINK_GAP_TOOL });
      }
      const structured = { source: query.source, total_count: total, prospects: rows };
      return okResult(renderGapTable(query, total, rows), structured);
    },
  );
}
