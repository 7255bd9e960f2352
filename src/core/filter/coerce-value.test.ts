import { describe, expect, it } from 'vitest';
import { coerceValue, show } from './coerce-value.js';

describe('coerceValue', () => {
  it('coerces each type', () => {
    expect(coerceValue('num', '=', '1e3')).toEqual({ ok: true, value: 1000 });
    expect(coerceValue('num', '=', '.5')).toEqual({ ok: true, value: 0.5 });
    expect(coerceValue('num', '=', '-0')).toEqual({ ok: true, value: -0 });
    expect(coerceValue('bool', '<>', ' True ')).toEqual({ ok: true, value: true });
    expect(coerceValue('time', '<', '1970-01-02')).toEqual({ ok: true, value: 86_400 });
    expect(coerceValue('str', 'ilike', 'A%')).toEqual({ ok: true, value: 'A%' });
    expect(coerceValue('str', '=', 1.5)).toEqual({ ok: true, value: '1.5' });
    expect(coerceValue('array', 'has', 'ugc')).toEqual({ ok: true, value: 'ugc' });
  });

  it('rejects values of the wrong type with a message naming the type', () => {
    expect(coerceValue('num', '=', '')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/number/),
    });
    expect(coerceValue('num', '=', '1e')).toMatchObject({ ok: false });
    expect(coerceValue('num', '=', '1.2.3')).toMatchObject({ ok: false });
    expect(coerceValue('bool', '=', 'maybe')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/true or false/),
    });
    expect(coerceValue('time', '=', 0)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/time/),
    });
    expect(coerceValue('str', '=', Number.NaN)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/string/),
    });
    expect(coerceValue('array', 'has', false)).toMatchObject({ ok: false });
  });

  it('coerces in/not_in list items to the field type', () => {
    expect(coerceValue('time', 'in', ['1970-01-01', '1970-01-02'])).toEqual({
      ok: true,
      value: [0, 86_400],
    });
    expect(coerceValue('str', 'not_in', ['a', 2])).toEqual({ ok: true, value: ['a', '2'] });
    expect(coerceValue('num', 'in', [1, 'x'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/list item "x"/),
    });
  });

  it('allows null with = and <> only', () => {
    expect(coerceValue('time', '=', null)).toEqual({ ok: true, value: null });
    expect(coerceValue('str', '<>', null)).toEqual({ ok: true, value: null });
    expect(coerceValue('num', '>=', null)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/null/),
    });
    expect(coerceValue('str', 'regex', null)).toMatchObject({ ok: false });
    expect(coerceValue('num', 'in', null)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/array/),
    });
  });

  it('checks patterns only for pattern operators', () => {
    const long = 'a'.repeat(1001);
    expect(coerceValue('str', '=', long)).toEqual({ ok: true, value: long });
    expect(coerceValue('str', 'like', long)).toMatchObject({ ok: false });
    expect(coerceValue('str', 'match', long)).toMatchObject({ ok: false });
    const never = () => false;
    expect(coerceValue('str', '=', '(', { isValidRegex: never })).toEqual({ ok: true, value: '(' });
    expect(coerceValue('str', 'regex', '(', { isValidRegex: never })).toMatchObject({ ok: false });
  });

  it('finds words in any script for match', () => {
    expect(coerceValue('str', 'match', 'ſ')).toMatchObject({ ok: true });
    expect(coerceValue('str', 'match', '東京')).toMatchObject({ ok: true });
    expect(coerceValue('str', 'match', '٣')).toMatchObject({ ok: true });
    expect(coerceValue('str', 'not_match', '!?')).toMatchObject({ ok: false });
  });
});

describe('show', () => {
  it('renders values as JSON and shortens long ones', () => {
    expect(show('x')).toBe('"x"');
    expect(show(undefined)).toBe('undefined');
    expect(show('a'.repeat(100))).toHaveLength(60);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe('{…}');
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(show(deep)).toBe('[…]');
  });
});
