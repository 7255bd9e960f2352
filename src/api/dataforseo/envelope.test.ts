import { describe, expect, it } from 'vitest';
import { buildEnvelope, buildTask, sumCosts } from './envelope.js';
import { formatSeconds } from './format-time.js';
import { stringifyDataForSeo } from './json.js';
import { FREE, taskCost } from './pricing.js';
import { STATUS } from './status.js';
import { FUNCTION_CODE, newTaskId } from './task-id.js';
import { apiVersionFor } from './version.js';

const task = (code: number, cost: number) =>
  buildTask({
    id: 'x',
    status: { code, message: 'm' },
    seconds: 0.5,
    cost,
    path: ['v3', 'backlinks', 'page_intersection', 'live'],
    data: { api: 'backlinks' },
    result: code === 20000 ? [{}] : null,
  });

describe('envelope', () => {
  it('keeps DataForSEO key order for envelope and task', () => {
    const env = buildEnvelope('0.1.20261123', STATUS.ok, 1.23456, [task(20000, 0.02)]);
    expect(Object.keys(env)).toEqual([
      'version',
      'status_code',
      'status_message',
      'time',
      'cost',
      'tasks_count',
      'tasks_error',
      'tasks',
    ]);
    expect(Object.keys(env.tasks[0] ?? {})).toEqual([
      'id',
      'status_code',
      'status_message',
      'time',
      'cost',
      'result_count',
      'path',
      'data',
      'result',
    ]);
    expect(env.time).toBe('1.2346 sec.');
  });

  it('sums task costs and counts tasks that are not 20000 as errors', () => {
    const env = buildEnvelope('v', STATUS.ok, 0, [
      task(20000, 0.02003),
      task(40000, 0),
      task(40501, 0),
    ]);
    expect(env.cost).toBe(0.02003);
    expect(env.tasks_count).toBe(3);
    expect(env.tasks_error).toBe(2);
    expect(env.tasks.map((t) => t.result_count)).toEqual([1, 0, 0]);
  });

  it('adds costs without floating-point noise', () => {
    expect(sumCosts([0.1, 0.2])).toBe(0.3);
    expect(taskCost({ base: 0.02, perItem: 0.00003 }, 5)).toBe(0.02015);
    expect(taskCost({ base: 0.02, perItem: 0.00003 }, 1)).toBe(0.02003);
    expect(taskCost(FREE, 1000)).toBe(0);
  });
});

describe('formatting', () => {
  it('prints times with four decimals', () => {
    expect(formatSeconds(14.99594)).toBe('14.9959 sec.');
    expect(formatSeconds(0)).toBe('0.0000 sec.');
  });

  it('escapes every slash and still parses to the same value', () => {
    const v = { url: 'https://a.com/b/c', n: 1 };
    const text = stringifyDataForSeo(v);
    expect(text).toBe('{"url":"https:\\/\\/a.com\\/b\\/c","n":1}');
    expect(JSON.parse(text)).toEqual(v);
  });

  it('builds the version from a UTC date', () => {
    expect(apiVersionFor(new Date('2022-12-14T23:59:59Z'))).toBe('0.1.20221214');
  });
});

describe('newTaskId', () => {
  it('encodes the UTC minute and the function code', () => {
    const at = new Date('2026-03-21T19:12:59Z');
    const page = newTaskId('page_intersection', at);
    expect(page).toMatch(/^03211912-1535-0287-0000-[0-9a-f]{12}$/);
    expect(newTaskId('domain_intersection', at)).toMatch(/^03211912-1535-0268-0000-[0-9a-f]{12}$/);
    expect(FUNCTION_CODE.domain_intersection).toBe('0268');
  });

  it('gives different ids within one minute', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const ids = new Set(Array.from({ length: 50 }, () => newTaskId('page_intersection', at)));
    expect(ids.size).toBe(50);
  });
});
