/**
 * Tool results: success with text and `structuredContent`, and `isError` results carrying the
 * API's own message (tools never throw at the client).
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { STATUS } from '../../api/dataforseo/status.js';
import { errorText, type Logger } from '../../api/logger.js';
import { QueryTimeoutError } from '../../engine/deadline.js';
import type { Engine } from '../../engine/types.js';

/** What every tool needs. */
export interface ToolDeps {
  engine: Engine;
  /** Where engine failures are logged (never stdout: it may carry the protocol). */
  logger: Logger;
}

/** A successful result: `text` for the model, `structured` for programs. */
export function okResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/**
 * A tool error (`isError: true`): the first text is exactly `message` (the API's own message),
 * a second one says in words what is wrong when `detail` is given.
 */
export function errorResult(message: string, detail?: string): CallToolResult {
  const content: CallToolResult['content'] = [{ type: 'text', text: message }];
  if (detail !== undefined) content.push({ type: 'text', text: detail });
  return { isError: true, content };
}

/**
 * The tool result of a query that threw: a timeout (logged as a warning) says so; anything else
 * is an internal error (logged as one), its details kept out of the answer.
 */
export function failedQueryResult(
  logger: Logger,
  error: unknown,
  fields: Record<string, unknown>,
): CallToolResult {
  const timedOut = error instanceof QueryTimeoutError;
  logger[timedOut ? 'warn' : 'error']('mcp tool: engine query failed', {
    ...fields,
    error: errorText(error),
  });
  return errorResult(timedOut ? `Timeout: ${error.message}` : STATUS.internalError.message);
}
