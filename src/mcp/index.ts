/**
 * @module mcp
 * The MCP server over the engine (tools: backlinks_page_intersection,
 * backlinks_domain_intersection, link_intersect, link_gap) and its transports.
 */
export { checkRequests, invalidParams } from './request-check.js';
export {
  createMcpServer,
  DEFAULT_MCP_VERSION,
  MCP_SERVER_NAME,
  type McpServerOptions,
} from './server.js';
export { DOMAIN_INTERSECTION_TOOL } from './tools/backlinks-domain-intersection.js';
export { PAGE_INTERSECTION_TOOL } from './tools/backlinks-page-intersection.js';
export { LINK_GAP_TOOL } from './tools/link-gap.js';
export { LINK_INTERSECT_TOOL } from './tools/link-intersect.js';
