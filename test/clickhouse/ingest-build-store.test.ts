/**
 * `linkgap ingest`, `build` and `export` on a ClickHouse store, through the built CLI, on every
 * backend: the store's captures, links and answers must be exactly those of the same inputs
 * ingested and built with `--db`; reruns skip what is uploaded; parallel ingests into one
 * cluster store each capture once; bad uses are usage errors or clear failures.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';
import { type ClickHouseBackend, clickhouseBackends } from '../helpers/clickhouse-cluster.js';
import { useBackend } from '../helpers/use-clickhouse.js';

let dir = '';
/** The most linked domains of the generated web. */
let topDomains: string[] = [];
let web = '';
/** The generated snapshots (not the truth file, whose captures repeat theirs without context). */
let inputs: string[] = [];
/** The same inputs ingested and built with --db: what every store must match. */
let db = '';

/** One capture no generated site has, for a second ingest. */
const EXTRA = {
  url: 'https://late-arrival.example/post',
  fetched_at: '2026-05-01T00:00:00Z',
  status: 200,
  content_type: 'text/html',
  links: [{ url: 'https://late-target.example/', item_type: 'anchor', anchor: 'a late link' }],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkgap-ch-ingest-'));
  web = join(dir, 'web');
  await cli(['generate', '--out', web, '--pages', '150', '--seed', '11', '--format', 'ndjson']);
  const manifest = JSON.parse(await readFile(join(web, 'manifest.json'), 'utf8')) as {
    topLinkedDomains: Array<{ domain: string }>;
  };
  topDomains = manifest.topLinkedDomains.map((d) => d.domain);
  inputs = [join(web, 'snapshot-1'), join(web, 'snapshot-2')];
  db = join(dir, 'snapshots.duckdb');
  await cli(['ingest', '--db', db, ...inputs]);
  await cli(['build', '--db', db]);
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code, `linkgap ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe.each(clickhouseBackends())('ingest, build and export --store ($name)', (backend) => {
  const store = useBackend(backend as ClickHouseBackend);
  let url = '';
  beforeAll(() => {
    url = store.url();
  });

  it('build on a store without captures says so', async () => {
    const r = await runCli(['build', '--store', url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds no captures yet: run linkgap ingest --store first');
  }, 60_000);

  it('ingests, builds and exports what --db does', async () => {
    const first = JSON.parse(await cli(['ingest', '--store', url, ...inputs, '--json'])) as {
      uploaded: number;
      inputs: number;
    };
    expect(first.inputs).toBe(2);
    const local = await cli(['export', '--db', db, '--captures']);
    expect(first.uploaded).toBe(local.trim().split('\n').length);

    const again = JSON.parse(await cli(['ingest', '--store', url, ...inputs, '--json'])) as {
      uploaded: number;
      alreadyIngested: number;
    };
    expect(again).toMatchObject({ uploaded: 0, alreadyIngested: 2 });

    const built = JSON.parse(await cli(['build', '--store', url, '--json'])) as {
      links: number;
      published: { alreadyPublished: boolean; links: number };
    };
    expect(built.published.alreadyPublished).toBe(false);
    expect(built.published.links).toBe(built.links);

    expect(await cli(['export', '--store', url, '--captures'])).toBe(local);
    for (const format of ['ndjson', 'csv']) {
      const want = await cli(['export', '--db', db, '--links', '--format', format]);
      expect(await cli(['export', '--store', url, '--links', '--format', format])).toBe(want);
    }
    const out = join(dir, `links-${backend.name.replace(/\W/g, '')}.ndjson`);
    await cli(['export', '--store', url, '--links', '--out', out]);
    expect(await readFile(out, 'utf8')).toBe(await cli(['export', '--db', db, '--links']));

    const [a = '', b = '', c = ''] = topDomains;
    const args = ['--target', a, '--target', b, '--exclude', c, '--min-matching', '1', '--json'];
    const want = JSON.parse(await cli(['gap', '--db', db, ...args])) as {
      total_count: number;
    };
    expect(want.total_count).toBeGreaterThan(0);
    expect(JSON.parse(await cli(['gap', '--store', url, ...args]))).toEqual(want);
  }, 240_000);

  it('adds the captures of a new input and rebuilds', async () => {
    const extra = join(dir, `extra-${backend.name.replace(/\W/g, '')}.ndjson`);
    await writeFile(extra, `${JSON.stringify(EXTRA)}\n`);
    const r = JSON.parse(await cli(['ingest', '--store', url, extra, '--json'])) as {
      uploaded: number;
    };
    expect(r.uploaded).toBe(1);
    await cli(['build', '--store', url, '--keep', '1']);
    const gap = JSON.parse(
      await cli(['gap', '--store', url, '--target', 'late-target.example', '--json']),
    ) as { total_count: number; items: Array<{ url_from?: string; domain_from?: string }> };
    expect(gap.total_count).toBe(1);
    expect(JSON.stringify(gap.items)).toContain('late-arrival.example');
    const captures = await cli(['export', '--store', url, '--captures']);
    expect(captures).toContain('"url":"https://late-arrival.example/post"');
    // A changed input (new fingerprint) is read again; its captures stay one each.
    await appendFile(extra, '\n');
    const changed = JSON.parse(await cli(['ingest', '--store', url, extra, '--json'])) as {
      uploaded: number;
      alreadyIngested: number;
    };
    expect(changed).toMatchObject({ uploaded: 1, alreadyIngested: 0 });
    expect(await cli(['export', '--store', url, '--captures'])).toBe(captures);
  }, 240_000);

  it('refuses parquet from a store and a bad --work-dir', async () => {
    const p = await runCli(['export', '--store', url, '--links', '--format', 'parquet']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('a ClickHouse store exports ndjson or csv');
    const w = await runCli(['ingest', '--store', url, web, '--work-dir', join(dir, 'no', 'x')]);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain('--work-dir: cannot create a staging directory');
  }, 60_000);
});

const cluster = clickhouseBackends().find((b) => b.name.includes('2-shard'));

describe.runIf(cluster !== undefined)('parallel ingest into one cluster', () => {
  it('stores each capture once when two ingests overlap', async () => {
    const s = await (cluster as ClickHouseBackend).start();
    try {
      await Promise.all([
        cli(['ingest', '--store', s.url, ...inputs]),
        cli(['ingest', '--store', s.url, inputs[1] ?? '']),
      ]);
      const got = await cli(['export', '--store', s.url, '--captures']);
      expect(got).toBe(await cli(['export', '--db', db, '--captures']));
    } finally {
      await s.stop();
    }
  }, 240_000);
});
