import { describe, expect, it } from 'vitest';
import { fieldResolver } from './field-resolver.js';

describe('fieldResolver: page', () => {
  const resolve = fieldResolver('page', ['1', '2', 'x']);

  it('resolves <key>.<backlink field> to the key index', () => {
    expect(resolve('1.rank')).toEqual({ field: { target: 0, name: 'rank' }, type: 'num' });
    expect(resolve('2.anchor')).toEqual({ field: { target: 1, name: 'anchor' }, type: 'str' });
    expect(resolve('x.attributes')).toEqual({
      field: { target: 2, name: 'attributes' },
      type: 'array',
    });
    expect(resolve('1.first_seen')?.type).toBe('time');
    expect(resolve('2.dofollow')?.type).toBe('bool');
  });

  it('resolves unprefixed intersections_count to target null', () => {
    expect(resolve('intersections_count')).toEqual({
      field: { target: null, name: 'intersections_count' },
      type: 'num',
    });
  });

  it('rejects unknown keys, unknown fields and unprefixed backlink fields', () => {
    expect(resolve('3.rank')).toBeNull();
    expect(resolve('1.nope')).toBeNull();
    expect(resolve('rank')).toBeNull();
    expect(resolve('.rank')).toBeNull();
    expect(resolve('1.')).toBeNull();
    expect(resolve('1.intersections_count')).toBeNull();
    expect(resolve('1.referring_pages')).toBeNull();
    expect(resolve('1.type')).toBeNull();
    expect(resolve('1.indirect_link_path')).toBeNull();
    expect(resolve('1.constructor')).toBeNull();
    expect(resolve('1.toString')).toBeNull();
  });

  it('is case-sensitive', () => {
    expect(resolve('1.Rank')).toBeNull();
    expect(resolve('Intersections_count')).toBeNull();
  });

  it('handles keys that contain a dot', () => {
    const r = fieldResolver('page', ['a.b', 'c']);
    expect(r('a.b.rank')).toEqual({ field: { target: 0, name: 'rank' }, type: 'num' });
    expect(r('b.rank')).toBeNull();
  });
});

describe('fieldResolver: domain', () => {
  const resolve = fieldResolver('domain', ['1', '2']);

  it('resolves <key>.<domain stats field> and intersections_count', () => {
    expect(resolve('2.referring_pages')).toEqual({
      field: { target: 1, name: 'referring_pages' },
      type: 'num',
    });
    expect(resolve('1.target')?.type).toBe('str');
    expect(resolve('1.lost_date')?.type).toBe('time');
    expect(resolve('intersections_count')?.field).toEqual({
      target: null,
      name: 'intersections_count',
    });
  });

  it('rejects backlink-only fields, count maps and unknown keys', () => {
    expect(resolve('1.anchor')).toBeNull();
    expect(resolve('1.referring_links_tld')).toBeNull();
    expect(resolve('1.internal_links_count')).toBeNull();
    expect(resolve('3.rank')).toBeNull();
  });
});

describe('fieldResolver: backlink', () => {
  const resolve = fieldResolver('backlink', ['1', '2']);

  it('resolves unprefixed backlink fields to target null', () => {
    expect(resolve('dofollow')).toEqual({
      field: { target: null, name: 'dofollow' },
      type: 'bool',
    });
    expect(resolve('domain_from_platform_type')?.type).toBe('array');
  });

  it('rejects prefixed fields and intersections_count', () => {
    expect(resolve('1.dofollow')).toBeNull();
    expect(resolve('intersections_count')).toBeNull();
    expect(resolve('referring_pages')).toBeNull();
  });
});
