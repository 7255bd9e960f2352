/**
 * One `link_intersect` call end to end (body → engine → Moz response), shared by the HTTP
 * route and the MCP tool: HTTP status plus JSON body (`{results, next_token}` or
 * `{name, message}`).
 */

import type { MozDomainRow, MozPageRow } from '../../engine/moz-types.js';
import type { Engine } from '../../engine/types.js';
import type { TokenCodec } from './next-token.js';
import { parseMozRequest } from './parse-request.js';

/** A Moz error body. */
export interface MozError {
  name: string;
  message: string;
}

/** A successful Moz body. */
export interface MozBody {
  results: Array<MozPageRow | MozDomainRow>;
  next_token: string;
}

/** What to answer. */
export type MozAnswer = { status: 200; body: MozBody } | { status: 400 | 410; body: MozError };

/**
 * Run a `link_intersect` request body. `nowMs` stamps and checks token expiry.
 * @example await mozResponse(engine, { positive_targets: [{ target: 'a.com', scope: 'root_domain' }] }, codec, Date.now())
 */
export async function mozResponse(
  engine: Pick<Engine, 'linkIntersect'>,
  body: unknown,
  tokens: TokenCodec,
  nowMs: number,
): Promise<MozAnswer> {
  const parsed = parseMozRequest(body);
  if (!parsed.ok)
    return { status: 400, body: { name: 'InvalidArgument', message: parsed.message } };
  const { query, nextToken, queryKey } = parsed.value;
  let offset = 0;
  if (nextToken !== null) {
    const check = tokens.verify(nextToken, queryKey, nowMs);
    if (!check.ok) {
      if (check.reason === 'expired') {
        return {
          status: 410,
          body: {
            name: 'TokenExpired',
            message: "Invalid field 'next_token': the token has expired; start again without it",
          },
        };
      }
      const why = check.reason === 'other_query' ? 'was issued for another query' : 'is not valid';
      return {
        status: 400,
        body: { name: 'InvalidArgument', message: `Invalid field 'next_token': the token ${why}` },
      };
    }
    offset = check.offset;
  }
  const result = await engine.linkIntersect({ ...query, offset });
  const end = offset + result.results.length;
  return {
    status: 200,
    body: {
      results: result.results,
      next_token: end < result.total ? tokens.sign(queryKey, end, nowMs) : '',
    },
  };
}
