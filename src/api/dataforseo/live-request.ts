/**
 * One `POST /v3/backlinks/{page,domain}_intersection/live` request, from body text to envelope:
 * body checks (40502, 40503), one task at a time (40000 for the others), validation (40501),
 * the engine call, costs.
 */

import { parseBoundedJson } from '../../core/bounded-json.js';
import { QueryTimeoutError } from '../../engine/deadline.js';
import type { Engine } from '../../engine/types.js';
import { errorText, type Logger } from '../logger.js';
import {
  buildEnvelope,
  buildTask,
  type DataForSeoEnvelope,
  type DataForSeoTask,
} from './envelope.js';
import { type IntersectionEndpoint, parseTask } from './parse-task.js';
import { type Pricing, taskCost } from './pricing.js';
import { STATUS, type Status } from './status.js';
import { newTaskId } from './task-id.js';

/** What a live request needs. */
export interface LiveRequestDeps {
  engine: Engine;
  pricing: Pricing;
  version: string;
  logger: Logger;
  /** Clock for task ids (tests). */
  now?: () => Date;
}

/** Tasks one POST may hold (DataForSEO's limit, status 40006 past it). */
export const MAX_TASKS = 100;

/** The tasks of a request body, or the envelope status that rejects the body. */
export type BodyTasks = { ok: true; tasks: unknown[] } | { ok: false; status: Status };

/**
 * Split a body into tasks: a JSON array of tasks, or one object (≡ one task). Empty text,
 * `null` and `[]` → 40502; anything that is not JSON, or JSON of another type → 40503.
 */
export function readBodyTasks(text: string): BodyTasks {
  if (text.trim() === '') return { ok: false, status: STATUS.postDataEmpty };
  const json = parseBoundedJson(text);
  if (!json.ok) return { ok: false, status: STATUS.postDataInvalid };
  const parsed = json.value;
  if (parsed === null) return { ok: false, status: STATUS.postDataEmpty };
  if (Array.isArray(parsed)) {
    return parsed.length === 0
      ? { ok: false, status: STATUS.postDataEmpty }
      : { ok: true, tasks: parsed };
  }
  if (typeof parsed === 'object') return { ok: true, tasks: [parsed] };
  return { ok: false, status: STATUS.postDataInvalid };
}

/** Answer a live request body with a full envelope (never throws for client mistakes). */
export async function runLiveRequest(
  deps: LiveRequestDeps,
  endpoint: IntersectionEndpoint,
  body: string,
): Promise<DataForSeoEnvelope> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const split = readBodyTasks(body);
  if (!split.ok) return buildEnvelope(deps.version, split.status, seconds(), []);
  // Extra tasks are each answered 40000; past 100 the whole request is refused, as DataForSEO
  // does, so a small body cannot ask for a huge answer.
  if (split.tasks.length > MAX_TASKS) {
    return buildEnvelope(deps.version, STATUS.tooManyTasks, seconds(), []);
  }
  const [first, ...rest] = split.tasks;
  const tasks = [await runTask(deps, endpoint, first)];
  for (const extra of rest) {
    tasks.push(
      makeTask(deps, endpoint, {
        status: STATUS.oneTaskOnly,
        seconds: 0,
        data: echoData(endpoint, extra),
      }),
    );
  }
  return buildEnvelope(deps.version, STATUS.ok, seconds(), tasks);
}

async function runTask(
  deps: LiveRequestDeps,
  endpoint: IntersectionEndpoint,
  raw: unknown,
): Promise<DataForSeoTask> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const parsed = parseTask(endpoint, raw);
  if (!parsed.ok) {
    return makeTask(deps, endpoint, {
      status: { code: 40501, message: parsed.message },
      seconds: seconds(),
      data: parsed.data,
    });
  }
  try {
    const result =
      endpoint === 'page_intersection'
        ? await deps.engine.pageIntersection(parsed.query)
        : await deps.engine.domainIntersection(parsed.query);
    return makeTask(deps, endpoint, {
      status: STATUS.ok,
      seconds: seconds(),
      data: parsed.data,
      result: [result],
      cost: taskCost(deps.pricing, result.items_count),
    });
  } catch (error) {
    const timedOut = error instanceof QueryTimeoutError;
    if (timedOut) deps.logger.warn('query timed out', { endpoint, budget_ms: error.budgetMs });
    else deps.logger.error('engine query failed', { endpoint, error: errorText(error) });
    return makeTask(deps, endpoint, {
      status: timedOut ? STATUS.timeout : STATUS.internalError,
      seconds: seconds(),
      data: parsed.data,
    });
  }
}

function makeTask(
  deps: LiveRequestDeps,
  endpoint: IntersectionEndpoint,
  p: {
    status: Status;
    seconds: number;
    data: Record<string, unknown>;
    result?: unknown[];
    cost?: number;
  },
): DataForSeoTask {
  return buildTask({
    id: newTaskId(endpoint, deps.now?.() ?? new Date()),
    status: p.status,
    seconds: p.seconds,
    cost: p.cost ?? 0,
    path: ['v3', 'backlinks', endpoint, 'live'],
    data: p.data,
    result: p.result ?? null,
  });
}

/** The `data` echo of a task that is not run (parseTask builds it; nothing else is used). */
function echoData(endpoint: IntersectionEndpoint, raw: unknown): Record<string, unknown> {
  return parseTask(endpoint, raw).data;
}
