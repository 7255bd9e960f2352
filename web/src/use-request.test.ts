import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.js';
import {
  currentRequestState,
  idleRequestState,
  nextRequestState,
  type RequestEvent,
  type RequestState,
} from './use-request.js';

type S = RequestState<string>;
const run = (events: RequestEvent<string>[], from: S = idleRequestState()): S =>
  events.reduce<S>((s, e) => nextRequestState(s, e), from);
const bad = new ApiError('query.competitors.0.value: not a domain', 400, 'invalid_request');

/** a.com + b.com answered: 120 prospects. */
const answered = run([
  { type: 'start', key: 'ab|sort1|0', group: 'ab' },
  { type: 'done', key: 'ab|sort1|0', data: '120 rows of ab' },
]);

describe('nextRequestState', () => {
  it('hands an answer out with its key only', () => {
    expect(answered).toMatchObject({ key: 'ab|sort1|0', data: '120 rows of ab', loading: false });
    expect(answered.stale).toBeNull();
  });

  it('shows no earlier answer when a new question fails', () => {
    const s = run(
      [
        { type: 'start', key: 'xy|sort1|0', group: 'xy' },
        { type: 'fail', key: 'xy|sort1|0', error: bad },
      ],
      answered,
    );
    expect(s).toMatchObject({ key: 'xy|sort1|0', data: null, error: bad, loading: false });
    expect(s.stale).toBeNull();
  });

  it('keeps no earlier answer while a new question loads', () => {
    const s = run([{ type: 'start', key: 'xy|sort1|0', group: 'xy' }], answered);
    expect(s).toMatchObject({ key: 'xy|sort1|0', data: null, error: null, loading: true });
    expect(s.stale).toBeNull();
  });

  it('keeps the rows of the same question, as stale, only while its next sort loads', () => {
    const loading = run([{ type: 'start', key: 'ab|sort2|0', group: 'ab' }], answered);
    expect(loading).toMatchObject({ key: 'ab|sort2|0', data: null, loading: true });
    expect(loading.stale).toEqual({ key: 'ab|sort1|0', data: '120 rows of ab' });
    // A page asked before the sort answered keeps the same stale rows.
    const again = run([{ type: 'start', key: 'ab|sort2|50', group: 'ab' }], loading);
    expect(again.stale).toEqual({ key: 'ab|sort1|0', data: '120 rows of ab' });
    const failed = run([{ type: 'fail', key: 'ab|sort2|50', error: bad }], again);
    expect(failed).toMatchObject({ data: null, error: bad, stale: null });
    const done = run([{ type: 'done', key: 'ab|sort2|50', data: 'sorted ab' }], again);
    expect(done).toMatchObject({ key: 'ab|sort2|50', data: 'sorted ab', stale: null });
  });

  it('drops stale rows after a failure, and answers for another key', () => {
    const failed = run(
      [
        { type: 'start', key: 'ab|sort2|0', group: 'ab' },
        { type: 'fail', key: 'ab|sort2|0', error: bad },
        { type: 'start', key: 'ab|sort3|0', group: 'ab' },
      ],
      answered,
    );
    expect(failed.stale).toBeNull();
    const late = run(
      [
        { type: 'start', key: 'xy|sort1|0', group: 'xy' },
        { type: 'done', key: 'ab|sort1|0', data: 'late ab' },
        { type: 'fail', key: 'ab|sort1|0', error: bad },
      ],
      answered,
    );
    expect(late).toMatchObject({ key: 'xy|sort1|0', data: null, error: null, loading: true });
  });

  it('resets to nothing asked', () => {
    expect(run([{ type: 'reset' }], answered)).toEqual(idleRequestState());
  });
});

describe('currentRequestState', () => {
  it('never shows an answer under a key it does not belong to, even before the effect runs', () => {
    expect(currentRequestState(answered, 'ab|sort1|0', 'ab')).toBe(answered);
    const next = currentRequestState(answered, 'xy|sort1|0', 'xy');
    expect(next).toMatchObject({ key: 'xy|sort1|0', data: null, loading: true, stale: null });
    expect(currentRequestState(answered, 'ab|sort2|0', 'ab').stale?.data).toBe('120 rows of ab');
    expect(currentRequestState(answered, null)).toEqual(idleRequestState());
  });
});
