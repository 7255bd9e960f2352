/**
 * `backlinks_domain_intersection`: DataForSEO's domain_intersection/live as an MCP tool, with
 * the same input schema as `backlinks_page_intersection`; answers DataForSEO's `result[0]` JSON.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { intersectionShape, runIntersectionTool } from './intersection-task.js';
import type { ToolDeps } from './results.js';

/** The tool's name. */
export const DOMAIN_INTERSECTION_TOOL = 'backlinks_domain_intersection';

const TARGETS_DESCRIPTION =
  'domains, subdomains or webpages to get links for required field you can set up to 20 domains, subdomains or webpages a domain or a subdomain should be specified without https:// and www. a page should be specified with absolute URL (including http:// or https://)';

/** Register the tool on `server`. */
export function registerDomainIntersectionTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    DOMAIN_INTERSECTION_TOOL,
    {
      title: 'Backlinks domain intersection',
      description:
        'Referring domains that link to several targets at once (DataForSEO backlinks/domain_intersection/live): one item per referring domain with its link statistics per target it links to (backlinks, rank, spam score, first seen, …), keyed by the target number ("1", "2", …). With exclude_targets set to your own site, this is the link gap: domains linking to your competitors but not to you. Answers the DataForSEO result object {targets, total_count, items_count, items}.',
      inputSchema: intersectionShape(TARGETS_DESCRIPTION),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => runIntersectionTool(deps, 'domain_intersection', args),
  );
}
