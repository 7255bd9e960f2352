/**
 * What `backlinks_page_intersection` and `backlinks_domain_intersection` share: the input shape
 * of the official DataForSEO MCP server's tool (names, types, descriptions and limits copied),
 * our extra fields, the task object built from the arguments, and running it through
 * `parseTask` and the engine.
 */

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { stringifyDataForSeo } from '../../api/dataforseo/json.js';
import { type IntersectionEndpoint, parseTask } from '../../api/dataforseo/parse-task.js';
import { errorResult, failedQueryResult, okResult, type ToolDeps } from './results.js';

const FILTERS_DESCRIPTION =
  'array of results filtering parameters optional field you can add several filters at once (8 filters maximum) you should set a logical operator and, or between the conditions the following operators are supported: regex, not_regex, =, <>, in, not_in, like, not_like, ilike, not_ilike, match, not_match you can use the % operator with like and not_like to match any string of zero or more characters example: ["1.rank",">","80"] [["2.page_from_rank",">","55"], "and", ["1.original","=","true"]] [["1.first_seen",">","2017-10-23 11:31:45 +00:00"], "and", [["1.anchor","like","%seo%"],"or",["1.text_pre","not_like","%seo%"]]]';

const ORDER_BY_DESCRIPTION =
  'results sorting rules optional field you can use the same values as in the filters array to sort the results possible sorting types: asc – results will be sorted in the ascending order desc – results will be sorted in the descending order you should use a comma to set up a sorting type example: ["rank,desc"] note that you can set no more than three sorting rules in a single request you should use a comma to separate several sorting rules example: ["domain_from_rank,desc","page_from_rank,asc"]';

const OFFSET_DESCRIPTION =
  'offset in the array of returned results optional field default value: 0 if you specify the 10 value, the first ten backlinks in the results array will be omitted and the data will be provided for the successive backlinks';

/** The input shape of both intersection tools; `targetsDescription` differs between them. */
export function intersectionShape(targetsDescription: string) {
  return {
    targets: z.array(z.string()).describe(targetsDescription),
    limit: z
      .number()
      .min(1)
      .max(1000)
      .default(10)
      .optional()
      .describe('the maximum number of returned results'),
    offset: z.number().min(0).optional().describe(OFFSET_DESCRIPTION),
    filters: z
      .array(
        z.union([
          z.array(z.union([z.string(), z.number(), z.boolean()])).length(3),
          z.enum(['and', 'or']),
        ]),
      )
      .max(8)
      .optional()
      .describe(FILTERS_DESCRIPTION),
    order_by: z.array(z.string()).optional().describe(ORDER_BY_DESCRIPTION),
    exclude_targets: z
      .array(z.string())
      .optional()
      .describe(
        'domains, subdomains or webpages you want to exclude optional field: results that link to any of them are dropped (your own site, for a link gap); up to 10; a page is an absolute URL, a URL ending in * excludes every page under that prefix',
      ),
    intersection_mode: z
      .enum(['all', 'partial'])
      .optional()
      .describe(
        'all (default): only results linking to every target; partial: results linking to at least one target',
      ),
    include_subdomains: z
      .boolean()
      .optional()
      .describe('whether links to subdomains of a domain target count (default true)'),
  };
}

/** The arguments of an intersection tool as the SDK hands them over. */
export interface IntersectionArgs {
  targets: string[];
  limit?: number;
  offset?: number;
  filters?: Array<Array<string | number | boolean> | 'and' | 'or'>;
  order_by?: string[];
  exclude_targets?: string[];
  intersection_mode?: 'all' | 'partial';
  include_subdomains?: boolean;
}

/**
 * The DataForSEO task for the arguments: `targets` as numbered keys (`{"1": …, "2": …}`, as the
 * official MCP server sends them); a one-condition `filters` list is sent as that condition.
 */
export function toTask(args: IntersectionArgs): Record<string, unknown> {
  const task: Record<string, unknown> = {
    targets: Object.fromEntries(args.targets.map((t, i) => [String(i + 1), t])),
  };
  if (args.exclude_targets !== undefined) task.exclude_targets = args.exclude_targets;
  if (args.limit !== undefined) task.limit = args.limit;
  if (args.offset !== undefined) task.offset = args.offset;
  if (args.filters !== undefined && args.filters.length > 0) {
    task.filters = args.filters.length === 1 ? args.filters[0] : args.filters;
  }
  if (args.order_by !== undefined) task.order_by = args.order_by;
  if (args.intersection_mode !== undefined) task.intersection_mode = args.intersection_mode;
  if (args.include_subdomains !== undefined) task.include_subdomains = args.include_subdomains;
  return task;
}

/**
 * Run the arguments as a DataForSEO task: the `result[0]` JSON as text and structuredContent,
 * or an `isError` result with DataForSEO's status message (40501 `Invalid Field: '…'.`,
 * 50000 `Internal Error.` when the engine fails).
 */
export async function runIntersectionTool(
  deps: ToolDeps,
  endpoint: IntersectionEndpoint,
  args: IntersectionArgs,
): Promise<CallToolResult> {
  const { engine } = deps;
  const parsed = parseTask(endpoint, toTask(args));
  if (!parsed.ok) return errorResult(parsed.message, parsed.detail);
  try {
    const result =
      endpoint === 'page_intersection'
        ? await engine.pageIntersection(parsed.query)
        : await engine.domainIntersection(parsed.query);
    return okResult(stringifyDataForSeo(result), { ...result });
  } catch (error) {
    return failedQueryResult(deps.logger, error, { endpoint });
  }
}
