/**
 * `backlinks_page_intersection`: DataForSEO's page_intersection/live as an MCP tool, with the
 * official DataForSEO MCP server's input schema (plus `exclude_targets`, `intersection_mode`,
 * `include_subdomains`); answers DataForSEO's `result[0]` JSON.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { intersectionShape, runIntersectionTool } from './intersection-task.js';
import type { ToolDeps } from './results.js';

/** The tool's name. */
export const PAGE_INTERSECTION_TOOL = 'backlinks_page_intersection';

const TARGETS_DESCRIPTION =
  'domains, subdomains or webpages to get links for required field you can set up to 20 domains, subdomains or webpages a domain or a subdomain should be specified without https:// and www. a page should be specified with absolute URL (including http:// or https://)';

/** Register the tool on `server`. */
export function registerPageIntersectionTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    PAGE_INTERSECTION_TOOL,
    {
      title: 'Backlinks page intersection',
      description:
        'Referring pages that link to several targets at once (DataForSEO backlinks/page_intersection/live): one item per referring page with its backlinks to each target it links to, keyed by the target number ("1", "2", …). With exclude_targets set to your own site, this is the link gap: pages linking to your competitors but not to you. Answers the DataForSEO result object {targets, total_count, items_count, items}.',
      inputSchema: intersectionShape(TARGETS_DESCRIPTION),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => runIntersectionTool(deps, 'page_intersection', args),
  );
}
