import { describe, expect, it } from 'vitest';
import { pruneValue, toAiResponse } from './ai-response.js';
import { buildEnvelope, buildTask } from './envelope.js';
import { STATUS } from './status.js';

const envelopeWith = (status: { code: number; message: string }, result: unknown[] | null) =>
  buildEnvelope('v', STATUS.ok, 0, [
    buildTask({ id: 'task-1', status, seconds: 0, cost: 0, path: [], data: {}, result }),
  ]);

describe('pruneValue', () => {
  it('drops null, false, empty strings, empty arrays and empty objects, recursively', () => {
    expect(
      pruneValue({
        a: null,
        b: false,
        c: '',
        d: [],
        e: {},
        f: { g: null },
        h: [null, false, 'x'],
        keep: true,
        zero: 0,
        text: 'y',
      }),
    ).toEqual({ h: ['x'], keep: true, zero: 0, text: 'y' });
  });

  it('rounds non-integers to three decimals and keeps integers', () => {
    expect(pruneValue({ a: 1.23456, b: 2.0005, c: 7, d: -0.0004 })).toEqual({
      a: 1.235,
      b: 2.001,
      c: 7,
      d: -0,
    });
  });

  it('keeps an empty-string key whose value is not empty', () => {
    expect(pruneValue({ '': 3, article: 1 })).toEqual({ '': 3, article: 1 });
  });
});

describe('toAiResponse', () => {
  it('reduces a successful envelope to id, status and the pruned items of result[0]', () => {
    const env = envelopeWith(STATUS.ok, [
      { targets: { '1': 'a.com' }, total_count: 1, items_count: 1, items: [{ x: 1, y: null }] },
    ]);
    const ai = toAiResponse(env);
    expect(ai).toEqual({
      id: 'task-1',
      status_code: 20000,
      status_message: 'Ok.',
      items: [{ x: 1 }],
    });
    expect(Object.keys(ai)).toEqual(['id', 'status_code', 'status_message', 'items']);
  });

  it('gives a failed task without items', () => {
    const ai = toAiResponse(
      envelopeWith({ code: 40501, message: "Invalid Field: 'limit'." }, null),
    );
    expect(ai).toEqual({
      id: 'task-1',
      status_code: 40501,
      status_message: "Invalid Field: 'limit'.",
    });
  });

  it('gives a refused request as status only', () => {
    const ai = toAiResponse(buildEnvelope('v', STATUS.postDataEmpty, 0, []));
    expect(ai).toEqual({ status_code: 40502, status_message: 'POST Data Is Empty.' });
  });

  it('keeps an empty items array for a successful task with no results', () => {
    const env = envelopeWith(STATUS.ok, [
      { targets: {}, total_count: 0, items_count: 0, items: [] },
    ]);
    expect(toAiResponse(env).items).toEqual([]);
  });
});
