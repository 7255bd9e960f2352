import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { watFile, watFixture } from '../helpers/wat-bytes.js';
import { ndjson, runCli } from './run-cli.js';

describe('ingest of WAT, NDJSON and CSV through the CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-formats-'));
  });

  it('reads a WAT, a gzipped captures NDJSON and a links CSV from one directory, skipping other files', async () => {
    const inputs = join(dir, 'inputs');
    await mkdir(inputs);
    await writeFile(join(inputs, 'crawl.wat.gz'), watFile([watFixture('html-page.json')]).bytes);
    const capture = {
      url: 'https://news.example.net/a',
      fetched_at: '2026-02-01T00:00:00Z',
      status: 200,
      signals: {
        head_hosts: ['fonts.googleapis.com'],
        software: ['ghost'],
        schema_types: ['NewsArticle'],
        contact: ['phone', 'contact_page'],
        favicon: true,
        text_chars: 2048,
      },
      links: [
        { url: 'https://www.example.org/', item_type: 'anchor', anchor: 'Example', rel: ['ugc'] },
      ],
    };
    await writeFile(join(inputs, 'captures.ndjson.gz'), gzipSync(`${JSON.stringify(capture)}\n`));
    await writeFile(
      join(inputs, 'export.csv'),
      'url_from,url_to,anchor,rel,first_seen,last_seen\n' +
        'https://blog.example.com/p,https://www.example.org/,example site,nofollow,2026-01-01,2026-03-01\n',
    );
    await writeFile(join(inputs, 'NOTES.md'), '# not data\n');
    const db = join(dir, 'formats.duckdb');
    const r = await runCli(['ingest', '--db', db, '--json', inputs]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { inputs: number; skippedInputs: string[] };
    expect(summary.inputs).toBe(3);
    expect(summary.skippedInputs).toEqual([join(inputs, 'NOTES.md')]);

    const captures = ndjson<Capture>((await runCli(['export', '--captures', '--db', db])).stdout);
    const wat = captures.find((c) => c.url === 'https://www.example.org/guides/seo/index.html');
    expect(wat?.links.length).toBeGreaterThan(3);
    expect(captures.find((c) => c.url === capture.url)).toEqual(capture);
    expect(
      captures.filter((c) => c.url === 'https://blog.example.com/p').map((c) => c.fetched_at),
    ).toEqual(['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z']);

    expect((await runCli(['build', '--db', db])).code).toBe(0);
    const csv = (await runCli(['export', '--links', '--format', 'csv', '--db', db])).stdout.split(
      '\n',
    );
    expect(csv[0]).toMatch(/^domain_from,url_from,/);
    const row = (from: string) =>
      csv.find((l) => l.includes(`,${from},`) && l.includes(',https://www.example.org/,'));
    expect(row('https://news.example.net/a')).toContain('"[""ugc""]",false,');
    expect(row('https://blog.example.com/p')).toContain('"[""nofollow""]",false,');
  });

  it('writes parquet only to a file', async () => {
    const db = join(dir, 'formats.duckdb');
    const out = join(dir, 'links.parquet');
    const r = await runCli(['export', '--links', '--format', 'parquet', '--out', out, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const bad = await runCli(['export', '--links', '--format', 'parquet', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--out');
  });
});
