/**
 * DataForSEO's response envelope and task objects, key order as in spec/dataforseo.md §7.
 */
import { formatSeconds } from './format-time.js';
import type { Status } from './status.js';

/** One task of the `tasks` array (BaseResponseTaskInfo order). */
export interface DataForSeoTask {
  id: string;
  status_code: number;
  status_message: string;
  time: string;
  cost: number;
  result_count: number;
  path: string[];
  data: Record<string, unknown>;
  result: unknown[] | null;
}

/** The response envelope (BaseResponseInfo order). */
export interface DataForSeoEnvelope {
  version: string;
  status_code: number;
  status_message: string;
  time: string;
  cost: number;
  tasks_count: number;
  tasks_error: number;
  tasks: DataForSeoTask[];
}

/** What a task is made of; `result` null means the task failed. */
export interface TaskParts {
  id: string;
  status: Status;
  seconds: number;
  cost: number;
  path: string[];
  data: Record<string, unknown>;
  result: unknown[] | null;
}

/** A task object with its keys in DataForSEO's order. */
export function buildTask(p: TaskParts): DataForSeoTask {
  return {
    id: p.id,
    status_code: p.status.code,
    status_message: p.status.message,
    time: formatSeconds(p.seconds),
    cost: p.cost,
    result_count: p.result === null ? 0 : p.result.length,
    path: p.path,
    data: p.data,
    result: p.result,
  };
}

/** Sum of costs without binary floating-point noise (0.02 + 0.00003 → 0.02003). */
export function sumCosts(costs: readonly number[]): number {
  return roundCost(costs.reduce((a, b) => a + b, 0));
}

/** A cost rounded to 10 decimal places. */
export function roundCost(cost: number): number {
  return Math.round(cost * 1e10) / 1e10;
}

/**
 * The envelope around `tasks`: cost = Σ task costs, tasks_error = tasks whose status is not
 * 20000. `status` is the envelope's own status (20000 unless the request itself failed).
 */
export function buildEnvelope(
  version: string,
  status: Status,
  seconds: number,
  tasks: DataForSeoTask[],
): DataForSeoEnvelope {
  return {
    version,
    status_code: status.code,
    status_message: status.message,
    time: formatSeconds(seconds),
    cost: sumCosts(tasks.map((t) => t.cost)),
    tasks_count: tasks.length,
    tasks_error: tasks.filter((t) => t.status_code !== 20000).length,
    tasks,
  };
}
