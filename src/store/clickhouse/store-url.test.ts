import { describe, expect, it } from 'vitest';
import { parseClickHouseUrl, redactClickHouseUrl } from './store-url.js';

describe('ClickHouse store URLs', () => {
  it('parses nodes, database, cluster and credentials', () => {
    const p = parseClickHouseUrl('clickhouse://ann:p%40ss@ch1:9000,ch2/links?cluster=big');
    expect(p).toEqual({
      ok: true,
      target: {
        kind: 'http',
        nodes: [
          { host: 'ch1', port: 9000 },
          { host: 'ch2', port: 8123 },
        ],
        database: 'links',
        cluster: 'big',
        user: 'ann',
        password: 'p@ss',
      },
    });
    expect(parseClickHouseUrl('clickhouse://[::1]:8123/db')).toMatchObject({
      ok: true,
      target: { nodes: [{ host: '::1', port: 8123 }], cluster: 'lg', user: null },
    });
  });

  it('parses chdb directories', () => {
    expect(parseClickHouseUrl('chdb:/var/lib/lg?module=/opt/chdb')).toEqual({
      ok: true,
      target: {
        kind: 'chdb',
        path: '/var/lib/lg',
        database: 'linkgap',
        cluster: 'lg',
        modulePath: '/opt/chdb',
      },
    });
  });

  it.each([
    ['clickhouse://h:8123', 'needs a database'],
    ['clickhouse://h:8123/bad-db', 'database must be a name'],
    ['clickhouse://h:99999/db', 'bad port'],
    ['clickhouse://h x/db', 'bad host'],
    ['clickhouse://h/db?cluster=a;b', 'cluster must be a name'],
    ['clickhouse://h/db?colour=red', 'unknown parameter'],
    ['chdb:', 'needs a directory'],
    ['mysql://h/db', 'starts with clickhouse://'],
  ])('refuses %s', (url, message) => {
    const p = parseClickHouseUrl(url);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toContain(message);
  });

  it('never echoes a password', () => {
    const p = parseClickHouseUrl('clickhouse://u:secret@h x/db');
    expect(p.ok || p.error.includes('secret')).toBe(false);
    expect(redactClickHouseUrl('clickhouse://u:secret@h/db')).toBe('clickhouse://u:***@h/db');
  });
});
