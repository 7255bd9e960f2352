import { describe, expect, it } from 'vitest';
import { jsonNestsDeeper, parseBoundedJson } from './bounded-json.js';

describe('bounded JSON', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonNestsDeeper('[[[]]]', 3)).toBe(false);
    expect(jsonNestsDeeper('[[[[]]]]', 3)).toBe(true);
    expect(jsonNestsDeeper('["[[[[[[", {"a": "\\"[[[[["}]', 2)).toBe(false);
    expect(jsonNestsDeeper('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
  });

  it('refuses deep text before parsing and reports invalid JSON', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseBoundedJson(deep)).toMatchObject({ ok: false, reason: 'too_deep' });
    expect(parseBoundedJson('{"a":')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseBoundedJson('[{"a":[1,2]}]')).toEqual({ ok: true, value: [{ a: [1, 2] }] });
  });
});
