import { describe, expect, it } from 'vitest';
import {
  fieldValue,
  invalidField,
  isObject,
  readBool,
  readEnum,
  readExcludes,
  readInt,
  readString,
  readTargets,
} from './task-fields.js';

describe('task field readers', () => {
  it('formats the 40501 message', () => {
    expect(invalidField('limit')).toBe("Invalid Field: 'limit'.");
  });

  it('tells JSON objects from arrays and null', () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject('x')).toBe(false);
  });

  it('reads null and missing fields as absent, own fields only', () => {
    expect(fieldValue({ a: null }, 'a')).toBeUndefined();
    expect(fieldValue({}, 'toString')).toBeUndefined();
    expect(fieldValue({ a: 0 }, 'a')).toBe(0);
    expect(fieldValue({ a: false }, 'a')).toBe(false);
  });

  it('reads integers in range with a fallback', () => {
    expect(readInt({}, 'n', 1, 5, 3)).toEqual({ ok: true, value: 3 });
    expect(readInt({ n: 5 }, 'n', 1, 5, 3)).toEqual({ ok: true, value: 5 });
    expect(readInt({ n: 6 }, 'n', 1, 5, 3)).toEqual({
      ok: false,
      field: 'n',
      message: "Invalid Field: 'n'.",
      detail: 'n: must be an integer from 1 to 5',
    });
    expect(readInt({ n: '2' }, 'n', 1, 5, 3).ok).toBe(false);
    expect(readInt({ n: Number.NaN }, 'n', 1, 5, 3).ok).toBe(false);
  });

  it('reads booleans, enums and strings', () => {
    expect(readBool({ b: false }, 'b', true)).toEqual({ ok: true, value: false });
    expect(readBool({ b: 'false' }, 'b', true).ok).toBe(false);
    expect(readEnum({ e: 'lost' }, 'e', ['live', 'lost'], 'live')).toEqual({
      ok: true,
      value: 'lost',
    });
    expect(readEnum({ e: 'Lost' }, 'e', ['live', 'lost'], 'live')).toMatchObject({
      ok: false,
      detail: 'e: must be one of live, lost',
    });
    expect(readString({}, 's', 3)).toEqual({ ok: true, value: undefined });
    expect(readString({ s: 'abc' }, 's', 3)).toEqual({ ok: true, value: 'abc' });
    expect(readString({ s: 'abcd' }, 's', 3).ok).toBe(false);
  });

  it('explains bad targets in the detail', () => {
    expect(readTargets({ targets: { '1': 'a.com/x' } }, true)).toMatchObject({
      ok: false,
      message: "Invalid Field: 'targets'.",
      detail: expect.stringMatching(/'1': not an http\(s\) URL or a host name/),
    });
    expect(readTargets({ targets: { '1': 7 } }, true)).toMatchObject({
      detail: expect.stringMatching(/7 is not a string/),
    });
    expect(readExcludes({ exclude_targets: ['x.com/*'] }, true)).toMatchObject({
      ok: false,
      field: 'exclude_targets',
    });
  });
});
