import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredCapture } from '../types.js';
import { createDuckDBStore } from './duckdb-link-store.js';
import { SCHEMA_VERSION } from './schema.js';

const A = 'https://a.com/';
const T1 = '2026-01-15T10:00:00Z';
const T2 = '2026-04-15T10:00:00Z';

/** The raw tables of a schema-version-1 file, as linkgap wrote them before `signals`. */
const V1_SCHEMA = [
  `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `INSERT INTO meta VALUES ('schema_version', '1')`,
  `CREATE TABLE sources (
     source_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, fingerprint VARCHAR NOT NULL,
     records_done BIGINT NOT NULL DEFAULT 0, complete BOOLEAN NOT NULL DEFAULT false,
     captures_added BIGINT NOT NULL DEFAULT 0, errors BIGINT NOT NULL DEFAULT 0,
     started_at TIMESTAMP, finished_at TIMESTAMP)`,
  `CREATE TABLE captures (
     capture_id BIGINT NOT NULL, url VARCHAR NOT NULL, fetched_at TIMESTAMP NOT NULL,
     status SMALLINT NOT NULL, ip VARCHAR, content_type VARCHAR, redirect_location VARCHAR,
     title VARCHAR, lang VARCHAR, encoding VARCHAR, size BIGINT, meta VARCHAR,
     payload_digest VARCHAR, revisit_digest VARCHAR, revisit_uri VARCHAR, revisit_date TIMESTAMP,
     is_revisit BOOLEAN NOT NULL, source_id INTEGER NOT NULL)`,
  `CREATE TABLE capture_links (
     capture_id BIGINT NOT NULL, ord INTEGER NOT NULL, url VARCHAR NOT NULL, item_type VARCHAR NOT NULL,
     anchor VARCHAR, alt VARCHAR, rel VARCHAR, text_pre VARCHAR, text_post VARCHAR,
     semantic_location VARCHAR)`,
  `CREATE TABLE ingest_errors (
     source_id INTEGER NOT NULL, record_index BIGINT NOT NULL, byte_offset BIGINT NOT NULL,
     message VARCHAR NOT NULL)`,
  `CREATE TABLE builds (built_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL, stats VARCHAR NOT NULL)`,
  `INSERT INTO sources (source_id, name, fingerprint) VALUES (1, 'old', 'f')`,
  `INSERT INTO captures VALUES (1, 'https://old.com/', TIMESTAMP '2025-06-01 00:00:00', 200, NULL,
     'text/html', NULL, 'Old', NULL, NULL, NULL, NULL, 'sha1:O', NULL, NULL, NULL, false, 1)`,
  `INSERT INTO capture_links VALUES (1, 0, 'https://a.com/', 'anchor', 'a', NULL, NULL, NULL, NULL, NULL)`,
];

async function query(path: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function exported(path: string): Promise<string[]> {
  const store = await createDuckDBStore({ path });
  const lines: string[] = [];
  try {
    await store.exportCaptures((l) => {
      lines.push(l);
    });
  } finally {
    await store.close();
  }
  return lines;
}

describe('capture signals in the store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-signals-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores signals, gives revisits the signals of their original, and puts the latest in pages', async () => {
    const path = join(dir, 's.duckdb');
    const store = await createDuckDBStore({ path });
    const src = await store.openSource('s', 'f');
    const captures: StoredCapture[] = [
      {
        url: A,
        fetched_at: T1,
        status: 200,
        payloadDigest: 'sha1:X',
        signals: { text_chars: 120, favicon: true, software: ['wordpress'], contact: ['email'] },
        links: [],
      },
      { url: A, fetched_at: T2, status: 200, links: [], revisit: { digest: 'sha1:X', uri: A } },
      { url: 'https://b.com/', fetched_at: T1, status: 200, signals: {}, links: [] },
    ];
    await store.appendBatch(src, { captures, errors: [], recordsDone: 3 });
    await store.build();
    await store.close();

    const signals =
      '"signals":{"software":["wordpress"],"contact":["email"],"favicon":true,"text_chars":120}';
    expect(await exported(path)).toEqual([
      `{"url":"https://a.com/","fetched_at":"2026-01-15T10:00:00Z","status":200,${signals},"links":[]}`,
      `{"url":"https://a.com/","fetched_at":"2026-04-15T10:00:00Z","status":200,${signals},"links":[]}`,
      '{"url":"https://b.com/","fetched_at":"2026-01-15T10:00:00Z","status":200,"links":[]}',
    ]);
    const pages = await query(path, 'SELECT url, signals FROM pages ORDER BY url');
    expect(
      pages.map((p) => [p.url, p.signals === null ? null : JSON.parse(String(p.signals))]),
    ).toEqual([
      [
        'https://a.com/',
        { software: ['wordpress'], contact: ['email'], favicon: true, text_chars: 120 },
      ],
      ['https://b.com/', null],
    ]);
  });

  it('migrates a version-1 file: old captures keep working, new ones carry signals', async () => {
    const path = join(dir, 'v1.duckdb');
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    for (const sql of V1_SCHEMA) await conn.run(sql);
    conn.closeSync();
    instance.closeSync();

    const store = await createDuckDBStore({ path });
    const src = await store.openSource('new', 'f');
    const added = await store.appendBatch(src, {
      captures: [{ url: A, fetched_at: T1, status: 200, signals: { favicon: false }, links: [] }],
      errors: [],
      recordsDone: 1,
    });
    expect(added.added).toBe(1);
    await store.build();
    await store.close();

    expect(await query(path, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([
      { value: SCHEMA_VERSION },
    ]);
    expect(await exported(path)).toEqual([
      '{"url":"https://a.com/","fetched_at":"2026-01-15T10:00:00Z","status":200,"signals":{"favicon":false},"links":[]}',
      '{"url":"https://old.com/","fetched_at":"2025-06-01T00:00:00Z","status":200,"content_type":"text/html","title":"Old","links":[{"url":"https://a.com/","item_type":"anchor","anchor":"a"}]}',
    ]);
    // Opening the migrated file again is a no-op.
    expect(await exported(path)).toHaveLength(2);
  });

  it('refuses a file of an unknown schema version', async () => {
    const path = join(dir, 'v9.duckdb');
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
    await conn.run(`INSERT INTO meta VALUES ('schema_version', '9')`);
    conn.closeSync();
    instance.closeSync();
    await expect(createDuckDBStore({ path })).rejects.toThrow(/schema version 9/);
  });
});
